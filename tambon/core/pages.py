"""The abstract base of every public page type, shared by all apps that have pages."""

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.models.panels import PanelPlaceholder

from .permissions import current_request


def romanised_slug(text, max_length=80):
    return slugify(anyascii(text))[:max_length].strip("-") or "page"


class BasePage(Page):
    """Fields every public page has: a share image and a summary for search and social cards."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=300,
        help_text=_("One or two sentences shown in lists, search results and shared links."),
    )
    share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image for shared links"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    promote_panels = [*Page.promote_panels, FieldPanel("summary"), FieldPanel("share_image")]
    # The publishing schedule in the Buddhist Era (admin_dates.py), then Wagtail's others.
    settings_panels = [
        PanelPlaceholder("tambon.core.admin_dates.thai_publishing_panel", [], {}),
        *Page.settings_panels[1:],
    ]

    class Meta:
        abstract = True

    @property
    def url(self):
        """The page's address as the site being served should link to it: relative on its own
        site. (Wagtail's ``url`` alone, without the request, turns absolute as soon as a second
        organization's site exists, with the host name the site was saved with.)"""
        return self.get_url(request=current_request())

    def full_clean(self, *args, **kwargs):
        # Wagtail's URL pattern cannot match Thai vowel and tone marks, and a slug without them
        # garbles the words; so a Thai (or empty) slug becomes a romanised one:
        # "ข่าวประชาสัมพันธ์" -> "khawprachasamphanth".
        if self.title and (not self.slug or not self.slug.isascii()):
            self.slug = romanised_slug(self.title)
        super().full_clean(*args, **kwargs)

    @property
    def og_description(self):
        return self.search_description or self.summary

    @property
    def og_image(self):
        return self.share_image
