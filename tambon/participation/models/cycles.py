"""A planning cycle: one five-year local development plan (แผนพัฒนาท้องถิ่น) and the steps it
goes through under the Ministry of Interior's rules, each with its dates (docs/participation.md).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from tambon.core.scoping import OrganizationOwned
from tambon.thai.dates import MAX_BUDDHIST_YEAR, MIN_BUDDHIST_YEAR

PLAN_YEARS = 5


class PhaseKind(models.TextChoices):
    """The steps of the regulation, in the only order they may come."""

    COLLECT_NEEDS = "collect_needs", _("Collecting needs")
    VILLAGE_FORUMS = "village_forums", _("Village forums")
    SUBDISTRICT_FORUM = "subdistrict_forum", _("Subdistrict forum")
    DRAFTING = "drafting", _("Drafting the plan")
    COMMITTEE_REVIEW = "committee_review", _("Review by the local development committee")
    COUNCIL_OPINION = "council_opinion", _("Opinion of the council")
    APPROVAL = "approval", _("Approval and announcement")
    MONITORING = "monitoring", _("Monitoring and evaluation")


KIND_ORDER = {kind: position for position, kind in enumerate(PhaseKind)}

# Residents may send proposals online only while needs are collected and villages meet.
PROPOSAL_PHASES = frozenset({PhaseKind.COLLECT_NEEDS, PhaseKind.VILLAGE_FORUMS})

RESIDENT_ACTIONS = {
    PhaseKind.COLLECT_NEEDS: _(
        "Send the needs and project ideas of your village with the form on this page; they are "
        "taken to your village forum."
    ),
    PhaseKind.VILLAGE_FORUMS: _(
        "Come to your village forum to discuss and rank the proposals; you may still send a "
        "proposal with the form on this page."
    ),
    PhaseKind.SUBDISTRICT_FORUM: _(
        "Come to the subdistrict forum, where the proposals of every village are put together. "
        "New proposals are no longer taken."
    ),
    PhaseKind.DRAFTING: _(
        "The plan-support committee drafts the plan from the proposals. You can read the "
        "proposals below."
    ),
    PhaseKind.COMMITTEE_REVIEW: _(
        "The local development committee reviews the draft. Its meeting reports are announced."
    ),
    PhaseKind.COUNCIL_OPINION: _(
        "The council gives its opinion on the draft in a meeting open to the public."
    ),
    PhaseKind.APPROVAL: _("The executive approves the plan and announces it; read it here."),
    PhaseKind.MONITORING: _(
        "Read the yearly monitoring report (announced every December) and tell us what you "
        "think of the projects."
    ),
}


class PlanCycle(OrganizationOwned, ClusterableModel):
    name = models.CharField(
        _("name"),
        max_length=255,
        help_text=_("For example: แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)"),
    )
    first_year_be = models.PositiveSmallIntegerField(
        _("first plan year (B.E.)"),
        validators=[MinValueValidator(MIN_BUDDHIST_YEAR), MaxValueValidator(MAX_BUDDHIST_YEAR - 5)],
    )
    intro = models.TextField(_("introduction"), blank=True)
    shown = models.BooleanField(
        _("shown on the site"), default=True, help_text=_("Untick while the dates are prepared.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("first_year_be"),
        FieldPanel("intro"),
        FieldPanel("shown"),
        InlinePanel("phases", label=_("phases"), min_num=1),
    ]

    class Meta:
        ordering = ["-first_year_be", "name"]
        verbose_name = _("planning cycle")
        verbose_name_plural = _("planning cycles")

    def __str__(self):
        return self.name

    @property
    def last_year_be(self):
        return self.first_year_be + PLAN_YEARS - 1

    @property
    def plan_years(self):
        return list(range(self.first_year_be, self.first_year_be + PLAN_YEARS))

    def timeline(self):
        """The phases in the regulation's order."""
        return sorted(self.phases.all(), key=lambda phase: KIND_ORDER[phase.kind])

    def phase_on(self, day: datetime.date):
        """The phase running on `day`, or None (before the first, between two, after the last)."""
        for phase in self.timeline():
            if phase.starts_on <= day <= phase.ends_on:
                return phase
        return None

    def accepts_proposals_on(self, day: datetime.date):
        phase = self.phase_on(day)
        return phase is not None and phase.kind in PROPOSAL_PHASES


class Phase(OrganizationOwned):
    cycle = ParentalKey(PlanCycle, on_delete=models.CASCADE, related_name="phases")
    organization_parent = "cycle"
    kind = models.CharField(_("step"), max_length=30, choices=PhaseKind.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    note = models.CharField(
        _("note"), max_length=255, blank=True, help_text=_("Where and when residents meet, say.")
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
        FieldPanel("note"),
    ]

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "kind"], name="participation_phase_once"),
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")),
                name="participation_phase_dates",
            ),
        ]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.get_kind_display()

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.starts_on > self.ends_on:
            raise ValidationError({"ends_on": _("A phase cannot end before it starts.")})

    @property
    def accepts_proposals(self):
        return self.kind in PROPOSAL_PHASES

    @property
    def resident_action(self):
        return RESIDENT_ACTIONS[PhaseKind(self.kind)]


def phase_order_errors(phases):
    """What is wrong with a cycle's phases (Thai sentences; empty when right): each step at
    most once, and each starting after the one before it in the regulation's order has ended,
    so the steps only go forward and on any day at most one runs."""
    errors = []
    seen = set()
    for phase in phases:
        if phase.kind in seen:
            errors.append(
                _("The step “%(step)s” is listed twice.") % {"step": PhaseKind(phase.kind).label}
            )
        seen.add(phase.kind)
    ordered = sorted(phases, key=lambda phase: KIND_ORDER[phase.kind])
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before.kind != after.kind and after.starts_on <= before.ends_on:
            errors.append(
                _("“%(after)s” must start after “%(before)s” ends.")
                % {"after": PhaseKind(after.kind).label, "before": PhaseKind(before.kind).label}
            )
    return errors
