"""The counter block on a page: a marker in the cached HTML, filled on every response.

Pages are cached with the marker in place of the block. Every response, cached or not, has the
marker replaced by the block with recent figures and the visitor's own address, so a cached page
never shows a frozen counter or someone else's IP.

How recent: a worker keeps each site's block and makes it again once it is
TAMBON_COUNTER_REFRESH_SECONDS old. Not on the request that finds it so: that request is
answered with the block as it is, and the worker's flusher thread (buffer.py) makes the new one
after its next flush, a few seconds later. Making a block asks the database and Redis, and a
worker serving a thousand sites makes some 30 a second; on the requests' path, a request waited
for each of those round trips, and so did the requests queued behind it (docs/performance.md,
the runs of 2026-12-04 23:52 and after). A block twice that age or more, which nobody
asked for in the meantime, is made at once: a quiet site's first visitor in an hour must not
see the figures of an hour ago.
"""

import threading
import time

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Site

from tambon.core.memory import Bounded
from tambon.core.pagecache import remember

from . import buffer
from .figures import counter_figures_of_sites

MARKER = "<!--tambon:visitor-counter-->"
MARKER_BYTES = MARKER.encode()
IP_SLOT = "TAMBON-VISITOR-IP-SLOT"
BLOCK_SEPARATOR = "<!--tambon:next-counter-block-->"

# site id -> (monotonic time, HTML with IP_SLOT). Bounded: a worker serving thousands of sites
# keeps the blocks of the most recently served ones only.
_rendered = Bounded("TAMBON_REMEMBERED_MAX_ENTRIES")
# Blocks made together: one query and one Redis call each, however many sites, but not so many
# that the figures of the last are much older than their making.
BLOCKS_PER_TURN = 500
# The sites whose block a request found old, for the flusher thread to make again.
_asked_for = set()
_asked_for_lock = threading.Lock()


def _site(site_id):
    return remember(("site", site_id), lambda: Site.objects.get(pk=site_id))


def _render(site_ids):
    """Make the blocks of these sites and keep them: their figures in one query and one call
    to Redis however many sites (figures.py). A block's age counts from when its figures were
    read, as they all were at once."""
    if not site_ids:
        return {}
    read_at = time.monotonic()
    figures = counter_figures_of_sites(
        [_site(site_id) for site_id in site_ids],
        timezone.now(),
        buffer.get_counter().pending_visits_of_sites(site_ids),
    )
    # One rendering for all: a template rendered per site spent most of its time translating
    # the same ten words again (docs/performance.md, 2026-12-05 04:00).
    blocks = render_to_string(
        "stats/visitor_counters.html",
        {
            "all_figures": [figures[site_id] for site_id in site_ids],
            "visitor_ip": IP_SLOT,
            "separator": mark_safe(BLOCK_SEPARATOR),  # noqa: S308 - our own constant
        },
    ).split(BLOCK_SEPARATOR)
    made = dict(zip(site_ids, blocks, strict=True))
    for site_id, block in made.items():
        _rendered.set(site_id, (read_at, block))
    return made


def render_block(site_id):
    """The counter block for a site, with IP_SLOT where the visitor's address goes. Made here
    only when the worker has none, or one too old to show (see the module's note); an old one
    is shown and made again by the flusher thread."""
    kept = _rendered.get(site_id)
    if kept is None:
        return _render([site_id])[site_id]
    age = time.monotonic() - kept[0]
    refresh = settings.TAMBON_COUNTER_REFRESH_SECONDS
    if age < refresh:
        return kept[1]
    with _asked_for_lock:
        if age < 2 * refresh:
            _asked_for.add(site_id)
            return kept[1]
        _asked_for.discard(site_id)  # made now: the flusher thread need not make it again
    return _render([site_id])[site_id]


def refresh_asked_blocks():
    """Make again the blocks that requests found old (the flusher thread, after each flush).
    A block the worker has since let go is not made: its site's next request makes it."""
    with _asked_for_lock:
        site_ids = list(_asked_for)
        _asked_for.clear()
    still_kept = [site_id for site_id in site_ids if _rendered.get(site_id) is not None]
    for first in range(0, len(still_kept), BLOCKS_PER_TURN):
        _render(still_kept[first : first + BLOCKS_PER_TURN])


buffer.after_each_tick(refresh_asked_blocks)


def forget_rendered_blocks():
    _rendered.clear()
    with _asked_for_lock:
        _asked_for.clear()


def fill_counter(body, site_id, ip):
    """The page as byte chunks, the counter block with this visitor's address where the
    marker stands (chunks, so that the page is not copied for every visitor)."""
    head, marker, tail = body.partition(MARKER_BYTES)
    if not marker:
        return [body]
    block = render_block(site_id).replace(IP_SLOT, escape(ip))
    return [head, block.encode(), tail]
