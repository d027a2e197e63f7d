"""Limits on how many cases one sender may file with an organization: per address (as a keyed
hash, never the address itself) and per session, counted over the last hour."""

import datetime
import time

from django.utils import timezone
from django.utils.translation import gettext as _

from tambon.core.addresses import client_ip, count_in_window, keyed_hash, limits
from tambon.core.scoping import organization_for_request

from . import conf
from .models import Case

SESSION_KEY = "cases_submitted_at"
HOUR = 3600


def client_hash(request) -> str:
    return keyed_hash(f"cases:{client_ip(request.META)}")[:40]


def _recent_session_submissions(request):
    now = time.time()
    return [t for t in request.session.get(SESSION_KEY, []) if now - t < HOUR]


def refusal(request):
    """Why this sender may not file another case now (a Thai sentence), or None."""
    limit = conf.submissions_per_hour()
    since = timezone.now() - datetime.timedelta(seconds=HOUR)
    cases = Case.objects.for_organization(organization_for_request(request))
    by_address = cases.filter(client_hash=client_hash(request), created__gte=since)
    if len(_recent_session_submissions(request)) >= limit or by_address.count() >= limit:
        return _(
            "Too many cases were sent from this device or network in the last hour "
            "(at most %(limit)s). Your text is kept below: please try again in an hour, "
            "or call us."
        ) % {"limit": limit}
    return None


def record(request):
    request.session[SESSION_KEY] = [*_recent_session_submissions(request), time.time()]


def tracking_refusal(request):
    """Guessing codes is slowed down: a few wrong tries per hour per address."""
    if limits().get(_tracking_key(request), 0) >= conf.tracking_attempts_per_hour():
        return _("Too many wrong tries. Please wait an hour and try again, or call us.")
    return None


def record_tracking_failure(request):
    count_in_window(limits(), _tracking_key(request), HOUR)


def _tracking_key(request):
    return f"cases:track-failures:{client_hash(request)}"
