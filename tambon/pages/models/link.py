from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from tambon.core.pages import BasePage


class LinkPage(BasePage):
    """A menu item that leads to an address of this site that is not a page (the complaint
    forms, the e-services): editors place and order it in the menu like any page. Every link
    to it (menu, site map, quick links) goes straight to the address."""

    address = models.CharField(
        _("address on this site"),
        max_length=300,
        validators=[
            RegexValidator(r"^/[^\s]*$", _("Start with / : an address on this site, e.g. /cases/."))
        ],
        help_text=_("For example /cases/ (complaints and tracking) or /cases/new/eservice/."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("address")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("menu link")
        verbose_name_plural = _("menu links")

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request)
        if not parts or parts[1] is None:
            return parts
        site_id, root_url, _own_path = parts
        return site_id, root_url, self.address

    def serve(self, request, *args, **kwargs):
        return HttpResponseRedirect(self.address)

    def get_sitemap_urls(self, request=None):
        # The address's own app lists it in sitemap.xml.
        return []
