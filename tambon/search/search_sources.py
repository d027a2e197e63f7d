"""Every public page of the organization's site that no other source claims (news and people
have their own kinds): found by whatever text the page has, with no code per page type."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, PageViewRestriction

from tambon.core.page_search import PageSearchSource
from tambon.core.searching import source, sources


def _claimed_page_models(own_kind):
    """Page models that another page source indexes under its own kind."""
    return [
        model
        for kind, other in sources().items()
        if kind != own_kind and isinstance(other, PageSearchSource)
        for model in other.models
        if issubclass(model, Page)
    ]


@source
class PageSource(PageSearchSource):
    kind = "page"
    label = _("Pages")
    models = (Page, PageViewRestriction)

    def pages(self, organization):
        pages = super().pages(organization)
        claimed = _claimed_page_models(self.kind)
        return pages.not_type(*claimed) if claimed else pages

    def keys_for(self, instance):
        claimed = tuple(_claimed_page_models(self.kind))
        # specific_class, not specific: after a delete the page's row is gone.
        specific_class = getattr(instance, "specific_class", None)
        if claimed and specific_class and issubclass(specific_class, claimed):
            return []
        return super().keys_for(instance)
