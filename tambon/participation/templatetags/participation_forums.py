"""The forums section of a cycle's page (`{% cycle_forums cycle %}`) and a proposal's photos
(`{% proposal_photos proposal %}`)."""

from django import template

from ..models import Forum, ProposalPhoto

register = template.Library()


@register.inclusion_tag("participation/forums/cycle_forums.html")
def cycle_forums(cycle):
    forums = Forum.objects.for_organization(cycle.organization_id).filter(cycle=cycle)
    return {"cycle": cycle, "forums": forums.select_related("village").order_by("held_on", "pk")}


@register.inclusion_tag("participation/includes/proposal_photos.html")
def proposal_photos(proposal):
    """The photos the site may show: cleaned, of a published proposal."""
    photos = ProposalPhoto.objects.for_organization(proposal.organization_id).shown()
    return {"proposal": proposal, "photos": photos.filter(proposal=proposal)}
