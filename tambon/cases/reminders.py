"""The daily reminder of overdue cases: to each case's assignee and to the supervisors who
may see it (division heads; the executives for their own line; the integrity officers, and
only they, for corruption complaints). A case's deadlines were set from its site's case rules
when it was filed, so the reminder follows those rules without reading them again."""

from collections import defaultdict

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import roles
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


def _members(role_keys):
    return roles.holders(role_keys)


def overdue_by_person(now=None):
    """{user: [cases]} of the overdue cases each person should hear about."""
    found = defaultdict(list)
    supervisors = {kind: list(_members(keys)) for kind, keys in SUPERVISOR_ROLES.items()}
    for case in Case.objects.overdue(now).select_related("assignee").order_by("resolve_due"):
        people = set(supervisors[case.kind])
        if case.assignee is not None and case.assignee.is_active:
            people.add(case.assignee)
        for person in people:
            # Never trust the lists above over the visibility rules.
            if person.email and roles.may_be_assigned(person, case):
                found[person].append(case)
    return found


def send_reminders(now=None):
    now = now or timezone.now()
    sent = 0
    for person, cases in overdue_by_person(now).items():
        context = {"person": person, "cases": cases, "site_url": settings.WAGTAILADMIN_BASE_URL}
        with translation.override(settings.LANGUAGE_CODE):
            subject = render_to_string("cases/email/overdue_subject.txt", context)
            body = render_to_string("cases/email/overdue_body.txt", context)
        send_mail(" ".join(subject.split()), body, None, [person.email])
        sent += 1
    return sent
