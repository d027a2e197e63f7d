"""The public ITA page that the NACC assessor opens: every item of a year and its evidence."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from tambon.core.pages import BasePage
from tambon.core.scoped_admin import OrganizationPageForm

from .ita import ItaEvidence, ItaItem
from .site_organization import SiteOrganizationMixin


class ItaYearPage(SiteOrganizationMixin, BasePage):
    """Lists the indicators and items of one ITA fiscal year with links to their evidence."""

    intro = models.TextField(_("introduction"), blank=True)
    year = models.ForeignKey(
        "infocenter.ItaYear",
        verbose_name=_("ITA fiscal year"),
        on_delete=models.PROTECT,
        related_name="pages",
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("year")]
    base_form_class = OrganizationPageForm  # the year is one of the site's organization
    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("ITA page")
        verbose_name_plural = _("ITA pages")

    def items(self):
        """The items of the year with their indicator, year and evidence: two queries. Only a
        year of the site's organization has items here."""
        organization = self.site_organization
        evidence = ItaEvidence.objects.for_organization(organization)
        evidence = evidence.select_related("page", "document").order_by("sort_order")
        return (
            ItaItem.objects.for_organization(organization)
            .filter(year_id=self.year_id)
            .select_related("indicator", "year")
            .order_by("indicator__sort_order", "indicator__code", "sort_order", "code")
            .prefetch_related(Prefetch("evidence", queryset=evidence))
        )

    def get_context(self, request, *args, **kwargs):
        # The dashboard's own reckoning (ita/coverage.py): one status per item for both.
        from ..ita.coverage import item_coverages

        context = super().get_context(request, *args, **kwargs)
        indicators = {}
        year = None
        coverages = item_coverages(self.items(), lambda link: link.get_url(request))
        for coverage in coverages:
            year = coverage.item.year
            indicators.setdefault(coverage.item.indicator, []).append(coverage)
        context["ita_year"] = year or self.year
        context["ita_indicators"] = list(indicators.items())
        return context
