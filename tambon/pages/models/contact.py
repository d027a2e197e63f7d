from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel

from tambon.core.pages import BasePage


class ContactPage(BasePage):
    """Address, phones, e-mail, map and social channels (ITA item O5), from the site settings."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        HelpPanel(
            content=_(
                "The address, phones, e-mail, map location, opening hours and social channels "
                "come from Settings > Organization, so they are the same everywhere on the site."
            )
        ),
    ]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")
