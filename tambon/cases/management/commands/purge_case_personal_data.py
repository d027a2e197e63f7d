"""Delete the personal data of cases finished longer ago than their organization's retention
period, now (the worker also does it daily: tambon/cases/tasks.py). The cases and their
statistics stay."""

from django.core.management.base import BaseCommand

from tambon.cases.retention import purge_expired


class Command(BaseCommand):
    help = "Delete reporters' details and files of cases finished before the retention period."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_expired()} case(s) purged")
