"""What citizens do: file a case, add to it, rate its outcome."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import actions, tracking
from ..cleaning import clean_later
from ..deadlines import due_dates
from ..models import Case, CaseChannel, CaseKind, CaseSettings, EventKind, Reporter
from .common import CaseError, TransitionNotAllowed, attach, finish, locked, record

MAX_CODE_ATTEMPTS = 10


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
    channel=CaseChannel.WEB,
    now=None,
    organization,
):
    """File a new case with `organization` (the one of the site the citizen filed on).
    Returns (case, pin): the PIN is shown to the citizen once and kept only as a hash. An
    e-service request takes its type's division and deadline. The deadlines follow the
    organization's case rules. `channel`: the way it came (a form of the site, the Open311
    API)."""
    if kind not in CaseKind.values:
        raise CaseError(_("Unknown kind of case."))
    for chosen in (category, service_type):
        if chosen is not None and chosen.organization_id != organization.pk:
            raise ValueError(f"{chosen._meta.label} {chosen.pk} is another organization's")
    now = now or timezone.now()
    case_rules = CaseSettings.of_organization(organization)
    acknowledge_due, resolve_due = due_dates(kind, category, now, case_rules)
    division = category.division if category else None
    if service_type is not None:
        if kind != CaseKind.ESERVICE:
            raise CaseError(_("Unknown kind of case."))
        if service_type.resolve_days is not None:
            resolve_due = due_dates(kind, service_type, now, case_rules)[1]
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
                        organization=organization,
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
                        channel=channel,
                    )
                break
            except IntegrityError:
                # Tracking codes are unique across the deployment (a look-up is scoped).
                clash = Case.objects.all_organizations().filter(tracking_code=code)
                if not clash.exists():
                    raise
        else:
            raise CaseError(_("The case could not be saved. Please try again."))
        details_given = {k: v for k, v in (reporter or {}).items() if v}
        if details_given:
            Reporter.objects.create(case=case, **details_given)
        attached = attach(case, files)
        record(case, EventKind.STATE_CHANGE, None, actions.SUBMIT, to_state=case.state, public=True)
        clean_later(attached)
    return case, pin


def citizen_adds_information(case, text, files=()):
    """The citizen writes more (from the tracking page). A case waiting for them goes back
    to the officer."""
    text = (text or "").strip()
    if not text and not files:
        raise CaseError(_("Write a message or attach a file."))
    with transaction.atomic():
        current = locked(case)
        if not current.is_open:
            raise TransitionNotAllowed(
                _("This case is finished. To raise the matter again, file a new case.")
            )
        from_state = current.state
        if current.state in actions.CITIZEN_MESSAGE.sources:
            current.state = actions.CITIZEN_MESSAGE.target
        current.save()
        attached = attach(current, files)
        moved = current.state != from_state
        record(
            current,
            EventKind.CITIZEN_MESSAGE,
            None,
            actions.CITIZEN_MESSAGE,
            text=text,
            from_state=from_state if moved else "",
            to_state=current.state if moved else "",
            public=True,
        )
        clean_later(attached)
    return finish(case, current)


def rate(case, rating, comment=""):
    """The citizen's verdict on the outcome, once, after it is resolved or closed."""
    try:
        rating = int(rating)
    except (TypeError, ValueError):
        rating = 0
    if not 1 <= rating <= 5:
        raise CaseError(_("Choose from 1 to 5 stars."))
    with transaction.atomic():
        current = locked(case)
        if not current.can_be_rated:
            raise TransitionNotAllowed(_("This case cannot be rated now."))
        current.rating = rating
        current.rating_comment = (comment or "").strip()
        current.rated_at = timezone.now()
        current.save()
        record(
            current,
            EventKind.CITIZEN_MESSAGE,
            None,
            actions.RATE,
            text=current.rating_comment,
            public=True,
        )
    return finish(case, current)
