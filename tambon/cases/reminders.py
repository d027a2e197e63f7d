"""The daily reminder of overdue cases, organization by organization: to each case's assignee
and to the supervisors of its organization who may see it (division heads; the executives for
their own line; the integrity officers, and only they, for corruption complaints). A case's
deadlines were set from its organization's case rules when it was filed, so the reminder follows
those rules without reading them again.

Idempotent: a person's mail for an organization is sent once a Bangkok day (the key
`remind:<organization>:<person>:<day>`), whether the worker or the command sends it, however
often either runs."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from tambon.core import tasks as background
from tambon.core.models import Organization

from . import roles
from .links import organization_url
from .models import Case, CaseKind

# Who supervises each kind of case.
SUPERVISOR_ROLES = {
    CaseKind.COMPLAINT: {roles.DIVISION_HEAD},
    CaseKind.EXECUTIVE: {roles.EXECUTIVE},
    CaseKind.CORRUPTION: {roles.INTEGRITY},
    CaseKind.ESERVICE: {roles.DIVISION_HEAD},
    CaseKind.QUESTION: {roles.DIVISION_HEAD},
    CaseKind.INFORMATION: {roles.DIVISION_HEAD},
}


def overdue_by_person(organization, now=None):
    """{user: [cases]} of the organization's overdue cases each person should hear about."""
    found = defaultdict(list)
    supervisors = {
        kind: list(roles.holders(keys, organization)) for kind, keys in SUPERVISOR_ROLES.items()
    }
    cases = Case.objects.for_organization(organization).overdue(now)
    for case in cases.select_related("assignee").order_by("resolve_due"):
        people = set(supervisors[case.kind])
        if case.assignee is not None and case.assignee.is_active:
            people.add(case.assignee)
        for person in people:
            # Never trust the lists above over the visibility rules.
            if person.email and roles.may_be_assigned(person, case):
                found[person].append(case)
    return found


def send_reminders(now=None):
    """One mail per person and organization: someone on the staff of two organizations gets
    each one's list with the address of its own admin."""
    now = now or timezone.now()
    day = timezone.localdate(now).isoformat()
    sent = 0
    for organization in Organization.objects.select_related("site").order_by("pk"):
        site_url = organization_url(organization)
        for person, cases in overdue_by_person(organization, now).items():
            key = f"remind:{organization.pk}:{person.pk}:{day}"
            if background.done(key):
                continue
            context = {"person": person, "cases": cases, "site_url": site_url}
            with translation.override(settings.LANGUAGE_CODE):
                subject = render_to_string("cases/email/overdue_subject.txt", context)
                body = render_to_string("cases/email/overdue_body.txt", context)
            send_mail(" ".join(subject.split()), body, None, [person.email])
            background.mark_done(key)
            sent += 1
    return sent
