"""Deleting the personal data of cases finished longer ago than their organization's retention
period (its case rules in the admin's settings; TAMBON_CASE_RETENTION_DAYS when it set none).
The cases and their statistics stay. Run daily by the worker (tasks.py) or by the command
purge_case_personal_data."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from tambon.core.models import Organization

from . import services
from .models import FINISHED_STATES, Attachment, Case, CaseSettings, Reporter


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


def purge_expired(now=None):
    """Purge every organization's expired cases, each with its own retention period; returns
    how many."""
    now = now or timezone.now()
    count = 0
    for organization in Organization.objects.select_related("site").order_by("pk"):
        for case in cases_to_purge(organization, now).iterator():
            services.purge_personal_data(case)
            count += 1
    return count
