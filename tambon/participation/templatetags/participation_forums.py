"""The forums section of a cycle's page: `{% cycle_forums cycle %}`."""

from django import template

from ..models import Forum

register = template.Library()


@register.inclusion_tag("participation/forums/cycle_forums.html")
def cycle_forums(cycle):
    forums = Forum.objects.for_organization(cycle.organization_id).filter(cycle=cycle)
    return {"cycle": cycle, "forums": forums.select_related("village").order_by("held_on", "pk")}
