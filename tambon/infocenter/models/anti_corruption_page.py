"""ปราบปรามทุจริต: the anti-corruption page and its topics (folders or records it shows)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from tambon.core.blocks import validate_link_address
from tambon.core.pages import BasePage
from tambon.thai.fiscal import fiscal_year

from ..forms import OrganizationInlinePageForm
from .gifts import GiftRegisterEntry
from .info_center_page import InfoCenterPage
from .records import InfoRecord, RecordCategory
from .site_organization import SiteOrganizationMixin

NACC_URL = "https://www.nacc.go.th"
DAMRONGDHAMMA_URL = "https://www.damrongdhama.moi.go.th/"
GOVERNMENT_COMPLAINT_URL = "https://www.1111.go.th/"
CORRUPTION_COMPLAINT_PATH = "/cases/new/corruption/"


class AntiCorruptionPage(SiteOrganizationMixin, BasePage):
    """ปราบปรามทุจริต: the executive's pledge, the plan and reports, No Gift Policy and the gift
    register, and every channel for reporting corruption."""

    intro = models.TextField(_("introduction"), blank=True)
    pledge = RichTextField(
        _("integrity pledge of the executive"),
        blank=True,
        help_text=_("The executive's declaration of integrity (เจตจำนงสุจริต)."),
    )
    pledge_document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("signed pledge (document)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    no_gift_policy = RichTextField(_("No Gift Policy"), blank=True)
    complaint_form_url = models.CharField(
        _("corruption complaint form"),
        max_length=300,
        default=CORRUPTION_COMPLAINT_PATH,
        validators=[validate_link_address],
        help_text=_("The address of the online form for reporting corruption."),
    )
    nacc_url = models.URLField(_("NACC website"), default=NACC_URL)
    damrongdhamma_url = models.URLField(
        _("Damrongdhamma center website"), default=DAMRONGDHAMMA_URL
    )
    government_complaint_url = models.URLField(
        _("government complaint center website"), default=GOVERNMENT_COMPLAINT_URL
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("pledge"), FieldPanel("pledge_document")],
            heading=_("Integrity pledge"),
        ),
        InlinePanel(
            "topics", heading=_("Plans, reports and risk assessment"), label=_("published item")
        ),
        FieldPanel("no_gift_policy"),
        MultiFieldPanel(
            [
                FieldPanel("complaint_form_url"),
                FieldPanel("nacc_url"),
                FieldPanel("damrongdhamma_url"),
                FieldPanel("government_complaint_url"),
            ],
            heading=_("Channels for reporting corruption"),
        ),
    ]
    base_form_class = OrganizationInlinePageForm  # topics choose the site's folders and records
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1  # one per site: the quick links and ITA evidence point at it

    class Meta:
        verbose_name = _("anti-corruption page")
        verbose_name_plural = _("anti-corruption pages")

    def topic_links(self, request):
        """Each topic with its address and, for a folder, its newest records; a folder or record
        of another organization (a topic cannot choose one) is never shown."""
        organization = self.site_organization
        info_center = InfoCenterPage.for_site(self.page_site)
        topics = list(self.topics.select_related("category", "record", "record__category"))
        for topic in topics:
            topic.url, topic.latest = "", []
            if info_center is None:
                continue
            if topic.category_id and topic.category.organization_id != organization.pk:
                topic.category = topic.category_id = None
            if topic.record_id and topic.record.organization_id != organization.pk:
                topic.record = topic.record_id = None
            if topic.record_id and topic.record.live:
                topic.url = info_center.record_url(topic.record)
            elif topic.category_id:
                topic.url = info_center.category_url(topic.category)
                newest = (
                    InfoRecord.objects.for_organization(organization)
                    .live()
                    .in_category(topic.category)
                    .newest_first()
                    .only("pk", "title", "published_on")[:3]
                )
                topic.latest = [(record, info_center.record_url(record)) for record in newest]
        return topics

    def gift_register(self):
        """(fiscal year, entries) newest year first; the current fiscal year is always there,
        so that a year without gifts says so."""
        years = {fiscal_year(): []}
        entries = GiftRegisterEntry.objects.for_organization(self.site_organization)
        for entry in entries.order_by("-fiscal_year", "received_on", "pk"):
            years.setdefault(entry.fiscal_year, []).append(entry)
        return sorted(years.items(), reverse=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = self.topic_links(request)
        context["gift_years"] = self.gift_register()
        return context


class AntiCorruptionTopic(Orderable):
    """A plan, report or risk assessment shown on the anti-corruption page: a folder of records
    (its newest records are listed) or one record."""

    page = ParentalKey(AntiCorruptionPage, on_delete=models.CASCADE, related_name="topics")
    heading = models.CharField(_("heading"), max_length=200)
    category = models.ForeignKey(
        RecordCategory,
        verbose_name=_("folder of records"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    record = models.ForeignKey(
        InfoRecord,
        verbose_name=_("or one record"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("heading"), FieldPanel("category"), FieldPanel("record")]

    class Meta(Orderable.Meta):
        verbose_name = _("published item")
        verbose_name_plural = _("published items")
        constraints = [
            models.CheckConstraint(
                condition=~Q(category__isnull=False, record__isnull=False),
                name="infocenter_topic_folder_or_record",
            )
        ]

    def __str__(self):
        return self.heading

    def clean(self):
        super().clean()
        if bool(self.category_id) == bool(self.record_id):
            raise ValidationError({"category": _("Choose a folder or one record, not both.")})
