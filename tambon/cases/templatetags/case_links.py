"""Links to the citizen forms, for any public page (contact page, site map, the forms' hub):
the cases app keeps the one list of its forms."""

from django import template
from django.urls import reverse

from ..models import CaseKind

register = template.Library()


def form_links():
    """(label, address) of every public form, in CaseKind's order; e-services lead to their
    list, where each service has its own form."""
    return [
        (
            kind.label,
            reverse("cases:services")
            if kind == CaseKind.ESERVICE
            else reverse("cases:new", args=[kind.value]),
        )
        for kind in CaseKind
    ]


@register.inclusion_tag("cases/includes/online_services.html")
def online_services(heading_id="online-services"):
    return {"links": form_links(), "heading_id": heading_id}
