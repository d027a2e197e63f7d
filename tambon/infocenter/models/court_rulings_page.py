"""คำพิพากษาของศาลปกครอง: the public page of court rulings."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from tambon.core.pages import BasePage
from tambon.thai.dates import buddhist_year

from ..filters import ListingFilterForm, paginate
from .rulings import CourtRuling
from .site_organization import SiteOrganizationMixin


class CourtRulingsPage(SiteOrganizationMixin, BasePage):
    """คำพิพากษาของศาลปกครอง: rulings relevant to local government, filtered by year and text."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("more text"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per site: the quick links and ITA evidence point at it

    class Meta:
        verbose_name = _("court rulings page")
        verbose_name_plural = _("court rulings pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rulings = (
            CourtRuling.objects.for_organization(self.site_organization)
            .select_related("document")
            .newest_first()
        )
        years = sorted(
            {buddhist_year(day.year) for day in rulings.values_list("ruling_date", flat=True)},
            reverse=True,
        )
        form = ListingFilterForm(request.GET, years=years, year_label=_("Year (B.E.)"))
        filters = form.filters()
        if "year" in filters:
            rulings = rulings.of_year(filters["year"])
        if "q" in filters:
            rulings = rulings.matching(filters["q"])
        context.update(form=form, filters=filters, rulings=paginate(request, rulings))
        return context
