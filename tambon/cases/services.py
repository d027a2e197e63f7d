"""The one place that changes a case. Each verb checks that the step is allowed from the
case's state and for this user, writes an event row, and sends `case_changed`."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import roles, tracking
from .deadlines import BANGKOK, due_dates, end_of_day
from .models import (
    FINISHED_STATES,
    Attachment,
    Case,
    CaseEvent,
    CaseKind,
    CaseState,
    EventKind,
    InformationDecision,
    Reporter,
    ReporterView,
)
from .signals import case_changed

S = CaseState


class CaseError(Exception):
    """A step that cannot be taken; the message is for the person who tried (translated)."""


class TransitionNotAllowed(CaseError):
    pass


@dataclass(frozen=True)
class Transition:
    sources: frozenset
    target: str


_WORKING = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.WAITING})
TRANSITIONS = {
    "acknowledge": Transition(frozenset({S.SUBMITTED}), S.ACKNOWLEDGED),
    "assign": Transition(frozenset({S.SUBMITTED, S.ACKNOWLEDGED}) | _WORKING, S.ASSIGNED),
    "start": Transition(frozenset({S.ASSIGNED, S.WAITING}), S.IN_PROGRESS),
    "ask_citizen": Transition(frozenset({S.ASSIGNED, S.IN_PROGRESS}), S.WAITING),
    "resolve": Transition(_WORKING, S.RESOLVED),
    "reject": Transition(frozenset({S.SUBMITTED, S.ACKNOWLEDGED}) | _WORKING, S.REJECTED),
    "close": Transition(frozenset({S.RESOLVED, S.REJECTED}), S.CLOSED),
    "reopen": Transition(frozenset(FINISHED_STATES), S.IN_PROGRESS),
}
# A citizen's answer puts a case that waited for it back to work.
CITIZEN_ANSWER = Transition(frozenset({S.WAITING}), S.IN_PROGRESS)
MAX_CODE_ATTEMPTS = 10


@dataclass(frozen=True)
class CleanFile:
    """An upload that passed tambon.cases.uploads: safe content and our own name for it."""

    name: str
    content: bytes
    content_type: str
    document: str = ""  # which required document of an e-service request it is


def allowed_actions(case, user):
    """The verbs this user may use on this case now (for the buttons staff see)."""
    actions = []
    for action in sorted(roles.ALL_ACTIONS):
        transition = TRANSITIONS.get(action)
        if transition is not None and case.state not in transition.sources:
            continue
        if roles.can_do(user, case, action):
            actions.append(action)
    return actions


def _check_permission(user, case, action):
    if not roles.can_do(user, case, action):
        raise PermissionDenied(_("You may not do this with this case."))


def _check_transition(case, action):
    if case.state not in TRANSITIONS[action].sources:
        raise TransitionNotAllowed(
            _("This step is not possible while the case is “%(state)s”.")
            % {"state": case.get_state_display()}
        )


def _require_text(text):
    text = (text or "").strip()
    if not text:
        raise CaseError(_("Write a message."))
    return text


def _locked(case):
    return Case.objects.select_for_update().get(pk=case.pk)


def _record(case, kind, actor, action, text="", from_state="", to_state="", public=False):
    event = CaseEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor,
        text=text,
        from_state=from_state,
        to_state=to_state,
        is_public=public,
    )
    case_changed.send(sender=Case, case=case, event=event, action=action, actor=actor)
    return event


def _finish(original, locked):
    """Give the caller's object the new values."""
    original.refresh_from_db()
    return locked


def _move(case, user, action, text="", **changes):
    """A change of state. The citizen sees every state their case passes through, and the
    message that goes with it (staff write it for them: internal words go in notes)."""
    with transaction.atomic():
        locked = _locked(case)
        _check_permission(user, locked, action)
        _check_transition(locked, action)
        from_state = locked.state
        locked.state = TRANSITIONS[action].target
        for field, value in changes.items():
            setattr(locked, field, value)
        locked.save()
        _record(
            locked,
            EventKind.STATE_CHANGE,
            user,
            action,
            text=text,
            from_state=from_state,
            to_state=locked.state,
            public=True,
        )
    return _finish(case, locked)


def _attach(case, files, from_citizen=True):
    for upload in files:
        attachment = Attachment(
            case=case,
            original_name=upload.name[:200],
            content_type=upload.content_type,
            size=len(upload.content),
            from_citizen=from_citizen,
            document=upload.document[:150],
        )
        attachment.file.save(upload.name, ContentFile(upload.content), save=False)
        attachment.save()


def submit(
    *,
    kind,
    subject,
    details,
    category=None,
    location_text="",
    latitude=None,
    longitude=None,
    reporter=None,
    files=(),
    client_hash="",
    service_type=None,
    service_answers=(),
    now=None,
):
    """File a new case. Returns (case, pin): the PIN is shown to the citizen once and kept
    only as a hash. An e-service request takes its type's division and deadline."""
    if kind not in CaseKind.values:
        raise CaseError(_("Unknown kind of case."))
    now = now or timezone.now()
    acknowledge_due, resolve_due = due_dates(kind, category, now)
    division = category.division if category else None
    if service_type is not None:
        if kind != CaseKind.ESERVICE:
            raise CaseError(_("Unknown kind of case."))
        if service_type.resolve_days is not None:
            resolve_due = due_dates(kind, service_type, now)[1]
        division = service_type.division or division
    pin = tracking.new_pin()
    # Hashed before the transaction: on SQLite a transaction holds the one write lock from
    # its first statement, and every other submission waits while it is held.
    secret_hash = tracking.hash_pin(pin)
    with transaction.atomic():
        for _attempt in range(MAX_CODE_ATTEMPTS):
            code = tracking.new_code()
            try:
                with transaction.atomic():  # a clash rolls back to here only
                    case = Case.objects.create(
                        kind=kind,
                        category=category,
                        subject=subject,
                        details=details,
                        location_text=location_text,
                        latitude=latitude,
                        longitude=longitude,
                        tracking_code=code,
                        secret_hash=secret_hash,
                        division=division,
                        service_type=service_type,
                        service_answers=list(service_answers),
                        acknowledge_due=acknowledge_due,
                        resolve_due=resolve_due,
                        created=now,
                        client_hash=client_hash,
                    )
                break
            except IntegrityError:
                if not Case.objects.filter(tracking_code=code).exists():
                    raise
        else:
            raise CaseError(_("The case could not be saved. Please try again."))
        details_given = {k: v for k, v in (reporter or {}).items() if v}
        if details_given:
            Reporter.objects.create(case=case, **details_given)
        _attach(case, files)
        _record(case, EventKind.STATE_CHANGE, None, "submit", to_state=case.state, public=True)
    return case, pin


def acknowledge(case, user, text=""):
    return _move(case, user, "acknowledge", text=text, acknowledged_at=timezone.now())


def assign(case, user, assignee, division=None, text=""):
    with transaction.atomic():
        locked = _locked(case)
        _check_permission(user, locked, "assign")
        _check_transition(locked, "assign")
        if not roles.may_be_assigned(assignee, locked):
            raise CaseError(_("This person may not work on this kind of case."))
        from_state = locked.state
        locked.state = TRANSITIONS["assign"].target
        locked.assignee = assignee
        if division is not None:
            locked.division = division
        if locked.acknowledged_at is None:
            locked.acknowledged_at = timezone.now()
        locked.save()
        with translation.override(settings.LANGUAGE_CODE):
            summary = _("Assigned to %(name)s") % {
                "name": assignee.get_full_name() or assignee.get_username()
            }
        note = (text or "").strip()
        _record(
            locked,
            EventKind.ASSIGNMENT,
            user,
            "assign",
            text=f"{summary}\n{note}".strip(),
            from_state=from_state,
            to_state=locked.state,
        )
    return _finish(case, locked)


def start(case, user):
    return _move(case, user, "start")


def ask_citizen(case, user, text):
    return _move(case, user, "ask_citizen", text=_require_text(text))


def resolve(case, user, text):
    return _move(case, user, "resolve", _require_text(text), finished_at=timezone.now())


def reject(case, user, text):
    return _move(case, user, "reject", _require_text(text), finished_at=timezone.now())


def close(case, user):
    return _move(case, user, "close")


def reopen(case, user, text=""):
    return _move(case, user, "reopen", text=text, finished_at=None)


def _message(case, user, action, kind, text, public):
    text = _require_text(text)
    with transaction.atomic():
        locked = _locked(case)
        _check_permission(user, locked, action)
        event = _record(locked, kind, user, action, text=text, public=public)
    return event


def reply(case, user, text):
    """A public answer: the citizen sees it on the tracking page (and gets it by mail)."""
    return _message(case, user, "reply", EventKind.PUBLIC_REPLY, text, True)


def add_note(case, user, text):
    """For staff only: never shown to the citizen."""
    return _message(case, user, "add_note", EventKind.INTERNAL_NOTE, text, False)


def change_deadline(case, user, resolve_by: datetime.date, reason):
    reason = _require_text(reason)
    with transaction.atomic():
        locked = _locked(case)
        _check_permission(user, locked, "change_deadline")
        if not locked.is_open:
            raise TransitionNotAllowed(_("The case is finished; its deadline no longer counts."))
        from tambon.thai.dates import format_thai_date

        old = locked.resolve_due
        locked.resolve_due = end_of_day(resolve_by)
        locked.save()
        with translation.override(settings.LANGUAGE_CODE):
            text = _("Result due by %(new)s (was %(old)s): %(reason)s") % {
                "new": format_thai_date(resolve_by),
                "old": format_thai_date(old.astimezone(BANGKOK)) if old else "-",
                "reason": reason,
            }
        _record(locked, EventKind.DEADLINE_CHANGE, user, "change_deadline", text=text)
    return _finish(case, locked)


def citizen_adds_information(case, text, files=()):
    """The citizen writes more (from the tracking page). A case waiting for them goes back
    to the officer."""
    text = (text or "").strip()
    if not text and not files:
        raise CaseError(_("Write a message or attach a file."))
    with transaction.atomic():
        locked = _locked(case)
        if not locked.is_open:
            raise TransitionNotAllowed(
                _("This case is finished. To raise the matter again, file a new case.")
            )
        from_state = locked.state
        if locked.state in CITIZEN_ANSWER.sources:
            locked.state = CITIZEN_ANSWER.target
        locked.save()
        _attach(locked, files)
        _record(
            locked,
            EventKind.CITIZEN_MESSAGE,
            None,
            "citizen_message",
            text=text,
            from_state=from_state if locked.state != from_state else "",
            to_state=locked.state if locked.state != from_state else "",
            public=True,
        )
    return _finish(case, locked)


def rate(case, rating, comment=""):
    """The citizen's verdict on the outcome, once, after it is resolved or closed."""
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise CaseError(_("Choose from 1 to 5 stars."))
    with transaction.atomic():
        locked = _locked(case)
        if not locked.can_be_rated:
            raise TransitionNotAllowed(_("This case cannot be rated now."))
        locked.rating = rating
        locked.rating_comment = (comment or "").strip()
        locked.rated_at = timezone.now()
        locked.save()
        _record(
            locked,
            EventKind.CITIZEN_MESSAGE,
            None,
            "rate",
            text=locked.rating_comment,
            public=True,
        )
    return _finish(case, locked)


# Decisions the register must explain: why it was refused, or where it was sent.
DECISIONS_NEEDING_REASON = frozenset({InformationDecision.REFUSED, InformationDecision.FORWARDED})


def record_information_decision(case, user, decision, reason, answered_on):
    """What was decided on an official-information request and when the requester was
    answered, for the register the Official Information Act asks for. Whoever may resolve the
    case may record it; recording again corrects it (the history keeps both)."""
    from tambon.thai.dates import format_thai_date, to_bangkok_date
    from tambon.thai.fiscal import today_in_bangkok

    reason = (reason or "").strip()
    if decision not in InformationDecision.values:
        raise CaseError(_("Choose the decision."))
    if decision in DECISIONS_NEEDING_REASON and not reason:
        raise CaseError(_("Write the reason for a refusal, or the agency it was forwarded to."))
    if not isinstance(answered_on, datetime.date):
        raise CaseError(_("Choose the date of the answer."))
    with transaction.atomic():
        locked = _locked(case)
        if locked.kind != CaseKind.INFORMATION:
            raise CaseError(_("Only an official-information request has this decision."))
        _check_permission(user, locked, "resolve")
        if not to_bangkok_date(locked.created) <= answered_on <= today_in_bangkok():
            raise CaseError(
                _("The date of the answer must be between the day it was received and today.")
            )
        locked.info_decision = decision
        locked.info_decision_reason = reason
        locked.info_answered_on = answered_on
        locked.save()
        with translation.override(settings.LANGUAGE_CODE):
            text = _("%(decision)s, answered on %(date)s") % {
                "decision": InformationDecision(decision).label,
                "date": format_thai_date(answered_on),
            }
        _record(
            locked,
            EventKind.DECISION,
            user,
            "decide",
            text=f"{text}\n{reason}".strip(),
            public=True,
        )
    return _finish(case, locked)


@dataclass
class BulkOutcome:
    """What a bulk action did: the cases done, and those refused with the reason."""

    done: list
    refused: list  # [(case, reason)]


def act_on_many(cases, user, action, assignee=None):
    """One verb on several cases, each checked on its own as if done one by one: a case the
    user may not touch is refused and reported, the others are done."""
    outcome = BulkOutcome([], [])
    for case in cases:
        try:
            if action == "acknowledge":
                acknowledge(case, user)
            elif action == "assign":
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


def reveal_reporter(case, user):
    """The reporter of a case, for someone the kind allows; each showing of an audited kind's
    reporter (corruption) is logged. None for an anonymous case."""
    if not roles.can_see_reporter(user, case):
        raise PermissionDenied(_("You may not see who reported this case."))
    reporter = Reporter.objects.filter(case=case).first()
    if case.kind in roles.AUDITED_KINDS:
        ReporterView.objects.create(case=case, user=user)
    return reporter


def purge_personal_data(case):
    """Remove who reported a finished case and the files they sent; the case, its history and
    its figures stay for the statistics. What citizens wrote in the text stays too: free text
    cannot be anonymised by a program."""
    with transaction.atomic():
        locked = _locked(case)
        if locked.is_open:
            raise TransitionNotAllowed(_("An open case keeps its reporter."))
        Reporter.objects.filter(case=locked).delete()
        for attachment in locked.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()
        locked.client_hash = ""
        locked.save()
        with translation.override(settings.LANGUAGE_CODE):
            text = _("The reporter's details and files were deleted after the retention period.")
        _record(locked, EventKind.INTERNAL_NOTE, None, "purge", text=text)
    return _finish(case, locked)
