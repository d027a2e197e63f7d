"""Delete attachments kept for forms that were never sent (the worker also does it every six
hours: tambon/cases/tasks.py)."""

import time

from django.core.management.base import BaseCommand

from tambon.cases.pending import purge_abandoned


class Command(BaseCommand):
    help = "Delete files attached to case forms that were never sent."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=float, default=24, help="age of the files to delete")

    def handle(self, *args, hours, **options):
        removed = purge_abandoned(time.time() - hours * 3600)
        self.stdout.write(f"{removed} file(s) removed")
