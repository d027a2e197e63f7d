"""Delete the rows of the access trail older than TAMBON_AUDIT_KEEP_DAYS (default 730), every
organization's. Run daily, e.g. from cron; the trail is otherwise never changed or deleted."""

from django.core.management.base import BaseCommand

from tambon.cases import audit


class Command(BaseCommand):
    help = "Delete entries of the access trail older than TAMBON_AUDIT_KEEP_DAYS."

    def handle(self, *args, **options):
        self.stdout.write(f"{audit.purge()} access record(s) purged")
