from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from tambon.core.blocks import BodyStreamBlock
from tambon.core.pages import BasePage


class StandardPage(BasePage):
    """A general content page: about us, powers and duties, policies, guides."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("content"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class SitemapPage(BasePage):
    """The human-readable site map the DGA website standard asks for."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("site map page")
        verbose_name_plural = _("site map pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home = self.get_parent().specific
        # Two levels are enough to find one's way; single news posts would drown the rest.
        pages = list(
            home.get_descendants()
            .live()
            .public()
            .filter(depth__lte=home.depth + 2)
            .exclude(content_type__model="newspage")
            .specific(defer=True)  # a menu link page links to its address
        )
        children_of = {}
        for page in pages:
            children_of.setdefault(page.path[: -page.steplen], []).append(page)
        context["home"] = home
        context["tree"] = [
            (page, children_of.get(page.path, [])) for page in children_of.get(home.path, [])
        ]
        return context
