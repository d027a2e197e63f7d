"""Visitor statistics: one row per site and day, plus the figures an old site already had."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="view")
class VisitorCounterSettings(BaseSiteSetting):
    counted_since = models.DateField(
        _("counted since"),
        null=True,
        blank=True,
        help_text=_("Shown as “counted since”. Leave empty to use the first day with visits."),
    )
    baseline_visits = models.PositiveIntegerField(
        _("visits before this site"),
        default=0,
        help_text=_("The total an old site had counted, so the counter continues from it."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("counted_since"), FieldPanel("baseline_visits")],
            heading=_("Continuing from an old site"),
        )
    ]

    class Meta:
        verbose_name = _("visitor counter")


class DailyVisits(models.Model):
    site = models.ForeignKey("wagtailcore.Site", on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    visits = models.PositiveIntegerField(_("visits"), default=0)
    page_views = models.PositiveIntegerField(_("page views"), default=0)

    class Meta:
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")
        constraints = [
            models.UniqueConstraint(fields=["site", "day"], name="one_row_per_site_and_day")
        ]
        ordering = ["-day"]

    def __str__(self):
        return f"{self.site_id} {self.day}: {self.visits}"
