"""What a plan is organised by: the villages (หมู่ที่) of the area, the organization's
development strategies and the kinds of projects."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned


class Village(OrganizationOwned):
    number = models.PositiveSmallIntegerField(
        _("village number (หมู่ที่)"), validators=[MinValueValidator(1)]
    )
    name = models.CharField(_("village name"), max_length=150)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="participation_village_unique_number"
            )
        ]
        verbose_name = _("village")
        verbose_name_plural = _("villages")

    def __str__(self):
        return _("Village %(number)s %(name)s") % {"number": self.number, "name": self.name}


class Strategy(OrganizationOwned):
    """A development strategy of the organization (ยุทธศาสตร์การพัฒนา), in the plan's order."""

    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    name = models.CharField(_("strategy"), max_length=255)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "number"], name="participation_strategy_unique_number"
            )
        ]
        verbose_name = _("development strategy")
        verbose_name_plural = _("development strategies")

    def __str__(self):
        return f"{self.number}. {self.name}"


class Category(OrganizationOwned):
    """A kind of project (roads, water, occupation...), for grouping proposals."""

    name = models.CharField(_("name"), max_length=150)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "name"], name="participation_category_unique_name"
            )
        ]
        verbose_name = _("project category")
        verbose_name_plural = _("project categories")

    def __str__(self):
        return self.name
