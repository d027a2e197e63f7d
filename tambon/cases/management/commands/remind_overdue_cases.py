"""Mail each officer the overdue cases they work on or supervise (the worker also does it
daily: tambon/cases/tasks.py; a person gets one reminder a day either way)."""

from django.core.management.base import BaseCommand

from tambon.cases.reminders import send_reminders


class Command(BaseCommand):
    help = "Mail assignees and supervisors the list of their overdue cases."

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminder(s) sent")
