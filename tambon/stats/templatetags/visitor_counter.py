from django import template
from django.utils.safestring import mark_safe
from wagtail.models import Site

from tambon.stats.counter import MARKER
from tambon.stats.models import CounterPlacement, VisitorCounterSettings

register = template.Library()

PLACES_SHOWN = {
    # placement -> (on the home page, on other pages): where the block stands
    CounterPlacement.HOME_AND_FOOTER: ("beside_news", "footer"),
    CounterPlacement.FOOTER: ("footer", "footer"),
    CounterPlacement.HOME: ("beside_news", None),
    CounterPlacement.HIDDEN: (None, None),
}


@register.simple_tag(takes_context=True)
def visitor_counter(context, place):
    """The marker that stats.counter fills per response, if the counter belongs at `place`."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    placement = VisitorCounterSettings.for_request(request).placement
    page = context.get("page")
    is_home = page is not None and page.pk == site.root_page_id
    on_home, elsewhere = PLACES_SHOWN.get(placement, (None, None))
    return mark_safe(MARKER) if place == (on_home if is_home else elsewhere) else ""  # noqa: S308
