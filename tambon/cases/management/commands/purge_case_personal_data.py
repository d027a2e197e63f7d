"""Delete the personal data of cases finished longer ago than the organization's retention
period (its case rules in the admin's settings; TAMBON_CASE_RETENTION_DAYS when it set none).
Run daily or monthly, e.g. from cron. The cases and their statistics stay."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tambon.cases import services
from tambon.cases.models import FINISHED_STATES, Attachment, Case, CaseSettings, Reporter


class Command(BaseCommand):
    help = "Delete reporters' details and files of cases finished before the retention period."

    def handle(self, *args, **options):
        # issue 10: cases are not tied to a site yet, so all of them follow the default
        # site's retention period.
        retention = CaseSettings.for_case_site(None).retention()
        cutoff = timezone.now() - datetime.timedelta(days=retention)
        has_personal_data = (
            Exists(Reporter.objects.filter(case=OuterRef("pk")))
            | Exists(Attachment.objects.filter(case=OuterRef("pk")))
            | ~Q(client_hash="")
        )
        cases = Case.objects.filter(
            has_personal_data, state__in=FINISHED_STATES, finished_at__lt=cutoff
        )
        count = 0
        for case in cases.iterator():
            services.purge_personal_data(case)
            count += 1
        self.stdout.write(f"{count} case(s) purged")
