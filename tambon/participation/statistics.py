"""The public figures of one planning cycle (issue 15, item 8).

Counting rules (the statistics page states them):
- proposals are those published, a duplicate counted once with the proposal it was merged into;
  a proposal counts under its village, its category and where it came from (online, a forum);
- forum attendance is what staff entered from the attendance sheets of each forum, by sex and
  age group; a village forum counts under its village, the subdistrict forum apart;
- supports are the online supports given to the published proposals of a village;
- by step: a proposal sent online counts in the step running on the day it was received, a
  forum in the step running on the day it met, a support on the day it was given (Thailand
  time); what falls outside every step's dates is counted apart;
- the budget is that of the projects of the cycle's latest approved plan edition, per
  development strategy and plan year (form ผ.02's five budget columns).
Only numbers, names of villages, strategies and categories leave this module: never a person.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from tambon.thai.dates import BANGKOK

from .models import (
    BUDGET_FIELDS,
    AgeGroup,
    Category,
    ForumAttendance,
    ForumKind,
    PlanEdition,
    PlanProject,
    Proposal,
    Sex,
    Source,
    Strategy,
    Support,
    Village,
)

SEXES = list(Sex)
AGE_GROUPS = list(AgeGroup)


def public_proposals(cycle):
    """The cycle's proposals the site shows: published, duplicates left out."""
    proposals = Proposal.objects.for_organization(cycle.organization_id).published()
    return proposals.filter(cycle=cycle, merged_into=None)


@dataclass
class VillageFigures:
    village: object  # a Village, or None for the subdistrict forum's row
    online: int = 0
    from_forums: int = 0
    supports: int = 0
    forums: int = 0
    by_sex: dict = field(default_factory=dict)  # Sex value -> people
    by_age: dict = field(default_factory=dict)  # AgeGroup value -> people

    @property
    def label(self):
        return str(self.village) if self.village else str(ForumKind.SUBDISTRICT.label)

    @property
    def proposals(self):
        return self.online + self.from_forums

    @property
    def attendance(self):
        return sum(self.by_sex.values())

    @property
    def sex_counts(self):
        return [self.by_sex.get(sex, 0) for sex in SEXES]

    @property
    def age_counts(self):
        return [self.by_age.get(age, 0) for age in AGE_GROUPS]


def village_figures(cycle):
    """One row per village of the organization (in number order), then the subdistrict forum's
    row when it has attendance."""
    organization = cycle.organization_id
    villages = list(Village.objects.for_organization(organization).order_by("number"))
    rows = {village.pk: VillageFigures(village) for village in villages}
    subdistrict = VillageFigures(None)
    proposals = public_proposals(cycle).values_list("village_id", "source").order_by()
    for village_id, source in proposals:
        row = rows[village_id]
        if source == Source.FORUM:
            row.from_forums += 1
        else:
            row.online += 1
    supports = Support.objects.for_organization(organization).filter(
        proposal__in=public_proposals(cycle)
    )
    for village_id, count in Counter(
        supports.values_list("proposal__village_id", flat=True).order_by()
    ).items():
        rows[village_id].supports = count
    forums = cycle.forums.all().values_list("pk", "village_id").order_by()
    forum_village = dict(forums)
    for village_id in forum_village.values():
        (rows[village_id] if village_id else subdistrict).forums += 1
    attendance = (
        ForumAttendance.objects.for_organization(organization)
        .filter(forum__cycle=cycle)
        .values_list("forum_id", "sex", "age_group", "count")
        .order_by()
    )
    for forum_id, sex, age_group, count in attendance:
        village_id = forum_village[forum_id]
        row = rows[village_id] if village_id else subdistrict
        row.by_sex[sex] = row.by_sex.get(sex, 0) + count
        row.by_age[age_group] = row.by_age.get(age_group, 0) + count
    result = [rows[village.pk] for village in villages]
    if subdistrict.forums:
        result.append(subdistrict)
    return result


def village_totals(rows):
    """The sums of `village_figures` rows, as one more row."""
    total = VillageFigures(None)
    for row in rows:
        total.online += row.online
        total.from_forums += row.from_forums
        total.supports += row.supports
        total.forums += row.forums
        for sex, count in row.by_sex.items():
            total.by_sex[sex] = total.by_sex.get(sex, 0) + count
        for age, count in row.by_age.items():
            total.by_age[age] = total.by_age.get(age, 0) + count
    return total


@dataclass
class PhaseFigures:
    label: str
    phase: object  # a Phase, or None for "outside every step"
    online: int = 0
    forums: int = 0
    attendance: int = 0
    supports: int = 0

    @property
    def is_empty(self):
        return not (self.online or self.forums or self.attendance or self.supports)


def local_day(moment):
    return timezone.localtime(moment, BANGKOK).date()


def phase_figures(cycle):
    """One row per step of the cycle (the regulation's order), then one for what fell outside
    every step's dates when there is any."""
    organization = cycle.organization_id
    timeline = cycle.timeline()
    rows = {phase.pk: PhaseFigures(phase.get_kind_display(), phase) for phase in timeline}
    outside = PhaseFigures(_("Outside the dates of the steps"), None)

    def row_on(day):
        phase = cycle.phase_on(day)
        return rows[phase.pk] if phase else outside

    online = public_proposals(cycle).filter(source=Source.ONLINE)
    for created in online.values_list("created", flat=True).order_by():
        row_on(local_day(created)).online += 1
    people = defaultdict(int)
    attendance = ForumAttendance.objects.for_organization(organization).filter(forum__cycle=cycle)
    for forum_id, count in attendance.values_list("forum_id", "count").order_by():
        people[forum_id] += count
    for forum_id, held_on in cycle.forums.all().values_list("pk", "held_on").order_by():
        row = row_on(held_on)
        row.forums += 1
        row.attendance += people[forum_id]
    supports = Support.objects.for_organization(organization).filter(
        proposal__in=public_proposals(cycle)
    )
    for created in supports.values_list("created", flat=True).order_by():
        row_on(local_day(created)).supports += 1
    result = [rows[phase.pk] for phase in timeline]
    if not outside.is_empty:
        result.append(outside)
    return result


def category_figures(cycle):
    """[(category name, proposals)] for every category of the organization (by name), then
    the proposals without a category when there are any."""
    counts = Counter(public_proposals(cycle).values_list("category_id", flat=True).order_by())
    categories = Category.objects.for_organization(cycle.organization_id).order_by("name")
    result = [(category.name, counts.get(category.pk, 0)) for category in categories]
    if counts.get(None):
        result.append((_("No category"), counts[None]))
    return result


def latest_approved_edition(cycle):
    editions = PlanEdition.objects.for_organization(cycle.organization_id).filter(cycle=cycle)
    return editions.exclude(approved_on=None).order_by("-approved_on", "-created", "-pk").first()


@dataclass
class StrategyBudget:
    strategy: object
    projects: int
    budgets: list  # one Decimal per plan year

    @property
    def total(self):
        return sum(self.budgets, Decimal(0))


def budget_figures(cycle, edition):
    """One row per development strategy of the organization: its projects in `edition` and
    their budgets in each of the five plan years (a blank budget counts as none)."""
    strategies = Strategy.objects.for_organization(cycle.organization_id).order_by("number")
    rows = {
        strategy.pk: StrategyBudget(strategy, 0, [Decimal(0)] * len(BUDGET_FIELDS))
        for strategy in strategies
    }
    if edition is not None:
        projects = PlanProject.objects.for_organization(cycle.organization_id).filter(
            edition=edition
        )
        for strategy_id, *budgets in projects.values_list("strategy_id", *BUDGET_FIELDS):
            row = rows[strategy_id]
            row.projects += 1
            row.budgets = [
                total + (budget or 0) for total, budget in zip(row.budgets, budgets, strict=True)
            ]
    return list(rows.values())


def budget_per_year(rows):
    """The five plan years' totals of `budget_figures` rows."""
    totals = [Decimal(0)] * len(BUDGET_FIELDS)
    for row in rows:
        totals = [total + budget for total, budget in zip(totals, row.budgets, strict=True)]
    return totals
