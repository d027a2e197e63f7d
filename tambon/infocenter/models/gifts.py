"""The register of gifts received by virtue of custom (No Gift Policy; ITA FY 2568 item O22)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet
from tambon.thai.fiscal import fiscal_year


class GiftDisposal(models.TextChoices):
    RETURNED = "returned", _("Returned to the giver")
    KEPT_BY_ORGANIZATION = "organization", _("Handed over to the organization")
    KEPT_BY_RECIPIENT = "kept", _("Kept by the recipient (within the legal limit)")
    DONATED = "donated", _("Given to charity or shared")
    OTHER = "other", _("Other (see notes)")


class GiftRegisterQuerySet(ScopedQuerySet):
    def of_fiscal_year(self, year):
        return self.filter(fiscal_year=year)


class GiftRegisterEntry(OrganizationOwned):
    """A gift or other benefit an officer received, and what was done with it."""

    received_on = models.DateField(_("date received"))
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"), editable=False, db_index=True
    )
    giver = models.CharField(_("giver"), max_length=250)
    recipient_position = models.CharField(
        _("recipient's position"),
        max_length=250,
        help_text=_("The position, not the person's name."),
    )
    description = models.CharField(_("what was received"), max_length=300)
    estimated_value = models.DecimalField(
        _("estimated value (baht)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    disposal = models.CharField(
        _("what was done with it"),
        max_length=20,
        choices=GiftDisposal.choices,
        default=GiftDisposal.RETURNED,
    )
    notes = models.CharField(_("notes"), max_length=300, blank=True)

    objects = GiftRegisterQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("received_on"), FieldPanel("estimated_value")]),
        FieldRowPanel([FieldPanel("giver"), FieldPanel("recipient_position")]),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("disposal"), FieldPanel("notes")]),
    ]

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name = _("gift register entry")
        verbose_name_plural = _("gift register")

    def __str__(self):
        return f"{self.received_on} {self.description}"

    def save(self, *args, **kwargs):
        self.fiscal_year = fiscal_year(self.received_on)
        super().save(*args, **kwargs)
