"""Filters of the admin's listings whose choices are organization-owned rows (a record's folder,
an item's fiscal year): each offers the member's organization's rows only."""

import django_filters
from wagtail.admin.filters import WagtailFilterSet

from tambon.core.scoping import OrganizationOwned, staff_organization


def scoped_filterset(model, fields):
    """A filter set of `fields` of `model`; a foreign key's choices are the member's
    organization's rows (another organization's id is not a valid choice)."""
    declared = {}
    for name in fields:
        related = model._meta.get_field(name).related_model
        if related is not None and issubclass(related, OrganizationOwned):
            declared[name] = django_filters.ModelChoiceFilter(
                queryset=lambda request, related=related: related.objects.for_organization(
                    staff_organization(request)
                )
            )
    meta = type("Meta", (), {"model": model, "fields": fields})
    return type(f"{model.__name__}FilterSet", (WagtailFilterSet,), {**declared, "Meta": meta})
