"""The plan itself: its editions (the first plan, then additions and amendments, each
"ครั้งที่ N/ปี") and the projects of each edition in the columns of form ผ.02, with what has
happened to each project since (accountability).

An edition starts as a copy of the one before it: every project row is copied with the same
``lineage``, so two editions can be compared project by project (added, removed, changed)."""

import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from tambon.core.scoping import OrganizationOwned
from tambon.thai.dates import MAX_BUDDHIST_YEAR, MIN_BUDDHIST_YEAR, format_thai_date

from .progress_rules import ProjectStatus, procurement_url_error, report_errors

BUDGET_FIELDS = (
    "budget_year_1",
    "budget_year_2",
    "budget_year_3",
    "budget_year_4",
    "budget_year_5",
)


class EditionKind(models.TextChoices):
    FIRST = "first", _("The plan")
    ADDITIONAL = "additional", _("Addition")
    AMENDED = "amended", _("Amendment")


class PlanEdition(OrganizationOwned):
    cycle = models.ForeignKey(
        "participation.PlanCycle",
        verbose_name=_("planning cycle"),
        on_delete=models.CASCADE,
        related_name="editions",
    )
    organization_parent = "cycle"
    kind = models.CharField(
        _("kind of edition"), max_length=12, choices=EditionKind.choices, default=EditionKind.FIRST
    )
    # "เพิ่มเติม ครั้งที่ 2/2569": the number within its kind and the year (B.E.).
    number = models.PositiveSmallIntegerField(_("number (ครั้งที่)"), default=1)
    year_be = models.PositiveSmallIntegerField(
        _("year (B.E.)"),
        validators=[MinValueValidator(MIN_BUDDHIST_YEAR), MaxValueValidator(MAX_BUDDHIST_YEAR)],
    )
    based_on = models.ForeignKey(
        "self",
        verbose_name=_("copied from edition"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    announcement = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("announcement (signed copy)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cycle", "created", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["cycle", "kind", "number", "year_be"], name="participation_edition_once"
            )
        ]
        verbose_name = _("plan edition")
        verbose_name_plural = _("plan editions")

    def __str__(self):
        if self.kind == EditionKind.FIRST:
            return f"{self.cycle}"
        return f"{self.cycle} {self.get_kind_display()} ครั้งที่ {self.number}/{self.year_be}"

    @property
    def is_approved(self):
        """An approved edition is the record of what was announced: it is no longer edited."""
        return self.approved_on is not None


def _budget_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )


class PlanProject(OrganizationOwned, ClusterableModel):
    """One row of form ผ.02."""

    edition = models.ForeignKey(
        PlanEdition,
        verbose_name=_("plan edition"),
        on_delete=models.CASCADE,
        related_name="projects",
    )
    organization_parent = "edition"
    lineage = models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)
    number = models.PositiveSmallIntegerField(_("number"), default=1)
    strategy = models.ForeignKey(
        "participation.Strategy",
        verbose_name=_("development strategy"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    category = models.ForeignKey(
        "participation.Category",
        verbose_name=_("project category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    # Empty for a project of the whole area.
    village = models.ForeignKey(
        "participation.Village",
        verbose_name=_("village"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    proposal = models.ForeignKey(
        "participation.Proposal",
        verbose_name=_("from proposal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="projects",
    )
    title = models.CharField(_("project"), max_length=255)
    objective = models.TextField(_("objective"))
    output_target = models.TextField(_("target (output of the project)"))
    budget_year_1 = _budget_field(_("budget, plan year 1 (baht)"))
    budget_year_2 = _budget_field(_("budget, plan year 2 (baht)"))
    budget_year_3 = _budget_field(_("budget, plan year 3 (baht)"))
    budget_year_4 = _budget_field(_("budget, plan year 4 (baht)"))
    budget_year_5 = _budget_field(_("budget, plan year 5 (baht)"))
    indicator = models.CharField(_("indicator (KPI)"), max_length=255)
    expected_result = models.TextField(_("expected result"))
    responsible_unit = models.CharField(_("responsible unit"), max_length=255)
    # Accountability: what happened to the project, newest report first in `updates`.
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.IN_PLAN
    )
    percent_done = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MaxValueValidator(100)]
    )
    procurement_url = models.CharField(
        _("procurement entry (address on this site)"),
        max_length=255,
        blank=True,
        help_text=_("For example /procurement/12/"),
    )

    class Meta:
        ordering = ["edition", "strategy__number", "number", "pk"]
        verbose_name = _("plan project")
        verbose_name_plural = _("plan projects")

    def __str__(self):
        return self.title

    def budgets(self):
        """The five plan years' budgets, first year first (None where none)."""
        return [getattr(self, name) for name in BUDGET_FIELDS]

    def clean(self):
        super().clean()
        if error := procurement_url_error(self.procurement_url):
            raise ValidationError({"procurement_url": error})


class ProjectUpdate(OrganizationOwned):
    """A progress report on a project, with an optional photo: the history behind its status."""

    project = ParentalKey(PlanProject, on_delete=models.CASCADE, related_name="updates")
    organization_parent = "project"
    reported_on = models.DateField(_("reported on"))
    status = models.CharField(_("status"), max_length=12, choices=ProjectStatus.choices)
    percent_done = models.PositiveSmallIntegerField(
        _("percent done"), default=0, validators=[MaxValueValidator(100)]
    )
    note = models.TextField(_("what was done"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-reported_on", "-pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self):
        return f"{self.project} ({format_thai_date(self.reported_on)})"

    def clean(self):
        super().clean()
        if errors := report_errors(self):
            raise ValidationError(errors)
