"""What staff do with a case: the steps of its life (tambon.cases.actions says from which
state each leads where and who may take it), messages, the deadline, and several cases at
once. Each verb checks the step and the user, writes an event and sends `case_changed`."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tambon.thai.dates import BANGKOK, format_thai_date
from tambon.thai.days import end_of_day

from .. import actions, roles
from ..models import EventKind
from .common import (
    CaseError,
    TransitionNotAllowed,
    check_permission,
    check_transition,
    finish,
    locked,
    record,
    require_text,
)


def allowed_actions(case, user):
    """The values of the staff actions this user may take on this case now (for the buttons
    staff see), in the order of actions.STAFF."""
    return [
        action.value
        for action in actions.STAFF
        if action.possible_from(case.state) and roles.can_do(user, case, action)
    ]


def _move(case, user, action, text="", **changes):
    """A change of state. The citizen sees every state their case passes through, and the
    message that goes with it (staff write it for them: internal words go in notes)."""
    if action.needs_text:
        text = require_text(text)
    with transaction.atomic():
        current = locked(case)
        check_permission(user, current, action)
        check_transition(current, action)
        from_state = current.state
        current.state = action.target
        for field, value in changes.items():
            setattr(current, field, value)
        current.save()
        record(
            current,
            EventKind.STATE_CHANGE,
            user,
            action,
            text=text,
            from_state=from_state,
            to_state=current.state,
            public=True,
        )
    return finish(case, current)


def acknowledge(case, user, text=""):
    return _move(case, user, actions.ACKNOWLEDGE, text=text, acknowledged_at=timezone.now())


def assign(case, user, assignee, division=None, text=""):
    with transaction.atomic():
        current = locked(case)
        check_permission(user, current, actions.ASSIGN)
        check_transition(current, actions.ASSIGN)
        if not roles.may_be_assigned(assignee, current):
            raise CaseError(_("This person may not work on this kind of case."))
        from_state = current.state
        current.state = actions.ASSIGN.target
        current.assignee = assignee
        if division is not None:
            current.division = division
        if current.acknowledged_at is None:
            current.acknowledged_at = timezone.now()
        current.save()
        with translation.override(settings.LANGUAGE_CODE):
            summary = _("Assigned to %(name)s") % {
                "name": assignee.get_full_name() or assignee.get_username()
            }
        note = (text or "").strip()
        record(
            current,
            EventKind.ASSIGNMENT,
            user,
            actions.ASSIGN,
            text=f"{summary}\n{note}".strip(),
            from_state=from_state,
            to_state=current.state,
        )
    return finish(case, current)


def start(case, user, text=""):
    return _move(case, user, actions.START, text=text)


def ask_citizen(case, user, text):
    return _move(case, user, actions.ASK_CITIZEN, text=text)


def resolve(case, user, text):
    return _move(case, user, actions.RESOLVE, text, finished_at=timezone.now())


def reject(case, user, text):
    return _move(case, user, actions.REJECT, text, finished_at=timezone.now())


def close(case, user, text=""):
    return _move(case, user, actions.CLOSE, text=text)


def reopen(case, user, text=""):
    return _move(case, user, actions.REOPEN, text=text, finished_at=None)


def _message(case, user, action, kind, text, public):
    text = require_text(text)
    with transaction.atomic():
        current = locked(case)
        check_permission(user, current, action)
        event = record(current, kind, user, action, text=text, public=public)
    return event


def reply(case, user, text):
    """A public answer: the citizen sees it on the tracking page (and gets it by mail)."""
    return _message(case, user, actions.REPLY, EventKind.PUBLIC_REPLY, text, True)


def add_note(case, user, text):
    """For staff only: never shown to the citizen."""
    return _message(case, user, actions.ADD_NOTE, EventKind.INTERNAL_NOTE, text, False)


def change_deadline(case, user, resolve_by: datetime.date, reason):
    reason = require_text(reason)
    with transaction.atomic():
        current = locked(case)
        check_permission(user, current, actions.CHANGE_DEADLINE)
        if not current.is_open:
            raise TransitionNotAllowed(_("The case is finished; its deadline no longer counts."))
        old = current.resolve_due
        current.resolve_due = end_of_day(resolve_by)
        current.save()
        with translation.override(settings.LANGUAGE_CODE):
            text = _("Result due by %(new)s (was %(old)s): %(reason)s") % {
                "new": format_thai_date(resolve_by),
                "old": format_thai_date(old.astimezone(BANGKOK)) if old else "-",
                "reason": reason,
            }
        record(current, EventKind.DEADLINE_CHANGE, user, actions.CHANGE_DEADLINE, text=text)
    return finish(case, current)


@dataclass
class BulkOutcome:
    """What a bulk action did: the cases done, and those refused with the reason."""

    done: list
    refused: list  # [(case, reason)]


def act_on_many(cases, user, action, assignee=None):
    """One verb (an action marked `bulk`) on several cases, each checked on its own as if
    done one by one: a case the user may not touch is refused and reported, the others are
    done."""
    action = actions.ALL.get(str(action))
    outcome = BulkOutcome([], [])
    for case in cases:
        try:
            if action is actions.ACKNOWLEDGE:
                acknowledge(case, user)
            elif action is actions.ASSIGN:
                if assignee is None:
                    raise CaseError(_("Choose the person to give the case to."))
                assign(case, user, assignee)
            else:
                raise CaseError(_("Unknown action."))
        except (CaseError, PermissionDenied) as error:
            outcome.refused.append((case, str(error) or _("You may not do this with this case.")))
        else:
            outcome.done.append(case)
    return outcome
