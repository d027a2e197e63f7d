"""The counter block on a page: a marker in the cached HTML, filled on every response.

Pages are cached with the marker in place of the block. Every response, cached or not, has the
marker replaced by the block with recent figures (rendered again at most every
TAMBON_COUNTER_REFRESH_SECONDS per site) and the visitor's own address, so a cached page never
shows a frozen counter or someone else's IP.
"""

import time

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Site

from tambon.core.memory import Bounded
from tambon.core.pagecache import remember

from .buffer import get_counter
from .figures import counter_figures

MARKER = "<!--tambon:visitor-counter-->"
MARKER_BYTES = MARKER.encode()
IP_SLOT = "TAMBON-VISITOR-IP-SLOT"

# site id -> (monotonic time, HTML with IP_SLOT). Bounded: a worker serving thousands of sites
# keeps the blocks of the most recently served ones only.
_rendered = Bounded("TAMBON_REMEMBERED_MAX_ENTRIES")


def _site(site_id):
    return remember(("site", site_id), lambda: Site.objects.get(pk=site_id))


def render_block(site_id):
    """The counter block for a site, with IP_SLOT where the visitor's address goes: rendered
    again at most every TAMBON_COUNTER_REFRESH_SECONDS, so that a cache hit seldom touches the
    database, however many sites share the worker."""
    now = time.monotonic()
    cached = _rendered.get(site_id)
    if cached and now - cached[0] < settings.TAMBON_COUNTER_REFRESH_SECONDS:
        return cached[1]
    site = _site(site_id)
    figures = counter_figures(site, timezone.now(), get_counter().pending_visits(site_id))
    html = render_to_string(
        "stats/visitor_counter.html", {"figures": figures, "visitor_ip": IP_SLOT}
    )
    _rendered.set(site_id, (now, html))
    return html


def forget_rendered_blocks():
    _rendered.clear()


def fill_counter(body, site_id, ip):
    """The page as byte chunks, the counter block with this visitor's address where the
    marker stands (chunks, so that the page is not copied for every visitor)."""
    head, marker, tail = body.partition(MARKER_BYTES)
    if not marker:
        return [body]
    block = render_block(site_id).replace(IP_SLOT, escape(ip))
    return [head, block.encode(), tail]
