"""The case work on the admin dashboard: for the signed-in member of staff, the cases of
their organization that they may see (the same `staff_cases` as the case list), counted as
the case list filters them, each count a link into that filtered list."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from .models import CaseEvent, CaseState, EventKind

# How far back a citizen's message counts as recent, for the dashboard and the list's filter
# (their labels say "the last week").
RECENT_REPLY_DAYS = 7
RECENT_REPLIES_SHOWN = 5


def recent_reply_start(now=None):
    return (now or timezone.now()) - datetime.timedelta(days=RECENT_REPLY_DAYS)


def with_recent_citizen_reply(cases, now=None):
    """The cases a citizen wrote to in the last RECENT_REPLY_DAYS days."""
    return cases.filter(
        events__kind=EventKind.CITIZEN_MESSAGE, events__created__gte=recent_reply_start(now)
    ).distinct()


@dataclass
class Tally:
    label: str
    count: int
    url: str
    urgent: bool = False


def _list_url(**filters):
    return f"{reverse('cases_admin:index')}?{urlencode(filters)}"


def tallies(cases, user, now=None):
    """The day's work among `cases` (already the ones the user may see), each with the case
    list's address filtered the same way."""
    open_cases = cases.open()
    return [
        Tally(
            _("Waiting for acknowledgement"),
            cases.filter(state=CaseState.SUBMITTED).count(),
            _list_url(state=CaseState.SUBMITTED),
        ),
        Tally(
            _("Overdue"),
            cases.overdue(now).count(),
            _list_url(overdue="on"),
            urgent=True,
        ),
        Tally(
            _("Assigned to me, still open"),
            open_cases.filter(assignee=user).count(),
            _list_url(mine="on", open="on"),
        ),
        Tally(
            _("Citizens wrote in the last week"),
            with_recent_citizen_reply(cases, now).count(),
            _list_url(replied="on"),
        ),
    ]


def recent_replies(organization, cases, now=None):
    """The last messages citizens wrote on these cases (of `organization`), newest first."""
    return (
        CaseEvent.objects.for_organization(organization)
        .filter(
            kind=EventKind.CITIZEN_MESSAGE,
            created__gte=recent_reply_start(now),
            case__in=cases,
        )
        .select_related("case")
        .order_by("-created", "-pk")[:RECENT_REPLIES_SHOWN]
    )


class CaseWorkPanel(Component):
    """The dashboard's first panel, for case staff."""

    name = "case_work"
    template_name = "cases/admin/dashboard_panel.html"
    order = 10

    def __init__(self, organization, cases, user):
        self.organization = organization
        self.cases = cases
        self.user = user

    def get_context_data(self, parent_context=None):
        return {
            "tallies": tallies(self.cases, self.user),
            "replies": recent_replies(self.organization, self.cases),
            "case_list": reverse("cases_admin:index"),
        }
