from django import template
from django.utils import timezone
from wagtail.models import Site

from tambon.stats.figures import counter_figures

register = template.Library()


@register.inclusion_tag("stats/visitor_counter.html", takes_context=True)
def visitor_counter(context):
    request = context["request"]
    site = Site.find_for_request(request)
    return {
        "figures": counter_figures(site, timezone.now()) if site else None,
        # Shown back only to the visitor it belongs to; never stored.
        "visitor_ip": request.META.get("REMOTE_ADDR", ""),
    }
