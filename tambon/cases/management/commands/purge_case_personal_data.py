"""Delete the personal data of cases finished longer ago than TAMBON_CASE_RETENTION_DAYS
(run daily or monthly, e.g. from cron). The cases and their statistics stay."""

import datetime

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tambon.cases import conf, services
from tambon.cases.models import FINISHED_STATES, Attachment, Case, Reporter


class Command(BaseCommand):
    help = "Delete reporters' details and files of cases finished before the retention period."

    def handle(self, *args, **options):
        cutoff = timezone.now() - datetime.timedelta(days=conf.retention_days())
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
