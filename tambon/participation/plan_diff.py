"""What changed between two editions of a plan, project by project: a project is the same
project in both when it has the same ``lineage`` (a copy made by plan_editions.copy_edition).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from tambon.thai.digits import format_number

from .models import BUDGET_FIELDS, PlanEdition, PlanProject

# The ผ.02 columns compared, in the form's order (the plan year budgets are added per year).
COMPARED_FIELDS = (
    "number",
    "title",
    "strategy",
    "category",
    "village",
    "objective",
    "output_target",
    *BUDGET_FIELDS,
    "indicator",
    "expected_result",
    "responsible_unit",
)


def shown(value) -> str:
    """A column's value as a person reads it: money with commas, a blank as "-"."""
    if value is None or value == "":
        return "-"
    if isinstance(value, Decimal):
        return format_number(value, decimals=0 if value == int(value) else 2)
    return str(value)


@dataclass
class Change:
    field: str
    label: str
    old: object
    new: object

    @property
    def old_text(self):
        return shown(self.old)

    @property
    def new_text(self):
        return shown(self.new)


@dataclass
class ChangedProject:
    old: PlanProject
    new: PlanProject
    changes: list[Change]


@dataclass
class EditionDiff:
    old: PlanEdition
    new: PlanEdition
    added: list[PlanProject] = field(default_factory=list)
    removed: list[PlanProject] = field(default_factory=list)
    changed: list[ChangedProject] = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.added or self.removed or self.changed)


def _projects(edition):
    return list(
        PlanProject.objects.for_organization(edition.organization_id)
        .filter(edition=edition)
        .select_related("strategy", "category", "village")
    )


def column_label(project, name, plan_years):
    """The column's name as the form prints it; a budget is named by its B.E. year."""
    if name in BUDGET_FIELDS:
        return _("Budget %(year)s (baht)") % {"year": plan_years[BUDGET_FIELDS.index(name)]}
    return str(project._meta.get_field(name).verbose_name)


def project_changes(old, new, plan_years) -> list[Change]:
    changes = []
    for name in COMPARED_FIELDS:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(Change(name, column_label(new, name, plan_years), before, after))
    return changes


def compare(old: PlanEdition, new: PlanEdition) -> EditionDiff:
    """The projects `new` added, removed and changed compared with `old` (same organization)."""
    plan_years = new.cycle.plan_years
    before = {project.lineage: project for project in _projects(old)}
    after = {project.lineage: project for project in _projects(new)}
    diff = EditionDiff(old, new)
    for lineage, project in after.items():
        if lineage not in before:
            diff.added.append(project)
        elif changes := project_changes(before[lineage], project, plan_years):
            diff.changed.append(ChangedProject(before[lineage], project, changes))
    diff.removed = [project for lineage, project in before.items() if lineage not in after]
    return diff
