from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from tambon.core.blocks import BodyStreamBlock, CaptionedImageBlock, DocumentItemBlock
from tambon.core.pages import BasePage
from tambon.core.query import query_text
from tambon.core.replica import ServedFromReplica
from tambon.thai.fiscal import fiscal_year_bounds

NEWS_PER_PAGE = 12


class NewsCategory(models.TextChoices):
    NEWS = "news", _("Public relations news")
    EXECUTIVE = "executive", _("Executives' activities")
    ACTIVITY = "activity", _("Activities")


class NewsPageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at", "-pk")

    def in_category(self, category):
        return self.filter(category=category)


class NewsIndexPage(ServedFromReplica, RoutablePageMixin, BasePage):
    """All news posts, with a page per category and per tag."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news(self):
        return (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .newest_first()
            .select_related("cover_image")
        )

    def render_listing(self, request, posts, *, category=None, tag=None, fiscal_year=None):
        paginator = Paginator(posts, NEWS_PER_PAGE)
        page_number = request.GET.get("page") or 1
        try:
            listing = paginator.page(page_number)
        except InvalidPage:  # out of range or not a number: simply "not found"
            raise Http404 from None
        return self.render(
            request,
            context_overrides={
                "posts": listing,
                "categories": NewsCategory.choices,
                "current_category": category,
                "current_tag": tag,
                "fiscal_year": fiscal_year,
            },
        )

    @path("")
    def all_news(self, request):
        # Tags go in the query string: Wagtail's URL pattern does not match Thai vowel marks.
        tag = query_text(request, "tag")
        if tag:
            posts = self.news().filter(tags__name=tag).distinct()
            if not posts.exists():
                raise Http404
            return self.render_listing(request, posts, tag=tag)
        return self.render_listing(request, self.news())

    @path("category/<str:category>/")
    def news_in_category(self, request, category):
        if category not in NewsCategory.values:
            raise Http404
        return self.render_listing(
            request, self.news().in_category(category), category=NewsCategory(category)
        )

    @path("fiscal-year/<int:year>/")
    def news_of_fiscal_year(self, request, year):
        # One address per fiscal year: what the ITA assessor opens for "news of this year".
        try:
            first, last = fiscal_year_bounds(year)
        except ValueError:
            raise Http404 from None
        posts = self.news().filter(date__range=(first, last))
        return self.render_listing(request, posts, fiscal_year=year)

    def category_url(self, category):
        return self.url + self.reverse_subpage("news_in_category", args=[category])

    @staticmethod
    def fiscal_year_subpath(year):
        return f"fiscal-year/{year}/"


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "pages.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsPage(BasePage):
    date = models.DateField(_("news date"), default=timezone.localdate)
    category = models.CharField(
        _("category"), max_length=20, choices=NewsCategory.choices, default=NewsCategory.NEWS
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Describe the picture in the image's description field: it is the alt text."),
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("content"))
    gallery = StreamField(
        [("image", CaptionedImageBlock())], verbose_name=_("photo gallery"), blank=True
    )
    attachments = StreamField(
        [("document", DocumentItemBlock())], verbose_name=_("attachments"), blank=True
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")],
            heading=_("About this post"),
        ),
        FieldPanel("cover_image"),
        FieldPanel("body"),
        FieldPanel("gallery"),
        FieldPanel("attachments"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("category"),
    ]
    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")

    @property
    def og_image(self):
        return self.share_image or self.cover_image

    def category_url(self):
        parent = self.get_parent().specific
        return parent.category_url(self.category)
