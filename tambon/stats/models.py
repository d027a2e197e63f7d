"""Visitor statistics: one row per organization and day, and the figures an old site had."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting

from tambon.core.models import RememberedSiteSetting
from tambon.core.scoping import OrganizationOwned


class CounterPlacement(models.TextChoices):
    HOME_AND_FOOTER = (
        "home_and_footer",
        _("Beside the news on the home page, in the footer elsewhere"),
    )
    FOOTER = "footer", _("In the footer of every page")
    HOME = "home", _("On the home page only")
    HIDDEN = "hidden", _("Nowhere (still counting)")


@register_setting(icon="view")
class VisitorCounterSettings(RememberedSiteSetting):
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

    placement = models.CharField(
        _("where the counter is shown"),
        max_length=20,
        choices=CounterPlacement.choices,
        default=CounterPlacement.HOME_AND_FOOTER,
    )
    year_is_fiscal = models.BooleanField(
        _("“this year” is the fiscal year"),
        default=False,
        help_text=_(
            "Off: calendar year (January - December). On: fiscal year (October - September)."
        ),
    )

    panels = [
        FieldPanel("placement"),
        FieldPanel("year_is_fiscal"),
        MultiFieldPanel(
            [FieldPanel("counted_since"), FieldPanel("baseline_visits")],
            heading=_("Continuing from an old site"),
        ),
    ]

    class Meta:
        verbose_name = _("visitor counter")


class DailyVisits(OrganizationOwned):
    """The visits of one organization's site on one Bangkok day."""

    day = models.DateField(_("day"))
    visits = models.PositiveIntegerField(_("visits"), default=0)
    page_views = models.PositiveIntegerField(_("page views"), default=0)

    class Meta:
        verbose_name = _("daily visits")
        verbose_name_plural = _("daily visits")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "day"], name="one_row_per_organization_and_day"
            )
        ]
        ordering = ["-day"]

    def __str__(self):
        return f"{self.organization_id} {self.day}: {self.visits}"


class DailyPageViews(OrganizationOwned):
    """Page views of one path on one day: the top pages of the report."""

    day = models.DateField(_("day"))
    path = models.CharField(_("page address"), max_length=500)
    views = models.PositiveIntegerField(_("page views"), default=0)

    class Meta:
        verbose_name = _("daily page views")
        verbose_name_plural = _("daily page views")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "day", "path"],
                name="one_row_per_organization_day_and_path",
            )
        ]
        indexes = [models.Index(fields=["organization", "day"], name="stats_views_org_day")]

    def __str__(self):
        return f"{self.day} {self.path}: {self.views}"


class FlushedBatch(models.Model):
    """A batch of counts moved from Redis to the daily rows. Written in the same transaction as
    the counts, so a batch whose worker died before deleting it from Redis is not counted twice."""

    id = models.CharField(primary_key=True, max_length=40)
    flushed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("flushed batch of counts")
        verbose_name_plural = _("flushed batches of counts")

    def __str__(self):
        return self.id


class VisitorSeen(models.Model):
    """When a visitor (a keyed, daily-salted hash, never an address) last viewed a page, shared
    by the workers of the embedded profile. Rows older than two visit windows are deleted."""

    visitor = models.CharField(primary_key=True, max_length=32)
    last_seen_ms = models.BigIntegerField()

    class Meta:
        verbose_name = _("visitor last seen")
        verbose_name_plural = _("visitors last seen")

    def __str__(self):
        return self.visitor


class DailySalt(models.Model):
    """The random salt of the visitor hash for one Bangkok day, shared by the workers.
    Deleted after two days, so a hash cannot be linked to another day's."""

    day = models.DateField(primary_key=True)
    salt = models.BinaryField(max_length=16)

    class Meta:
        verbose_name = _("daily salt")
        verbose_name_plural = _("daily salts")

    def __str__(self):
        return str(self.day)
