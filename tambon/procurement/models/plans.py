"""The yearly procurement plan (ITA O21) and the yearly report's own text (O24)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet
from tambon.thai.dates import THAI_MONTHS

from .projects import MONEY, NOT_NEGATIVE, Method, fiscal_year_field

# Month numbers in fiscal-year order, October first, with their Thai names.
MONTH_CHOICES = [(month, THAI_MONTHS[month - 1]) for month in (10, 11, 12, *range(1, 10))]


class ProcurementPlanQuerySet(ScopedQuerySet):
    def of_fiscal_year(self, fy_be):
        return self.filter(fiscal_year=fy_be)


class ProcurementPlan(OrganizationOwned, ClusterableModel):
    fiscal_year = fiscal_year_field()
    title = models.CharField(_("title"), max_length=300)
    published_on = models.DateField(_("publish date"))
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The signed plan as a file; the lines below may be left empty then."),
    )

    objects = ProcurementPlanQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("published_on")]),
        FieldPanel("title"),
        FieldPanel("document"),
        InlinePanel("lines", heading=_("Plan lines"), label=_("plan line")),
    ]

    class Meta:
        ordering = ["-fiscal_year", "-published_on", "-pk"]
        verbose_name = _("procurement plan")
        verbose_name_plural = _("procurement plans")

    def __str__(self):
        return self.title


class PlanLine(OrganizationOwned, Orderable):
    plan = ParentalKey(ProcurementPlan, on_delete=models.CASCADE, related_name="lines")
    project = models.CharField(_("project"), max_length=500)
    budget = models.DecimalField(_("budget (baht)"), validators=NOT_NEGATIVE, **MONEY)
    method = models.CharField(_("procurement method"), max_length=20, choices=Method.choices)
    expected_month = models.PositiveSmallIntegerField(
        _("expected month"), choices=MONTH_CHOICES, null=True, blank=True
    )

    panels = [
        FieldPanel("project"),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("method"), FieldPanel("expected_month")]),
    ]

    organization_parent = "plan"

    class Meta(Orderable.Meta):
        verbose_name = _("plan line")
        verbose_name_plural = _("plan lines")

    def __str__(self):
        return self.project


class AnnualProcurementReport(OrganizationOwned):
    """The clerk's words for the yearly report; the figures are counted from the projects."""

    fiscal_year = fiscal_year_field()
    problems = models.TextField(_("problems and obstacles"), blank=True)
    suggestions = models.TextField(_("suggestions"), blank=True)

    panels = [FieldPanel("fiscal_year"), FieldPanel("problems"), FieldPanel("suggestions")]

    class Meta:
        ordering = ["-fiscal_year"]
        verbose_name = _("annual procurement report text")
        verbose_name_plural = _("annual procurement report texts")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "fiscal_year"],
                name="procurement_report_unique_fiscal_year",
                violation_error_message=_("There is already a report text for this fiscal year."),
            )
        ]

    def __str__(self):
        return str(self.fiscal_year)
