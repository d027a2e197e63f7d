"""Procurement projects, the bids they received and their result (what form สขร.1 reports)."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet
from tambon.thai.dates import MIN_BUDDHIST_YEAR
from tambon.thai.fiscal import fiscal_year, fiscal_year_bounds

MONEY = {"max_digits": 14, "decimal_places": 2}
NOT_NEGATIVE = [MinValueValidator(0)]


def fiscal_year_field(**kwargs):
    return models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"),
        validators=[MinValueValidator(MIN_BUDDHIST_YEAR)],
        help_text=_("The Buddhist Era year the fiscal year ends in, for example 2568."),
        **kwargs,
    )


class Method(models.TextChoices):
    """The procurement methods of the Procurement Act B.E. 2560 that small offices use."""

    E_BIDDING = "e_bidding", _("Electronic bidding (e-bidding)")
    E_MARKET = "e_market", _("Electronic market (e-market)")
    SELECTION = "selection", _("Selective procurement")
    SPECIFIC = "specific", _("Specific procurement")


class Status(models.TextChoices):
    PLANNED = "planned", _("In the procurement plan")
    INVITED = "invited", _("Invitation announced")
    AWARDED = "awarded", _("Winner announced")
    CONTRACTED = "contracted", _("Contract signed")
    CANCELLED = "cancelled", _("Procurement cancelled")


class ProcurementProjectQuerySet(ScopedQuerySet):
    def of_fiscal_year(self, fy_be):
        """Projects budgeted in the fiscal year (the year field, not the contract date)."""
        return self.filter(fiscal_year=fy_be)

    def concluded(self):
        """Projects with a winner and an agreement, not cancelled: the rows of form สขร.1."""
        return (
            self.exclude(status=Status.CANCELLED)
            .exclude(winner="")
            .filter(contract_date__isnull=False)
        )

    def of_month(self, year, month):
        """Projects whose contract or agreement is dated in the (Gregorian) month."""
        return self.filter(contract_date__year=year, contract_date__month=month)

    def concluded_in_fiscal_year(self, fy_be):
        """Concluded with a contract dated in the fiscal year: what the annual report counts."""
        start, end = fiscal_year_bounds(fy_be)
        return self.concluded().filter(contract_date__range=(start, end))

    def in_summary_order(self):
        return self.order_by("contract_date", "contract_number", "pk")


class ProcurementProject(OrganizationOwned, ClusterableModel):
    fiscal_year = fiscal_year_field()
    title = models.CharField(_("work to buy or hire"), max_length=500)
    egp_number = models.CharField(
        _("e-GP project number"),
        max_length=30,
        blank=True,
        help_text=_("The project number in the Comptroller General's e-GP system, if any."),
    )
    method = models.CharField(_("procurement method"), max_length=20, choices=Method.choices)
    budget = models.DecimalField(_("budget (baht)"), validators=NOT_NEGATIVE, **MONEY)
    reference_price = models.DecimalField(
        _("median price (baht)"), null=True, blank=True, validators=NOT_NEGATIVE, **MONEY
    )
    division = models.ForeignKey(
        "people.Division",
        verbose_name=_("responsible division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="procurement_projects",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    winner = models.CharField(_("selected supplier"), max_length=300, blank=True)
    agreed_price = models.DecimalField(
        _("agreed price (baht)"), null=True, blank=True, validators=NOT_NEGATIVE, **MONEY
    )
    selection_reason = models.CharField(
        _("reason for the selection, in brief"),
        max_length=500,
        blank=True,
        help_text=_("For example: ผู้เสนอราคาต่ำสุดและมีคุณสมบัติถูกต้องตามเงื่อนไข"),
    )
    contract_number = models.CharField(
        _("contract or agreement number"), max_length=100, blank=True
    )
    contract_date = models.DateField(_("contract or agreement date"), null=True, blank=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = ProcurementProjectQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("egp_number")]),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("method"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("reference_price")]),
        FieldPanel("division"),
        InlinePanel("bids", heading=_("Bidders and their offers"), label=_("bid")),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("winner"), FieldPanel("agreed_price")]),
                FieldPanel("selection_reason"),
                FieldRowPanel([FieldPanel("contract_number"), FieldPanel("contract_date")]),
            ],
            heading=pgettext_lazy("procurement", "Result"),
        ),
    ]

    class Meta:
        ordering = ["-fiscal_year", "-contract_date", "-pk"]
        verbose_name = _("procurement project")
        verbose_name_plural = _("procurement projects")
        constraints = [
            # One e-GP number per organization: two offices may well use the same.
            models.UniqueConstraint(
                fields=["organization", "egp_number"],
                condition=~models.Q(egp_number=""),
                name="procurement_unique_egp_number",
                violation_error_message=_("Another project already has this e-GP number."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.fiscal_year:
            self.fiscal_year = fiscal_year(self.contract_date)  # None: today in Bangkok
        super().save(*args, **kwargs)

    @property
    def method_label(self):
        return Method(self.method).label if self.method in Method.values else self.method


class Bid(OrganizationOwned, Orderable):
    project = ParentalKey(ProcurementProject, on_delete=models.CASCADE, related_name="bids")
    bidder = models.CharField(_("bidder"), max_length=300)
    price = models.DecimalField(_("offered price (baht)"), validators=NOT_NEGATIVE, **MONEY)

    panels = [FieldRowPanel([FieldPanel("bidder"), FieldPanel("price")])]
    organization_parent = "project"

    class Meta(Orderable.Meta):
        verbose_name = _("bid")
        verbose_name_plural = _("bids")

    def __str__(self):
        return self.bidder


class AnnouncementKind(models.TextChoices):
    INVITATION = "invitation", _("Invitation to bid")
    MEDIAN_PRICE = "median_price", _("Median price announcement")
    RESULT = "result", _("Winner announcement")
    CANCELLATION = "cancellation", _("Cancellation of procurement")


class ProcurementAnnouncementQuerySet(ScopedQuerySet):
    def of_fiscal_year(self, fy_be):
        start, end = fiscal_year_bounds(fy_be)
        return self.filter(date__range=(start, end))

    def of_month(self, year, month):
        return self.filter(date__year=year, date__month=month)

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def matching(self, text):
        """Announcements whose title, project title or e-GP number contains the text."""
        return self.filter(
            models.Q(title__icontains=text)
            | models.Q(project__title__icontains=text)
            | models.Q(project__egp_number__icontains=text)
        )


class ProcurementAnnouncement(OrganizationOwned):
    kind = models.CharField(
        _("kind of announcement"), max_length=20, choices=AnnouncementKind.choices
    )
    title = models.CharField(_("title"), max_length=500)
    date = models.DateField(_("announcement date"))
    project = models.ForeignKey(
        ProcurementProject,
        verbose_name=_("procurement project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="announcements",
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link = models.URLField(
        _("link"), blank=True, help_text=_("For example the announcement in the e-GP system.")
    )

    objects = ProcurementAnnouncementQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("title"),
        FieldPanel("project"),
        FieldPanel("document"),
        FieldPanel("link"),
    ]

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("procurement announcement")
        verbose_name_plural = _("procurement announcements")

    def __str__(self):
        return self.title
