"""How many proposals one sender may send an organization: per address (as a keyed hash, never
the address itself) and per session, counted over the last hour, like the case forms."""

import datetime
import time

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from tambon.core.addresses import client_ip, keyed_hash
from tambon.core.scoping import organization_for_request

from .models import Proposal

SESSION_KEY = "participation_sent_at"
HOUR = 3600


def per_hour():
    return getattr(settings, "TAMBON_PARTICIPATION_PROPOSALS_PER_HOUR", 5)


def client_hash(request) -> str:
    return keyed_hash(f"participation:{client_ip(request.META)}")[:40]


def _recent_session_submissions(request):
    now = time.time()
    return [t for t in request.session.get(SESSION_KEY, []) if now - t < HOUR]


def refusal(request):
    """Why this sender may not send another proposal now (a Thai sentence), or None."""
    limit = per_hour()
    since = timezone.now() - datetime.timedelta(seconds=HOUR)
    proposals = Proposal.objects.for_organization(organization_for_request(request))
    by_address = proposals.filter(client_hash=client_hash(request), created__gte=since)
    if len(_recent_session_submissions(request)) >= limit or by_address.count() >= limit:
        return _(
            "Too many proposals were sent from this device or network in the last hour "
            "(at most %(limit)s). Your text is kept below: please try again in an hour, "
            "or bring your proposal to your village forum."
        ) % {"limit": limit}
    return None


def record(request):
    request.session[SESSION_KEY] = [*_recent_session_submissions(request), time.time()]
