"""The yearly ITA/OIT item lists of the NACC assessment, and the evidence an organization links.

fiscal year (ItaYear) -> indicator (ItaIndicator) -> item O1, O2 ... (ItaItem) -> evidence
(ItaEvidence: a page, a document or an external address). The lists change every fiscal year,
so they are data, loaded by `load_ita_items` or `import_ita_items`, never code.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from tambon.core.ita.evidence import EvidenceKind
from tambon.core.ita.topics import ItaTopic
from tambon.core.scoping import OrganizationOwned, ScopedQuerySet


class ItaYear(OrganizationOwned, ClusterableModel):
    """One fiscal year of an organization's assessment, named by its Buddhist-Era year (FY 2568
    ends Sep 2025); its indicators, items and evidence are the organization's too."""

    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"),
        help_text=_("The Buddhist-Era year in which the fiscal year ends, for example 2568."),
    )
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("title")]),
        FieldPanel("notes"),
        InlinePanel("indicators", heading=_("Indicators"), label=_("indicator")),
    ]

    class Meta:
        ordering = ["-fiscal_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "fiscal_year"], name="infocenter_ita_year_unique"
            )
        ]
        verbose_name = _("ITA fiscal year")
        verbose_name_plural = _("ITA fiscal years")

    def __str__(self):
        return self.title or str(self.fiscal_year)


class ItaIndicator(OrganizationOwned, Orderable):
    """An indicator (or sub-indicator) that groups items: "9.1 ข้อมูลพื้นฐาน"."""

    year = ParentalKey(
        ItaYear, verbose_name=_("fiscal year"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(pgettext_lazy("ITA indicator", "number"), max_length=20)
    title = models.CharField(_("title"), max_length=250)

    organization_parent = "year"

    panels = [FieldRowPanel([FieldPanel("code"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = _("ITA indicator")
        verbose_name_plural = _("ITA indicators")
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="infocenter_indicator_unique")
        ]

    def __str__(self):
        return f"{self.year.fiscal_year} {self.code} {self.title}"


class ItaItemQuerySet(ScopedQuerySet):
    def of_year(self, fiscal_year):
        return self.filter(year__fiscal_year=fiscal_year)


class ItaItem(OrganizationOwned, ClusterableModel):
    """One item an assessor checks on the website: "O2 ข้อมูลผู้บริหาร"."""

    indicator = models.ForeignKey(
        ItaIndicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="items"
    )
    # Copied from the indicator on save, so that an item code is unique within its year.
    year = models.ForeignKey(
        ItaYear,
        verbose_name=_("fiscal year"),
        on_delete=models.CASCADE,
        related_name="items",
        editable=False,
    )
    code = models.CharField(
        pgettext_lazy("ITA item", "code"), max_length=10, help_text=_("For example O1.")
    )
    title = models.CharField(_("title"), max_length=250)
    topic = models.CharField(
        _("topic"),
        max_length=40,
        choices=ItaTopic.choices,
        blank=True,
        help_text=_("What the item asks for; the coverage dashboard suggests evidence by topic."),
    )
    required_elements = models.TextField(
        _("required elements"),
        blank=True,
        help_text=_("What the published information must contain, from the assessment manual."),
    )
    guide = models.TextField(_("guide"), blank=True)
    needs_current_year = models.BooleanField(
        _("must be from the current fiscal year"),
        default=False,
        help_text=_("For example news or complaint statistics of the fiscal year assessed."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ItaItemQuerySet.as_manager()
    organization_parent = "indicator"

    panels = [
        FieldPanel("indicator"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("sort_order")]),
        FieldPanel("title"),
        FieldPanel("topic"),
        FieldPanel("required_elements"),
        FieldPanel("guide"),
        FieldPanel("needs_current_year"),
        InlinePanel("evidence", heading=_("Evidence"), label=_("evidence")),
    ]

    class Meta:
        ordering = ["year", "sort_order", "code"]
        verbose_name = _("ITA item")
        verbose_name_plural = _("ITA items")
        constraints = [
            models.UniqueConstraint(fields=["year", "code"], name="infocenter_item_unique_code")
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.year_id = self.indicator.year_id
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        if self.indicator_id is None or not self.code:
            return
        clash = self.indicator.year.items.filter(code=self.code)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError(
                {"code": _("This fiscal year already has an item with this code.")}
            )


class ItaEvidence(OrganizationOwned, Orderable):
    """Where the assessor finds an item: a page, a document or an outside address."""

    item = ParentalKey(
        ItaItem, verbose_name=_("ITA item"), on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=EvidenceKind.choices, default=EvidenceKind.PAGE
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # A listing inside the page, e.g. "fiscal-year/2568/" of the news page: stays valid when the
    # page moves, because only the page's own address changes.
    subpath = models.CharField(
        _("part of the page"),
        max_length=200,
        blank=True,
        help_text=_("Optional: a listing inside the page, for example fiscal-year/2568/"),
    )
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    external_url = models.URLField(_("external address"), blank=True)
    label = models.CharField(_("label"), max_length=250)
    covers_fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year covered (B.E.)"), null=True, blank=True
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)

    organization_parent = "item"

    panels = [
        FieldPanel("kind"),
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("page"), FieldPanel("subpath")]),
        FieldPanel("document"),
        FieldPanel("external_url"),
        FieldRowPanel([FieldPanel("covers_fiscal_year"), FieldPanel("published_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        given = {
            EvidenceKind.PAGE: self.page_id is not None,
            EvidenceKind.DOCUMENT: self.document_id is not None,
            EvidenceKind.URL: bool(self.external_url),
        }
        field = {
            EvidenceKind.PAGE: "page",
            EvidenceKind.DOCUMENT: "document",
            EvidenceKind.URL: "external_url",
        }
        errors = {}
        for kind, present in given.items():
            if kind == self.kind and not present:
                errors[field[kind]] = _("Fill this in for this kind of evidence.")
            elif kind != self.kind and present:
                errors[field[kind]] = _("Leave this empty for this kind of evidence.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_external(self):
        return self.kind == EvidenceKind.URL

    def get_url(self, request=None, site=None):
        if self.kind == EvidenceKind.PAGE and self.page is not None:
            return self.page.get_url(request, current_site=site) + self.subpath
        if self.kind == EvidenceKind.DOCUMENT and self.document is not None:
            return self.document.url
        if self.kind == EvidenceKind.URL:
            return self.external_url
        return ""

    @property
    def url(self):
        return self.get_url()
