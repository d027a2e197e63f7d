from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from tambon.core.blocks import BodyStreamBlock, QuickLinkBlock
from tambon.core.pages import BasePage

from .news import NewsCategory, NewsPage


class HomePage(BasePage):
    """The front page: welcome banner, quick links, latest news, visitor statistics."""

    welcome_title = models.CharField(
        _("welcome text"),
        max_length=250,
        help_text=_("For example: ยินดีต้อนรับเข้าสู่องค์การบริหารส่วนตำบลพงษ์ จังหวัดน่าน"),
    )
    welcome_text = models.TextField(_("text under the welcome"), blank=True)
    banner_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    quick_links = StreamField(
        [("link", QuickLinkBlock())], verbose_name=_("quick links"), blank=True
    )
    news_count = models.PositiveSmallIntegerField(_("how many news posts to show"), default=4)
    activities_count = models.PositiveSmallIntegerField(
        _("how many executives' activities to show"), default=3
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("more content"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("welcome_title"), FieldPanel("welcome_text"), FieldPanel("banner_image")],
            heading=_("Welcome banner"),
        ),
        FieldPanel("quick_links"),
        MultiFieldPanel(
            [
                FieldPanel("news_count"),
                FieldPanel("activities_count"),
            ],
            heading=_("Sections"),
        ),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # No subpage_types: each page type that belongs under the home page says so in its own
    # parent_page_types, so this app names no other app's pages.

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .newest_first()
            .select_related("cover_image")
        )
        context["latest_news"] = news.in_category(NewsCategory.NEWS)[: self.news_count]
        context["latest_activities"] = news.in_category(NewsCategory.EXECUTIVE)[
            : self.activities_count
        ]
        return context
