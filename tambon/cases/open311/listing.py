"""GET requests: which cases an organization lists through Open311, the spec's filters, and
what is said of each. Only what anyone may know is said: no reporter, no text the citizen
wrote (free text cannot be cleared of personal data by a program), the place rounded to about
a hundred metres; the status notes are what staff wrote for the citizen."""

import datetime
import re
from dataclasses import dataclass

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from tambon.thai.dates import BANGKOK

from .. import tracking
from ..models import OPEN_STATES, Case, CaseEvent, CaseState, EventKind
from . import catalogue
from .formats import iso

MAX_RECORDS = 1000
DEFAULT_SPAN = datetime.timedelta(days=90)
MAX_IDS = 100
# Staff's words to the citizen; never a citizen's own message (also public on the case).
NOTE_KINDS = (EventKind.PUBLIC_REPLY, EventKind.STATE_CHANGE)
PLACE_DECIMALS = 3  # about 110 m


class BadQuery(Exception):
    """A filter that cannot be read; the message says which (translated)."""


def status_of(case):
    return "open" if case.state in OPEN_STATES else "closed"


def listed(organization):
    """The cases Open311 shows: those of an offered kind of service, never a corruption
    complaint, each with its last staff note for the citizen."""
    last_note = (
        CaseEvent.objects.filter(case=OuterRef("pk"), is_public=True, kind__in=NOTE_KINDS)
        .exclude(text="")
        .order_by("-created", "-pk")
        .values("text")[:1]
    )
    return (
        Case.objects.for_organization(organization)
        .exclude(kind__in=catalogue.WITHHELD_KINDS)
        .filter(Q(service_type__isnull=False) | Q(category__isnull=False))
        .exclude(category__kind__in=catalogue.WITHHELD_KINDS)
        .select_related("category", "service_type", "division")
        .annotate(status_notes=Subquery(last_note))
    )


def by_id(organization, request_id):
    code = tracking.normalize_code(request_id)
    return listed(organization).filter(tracking_code=code).first() if code else None


def _place(value):
    return None if value is None else round(float(value), PLACE_DECIMALS)


def describe(case, organization):
    """One request as the spec lists it."""
    division = case.division.name if case.division_id else organization.short_name
    return {
        "service_request_id": case.display_code,
        "status": status_of(case),
        "status_notes": case.status_notes or "",
        "service_name": catalogue.name_of(case),
        "service_code": catalogue.code_of(case),
        "description": "",
        "agency_responsible": division,
        "service_notice": "",
        "requested_datetime": iso(case.created),
        "updated_datetime": iso(case.updated),
        "expected_datetime": iso(case.resolve_due),
        "address": "",
        "address_id": "",
        "zipcode": organization.postal_code,
        "lat": _place(case.latitude),
        "long": _place(case.longitude),
        "media_url": "",
    }


def _split(value):
    return [part.strip() for part in str(value or "").split(",") if part.strip()]


def read_datetime(text, name):
    text = text.strip()
    if "T" in text:  # a "+07:00" sent unencoded arrives as " 07:00"
        text = re.sub(r" (\d\d:?\d\d)$", r"+\1", text)
    try:
        moment = datetime.datetime.fromisoformat(text)
    except ValueError:
        raise BadQuery(
            _("%(name)s is not an ISO 8601 date and time, e.g. 2026-03-14T09:00:00+07:00.")
            % {"name": name}
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=BANGKOK)
    try:
        # In UTC: a database takes only offsets it knows (PostgreSQL refuses -22:20).
        return moment.astimezone(datetime.UTC)
    except (OverflowError, ValueError):
        raise BadQuery(_("%(name)s is out of range.") % {"name": name}) from None


@dataclass
class Query:
    ids: list
    codes: list
    start: datetime.datetime
    end: datetime.datetime
    statuses: list


def read_query(params, now=None):
    """The filters of a GET, with the spec's defaults (the last 90 days); BadQuery if one
    cannot be read."""
    now = now or timezone.now()
    ids = _split(params.get("service_request_id"))
    if len(ids) > MAX_IDS:
        raise BadQuery(_("At most %(count)s service_request_id at once.") % {"count": MAX_IDS})
    start_text, end_text = params.get("start_date"), params.get("end_date")
    start = read_datetime(start_text, "start_date") if start_text else None
    end = read_datetime(end_text, "end_date") if end_text else None
    try:
        if start is None and end is None:
            end, start = now, now - DEFAULT_SPAN
        elif start is None:
            start = end - DEFAULT_SPAN
        elif end is None:
            end = start + DEFAULT_SPAN
    except OverflowError:
        raise BadQuery(_("start_date or end_date is out of range.")) from None
    if end < start:
        raise BadQuery(_("end_date is before start_date."))
    if end - start > DEFAULT_SPAN:
        raise BadQuery(_("start_date and end_date may be at most 90 days apart."))
    statuses = [status.lower() for status in _split(params.get("status"))]
    if any(status not in ("open", "closed") for status in statuses):
        raise BadQuery(_("status is open or closed."))
    return Query(ids, _split(params.get("service_code")), start, end, statuses)


def _code_filter(codes):
    category_ids, slugs = [], []
    for code in codes:
        if code.startswith(catalogue.CATEGORY_PREFIX):
            key = code.removeprefix(catalogue.CATEGORY_PREFIX)
            if key.isdigit() and len(key) <= 18:
                category_ids.append(int(key))
        elif code.startswith(catalogue.ESERVICE_PREFIX):
            slug = code.removeprefix(catalogue.ESERVICE_PREFIX)
            if catalogue.SLUG.fullmatch(slug):
                slugs.append(slug)
    return Q(service_type__isnull=True, category_id__in=category_ids) | Q(
        service_type__slug__in=slugs
    )


def search(organization, query):
    """The cases a Query asks for, newest first, at most MAX_RECORDS. Ids given override every
    other filter, as the spec says."""
    cases = listed(organization)
    if query.ids:
        codes = [tracking.normalize_code(request_id) for request_id in query.ids]
        cases = cases.filter(tracking_code__in=[code for code in codes if code])
    else:
        cases = cases.filter(created__gte=query.start, created__lte=query.end)
        if query.codes:
            cases = cases.filter(_code_filter(query.codes))
        if query.statuses:
            open_states = list(OPEN_STATES)
            finished = [state for state in CaseState.values if state not in open_states]
            states = open_states if "open" in query.statuses else []
            states += finished if "closed" in query.statuses else []
            cases = cases.filter(state__in=states)
    return cases.order_by("-created", "-pk")[:MAX_RECORDS]
