"""The counter block on a page: a marker in the cached HTML, filled on every response.

Pages are cached with the marker in place of the block. Every response, cached or not, has the
marker replaced by the block with fresh figures (re-rendered at most every few seconds per site)
and the visitor's own address, so a cached page never shows a frozen counter or someone else's IP.
"""

import threading
import time

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Site

from .buffer import get_counter
from .figures import counter_figures

MARKER = "<!--tambon:visitor-counter-->"
MARKER_BYTES = MARKER.encode()
IP_SLOT = "TAMBON-VISITOR-IP-SLOT"
FIGURES_MAX_AGE_SECONDS = 3

_rendered = {}  # site_id -> (monotonic time, HTML with IP_SLOT)
_lock = threading.Lock()


def render_block(site_id):
    """The counter block for a site, with IP_SLOT where the visitor's address goes."""
    now = time.monotonic()
    cached = _rendered.get(site_id)
    if cached and now - cached[0] < FIGURES_MAX_AGE_SECONDS:
        return cached[1]
    site = Site.objects.get(pk=site_id)
    figures = counter_figures(site, timezone.now(), get_counter().pending_visits(site_id))
    html = render_to_string(
        "stats/visitor_counter.html", {"figures": figures, "visitor_ip": IP_SLOT}
    )
    with _lock:
        _rendered[site_id] = (now, html)
    return html


def forget_rendered_blocks():
    with _lock:
        _rendered.clear()


def fill_counter(body, site_id, ip):
    """The page as byte chunks, the counter block with this visitor's address where the
    marker stands (chunks, so that the page is not copied for every visitor)."""
    head, marker, tail = body.partition(MARKER_BYTES)
    if not marker:
        return [body]
    block = render_block(site_id).replace(IP_SLOT, escape(ip))
    return [head, block.encode(), tail]
