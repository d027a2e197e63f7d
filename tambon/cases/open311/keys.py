"""Who may file: a client's API key of this organization, not revoked, within its hourly
allowance (counted in the shared "limits" cache, as the other limits are)."""

from tambon.core.addresses import count_in_window, limits

from .. import conf
from ..models import ApiKey

HOUR = 3600


def key_of(organization, given):
    """The usable ApiKey of `organization` that `given` is, or None."""
    given = str(given or "").strip()
    if not given or len(given) > 100:
        return None
    return ApiKey.objects.for_organization(organization).matching(given)


def _count_key(api_key):
    return f"open311:posts:{api_key.pk}"


def over_allowance(api_key):
    """Whether the key filed its hourly allowance already; if not, this filing counts."""
    key = _count_key(api_key)
    if limits().get(key, 0) >= conf.open311_posts_per_hour():
        return True
    count_in_window(limits(), key, HOUR)
    return False
