from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from tambon.core.scoping import OrganizationOwned, ScopedQuerySet

from .choices import CaseKind


class CategoryQuerySet(ScopedQuerySet):
    def active(self):
        return self.filter(is_active=True)

    def of_kind(self, kind):
        return self.filter(kind=kind)


class Category(OrganizationOwned):
    """What a case of one organization is about (roads, lights ...): routes it to a division,
    may set deadlines."""

    kind = models.CharField(_("kind of case"), max_length=20, choices=CaseKind.choices)
    name = models.CharField(_("name"), max_length=150)
    division = models.ForeignKey(
        "people.Division",
        verbose_name=_("responsible division"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_categories",
    )
    acknowledge_working_days = models.PositiveSmallIntegerField(
        _("working days to acknowledge"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the site-wide deadline for this kind of case."),
    )
    resolve_days = models.PositiveSmallIntegerField(
        _("days to give the result"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the site-wide deadline for this kind of case."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("offered on the form"), default=True)

    objects = CategoryQuerySet.as_manager()

    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("division"),
        FieldPanel("acknowledge_working_days"),
        FieldPanel("resolve_days"),
        FieldPanel("sort_order"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["kind", "sort_order", "name"]
        verbose_name = _("case category")
        verbose_name_plural = _("case categories")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "name"], name="cases_category_unique_name"
            )
        ]

    def __str__(self):
        return self.name
