"""Per-organization settings: everything that differs between two อบต. is data, not code."""

import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from .blocks import LabelledLinkBlock
from .pagecache import remember


class RememberedSiteSetting(BaseSiteSetting):
    """A site setting read from memory until an editor saves a change (which purges)."""

    class Meta:
        abstract = True

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        parent = super()
        instance = remember((cls._meta.label, site.pk), lambda: parent.for_site(site))
        # A copy per caller: the admin edits the instance it is given.
        return copy.copy(instance)


@register_setting(icon="home")
class OrganizationSettings(RememberedSiteSetting):
    """Who the site belongs to and how to reach them (ITA item O5 asks for all of this)."""

    name = models.CharField(
        _("full name"),
        max_length=200,
        help_text=_("For example: องค์การบริหารส่วนตำบลพงษ์"),
    )
    short_name = models.CharField(
        _("short name"), max_length=100, help_text=_("For example: อบต.พงษ์")
    )
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    district = models.CharField(_("district"), max_length=100, blank=True)
    province = models.CharField(_("province"), max_length=100, blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("address"), blank=True)
    postal_code = models.CharField(_("postal code"), max_length=5, blank=True)
    phone = models.CharField(_("phone"), max_length=100, blank=True)
    fax = models.CharField(_("fax"), max_length=100, blank=True)
    email = models.EmailField(_("official e-mail"), blank=True)
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)"),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    facebook_url = models.URLField(_("Facebook page"), blank=True)
    line_url = models.URLField(_("LINE official account"), blank=True)
    youtube_url = models.URLField(_("YouTube channel"), blank=True)
    footer_note = models.TextField(_("footer note"), blank=True)

    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldRowPanel([FieldPanel("short_name"), FieldPanel("name_en")]),
                FieldRowPanel([FieldPanel("district"), FieldPanel("province")]),
                FieldPanel("logo"),
            ],
            heading=_("Organization"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("postal_code"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("fax")]),
                FieldPanel("email"),
                FieldPanel("opening_hours"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("line_url"), FieldPanel("youtube_url")],
            heading=_("Social channels"),
        ),
        FieldPanel("footer_note"),
    ]

    class Meta:
        verbose_name = _("organization")

    def __str__(self):
        return self.name or str(_("organization"))

    @property
    def has_map_location(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def map_url(self):
        """A link to the location on OpenStreetMap; the page embeds no third-party map."""
        if not self.has_map_location:
            return ""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=16/{self.latitude}/{self.longitude}"

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("LINE", self.line_url),
            ("YouTube", self.youtube_url),
        ]
        return [(label, url) for label, url in links if url]


@register_setting(icon="list-ul")
class FooterSettings(RememberedSiteSetting):
    """Links at the foot of every page: privacy notice, cookies, accessibility, site map."""

    links = StreamField([("link", LabelledLinkBlock())], verbose_name=_("footer links"), blank=True)

    panels = [FieldPanel("links")]

    class Meta:
        verbose_name = _("footer")
