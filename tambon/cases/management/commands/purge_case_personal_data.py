"""Delete the personal data of cases finished longer ago than their organization's retention
period (its case rules in the admin's settings; TAMBON_CASE_RETENTION_DAYS when it set none).
Run daily or monthly, e.g. from cron. The cases and their statistics stay."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tambon.cases import services
from tambon.cases.models import FINISHED_STATES, Attachment, Case, CaseSettings, Reporter
from tambon.core.models import Organization


def cases_to_purge(organization, now):
    """The organization's finished cases past its retention period that still hold personal
    data."""
    retention = CaseSettings.of_organization(organization).retention()
    cutoff = now - datetime.timedelta(days=retention)
    # Subqueries of the organization's cases below, so not scoped again.
    has_personal_data = (
        Exists(Reporter.objects.filter(case=OuterRef("pk")))
        | Exists(Attachment.objects.filter(case=OuterRef("pk")))
        | ~Q(client_hash="")
    )
    return Case.objects.for_organization(organization).filter(
        has_personal_data, state__in=FINISHED_STATES, finished_at__lt=cutoff
    )


class Command(BaseCommand):
    help = "Delete reporters' details and files of cases finished before the retention period."

    def handle(self, *args, **options):
        now = timezone.now()
        count = 0
        # Every organization on purpose, each with its own retention period.
        for organization in Organization.objects.select_related("site").order_by("pk"):
            for case in cases_to_purge(organization, now).iterator():
                services.purge_personal_data(case)
                count += 1
        self.stdout.write(f"{count} case(s) purged")
