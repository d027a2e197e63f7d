"""Per-site settings of the ITA pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import register_setting

from tambon.core.models import RememberedSiteSetting


@register_setting(icon="tasks")
class ItaSettings(RememberedSiteSetting):
    """Where the NACC's perception surveys of this organization are; the ITA pages link them."""

    eit_url = models.URLField(
        _("EIT survey address"),
        blank=True,
        help_text=_("The external perception survey (EIT) on the ITA system."),
    )
    iit_url = models.URLField(
        _("IIT survey address"),
        blank=True,
        help_text=_("The internal perception survey (IIT) on the ITA system."),
    )

    panels = [FieldPanel("eit_url"), FieldPanel("iit_url")]

    class Meta:
        verbose_name = _("ITA surveys")
