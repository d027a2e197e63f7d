"""A cycle's statistics, its published proposals and its plan's projects as open data (CSV,
JSON). The figures come from tambon.participation.statistics, as the page's do. The proposals
carry what their public page shows and nothing of who proposed them (no name, contact, address
hash or review note), nor a map point, which could be a home."""

from collections import Counter

from tambon.core.exports import csv_download, json_download

from . import statistics
from .models import BUDGET_FIELDS, ForumTally, PlanProject, Support

VILLAGE_FIELDS = [
    "village_number",
    "village_name",
    "proposals_online",
    "proposals_from_forums",
    "supports",
    "forums",
    "attendance",
    *(f"attendance_{sex.value}" for sex in statistics.SEXES),
    *(f"attendance_age_{age.value}" for age in statistics.AGE_GROUPS),
]
PHASE_FIELDS = [
    "step",
    "step_label",
    "starts_on",
    "ends_on",
    "proposals_online",
    "forums",
    "attendance",
    "supports",
]
CATEGORY_FIELDS = ["category", "proposals"]
BUDGET_TABLE_FIELDS = ["strategy_number", "strategy", "plan_year", "projects_in_plan", "budget"]
PROPOSAL_FIELDS = [
    "id",
    "village_number",
    "village_name",
    "strategy",
    "category",
    "title",
    "problem",
    "proposed_project",
    "place",
    "estimated_budget",
    "beneficiaries",
    "source",
    "received_on",
    "supports",
    "forum_votes",
    "decision",
    "decision_reason",
]
# The budget columns between the two are named by the cycle's plan years: budget_2571...
PROJECT_FIELDS_BEFORE_BUDGET = [
    "edition",
    "number",
    "strategy_number",
    "strategy",
    "category",
    "village_number",
    "title",
    "objective",
    "output_target",
]
PROJECT_FIELDS_AFTER_BUDGET = [
    "indicator",
    "expected_result",
    "responsible_unit",
    "status",
    "percent_done",
    "proposal_id",
]


def _number(value):
    """Money as a plain number for computers (None stays None)."""
    return None if value is None else float(value)


def village_records(cycle):
    for row in statistics.village_figures(cycle):
        yield {
            "village_number": row.village.number if row.village else None,
            "village_name": row.village.name if row.village else row.label,
            "proposals_online": row.online,
            "proposals_from_forums": row.from_forums,
            "supports": row.supports,
            "forums": row.forums,
            "attendance": row.attendance,
            **{
                f"attendance_{sex.value}": count
                for sex, count in zip(statistics.SEXES, row.sex_counts, strict=True)
            },
            **{
                f"attendance_age_{age.value}": count
                for age, count in zip(statistics.AGE_GROUPS, row.age_counts, strict=True)
            },
        }


def phase_records(cycle):
    for row in statistics.phase_figures(cycle):
        yield {
            "step": row.phase.kind if row.phase else "outside",
            "step_label": str(row.label),
            "starts_on": row.phase.starts_on.isoformat() if row.phase else None,
            "ends_on": row.phase.ends_on.isoformat() if row.phase else None,
            "proposals_online": row.online,
            "forums": row.forums,
            "attendance": row.attendance,
            "supports": row.supports,
        }


def category_records(cycle):
    for name, count in statistics.category_figures(cycle):
        yield {"category": name, "proposals": count}


def budget_records(cycle):
    rows = statistics.budget_figures(cycle, statistics.latest_approved_edition(cycle))
    for row in rows:
        for year, budget in zip(cycle.plan_years, row.budgets, strict=True):
            yield {
                "strategy_number": row.strategy.number,
                "strategy": row.strategy.name,
                "plan_year": year,
                "projects_in_plan": row.projects,
                "budget": _number(budget),
            }


def proposal_records(cycle):
    organization = cycle.organization_id
    proposals = (
        statistics.public_proposals(cycle)
        .select_related("village", "strategy", "category")
        .order_by("village__number", "pk")
    )
    supports = Counter(
        Support.objects.for_organization(organization)
        .filter(proposal__cycle=cycle)
        .values_list("proposal_id", flat=True)
        .order_by()
    )
    votes = Counter()
    tallies = ForumTally.objects.for_organization(organization).filter(proposal__cycle=cycle)
    for proposal_id, count in tallies.values_list("proposal_id", "votes").order_by():
        votes[proposal_id] += count
    for proposal in proposals:
        yield {
            "id": proposal.pk,
            "village_number": proposal.village.number,
            "village_name": proposal.village.name,
            "strategy": proposal.strategy.name if proposal.strategy else None,
            "category": proposal.category.name if proposal.category else None,
            "title": proposal.title,
            "problem": proposal.problem,
            "proposed_project": proposal.proposed_project,
            "place": proposal.place,
            "estimated_budget": _number(proposal.estimated_budget),
            "beneficiaries": proposal.beneficiaries,
            "source": proposal.source,
            "received_on": statistics.local_day(proposal.created).isoformat(),
            "supports": supports[proposal.pk],
            "forum_votes": votes[proposal.pk],
            "decision": proposal.decision,
            "decision_reason": proposal.decision_reason,
        }


def project_records(cycle):
    edition = statistics.latest_approved_edition(cycle)
    if edition is None:
        return
    projects = (
        PlanProject.objects.for_organization(cycle.organization_id)
        .filter(edition=edition)
        .select_related("strategy", "category", "village")
    )
    for project in projects:
        yield {
            "edition": str(edition),
            "number": project.number,
            "strategy_number": project.strategy.number,
            "strategy": project.strategy.name,
            "category": project.category.name if project.category else None,
            "village_number": project.village.number if project.village else None,
            "title": project.title,
            "objective": project.objective,
            "output_target": project.output_target,
            **{
                f"budget_{year}": _number(getattr(project, name))
                for year, name in zip(cycle.plan_years, BUDGET_FIELDS, strict=True)
            },
            "indicator": project.indicator,
            "expected_result": project.expected_result,
            "responsible_unit": project.responsible_unit,
            "status": project.status,
            "percent_done": project.percent_done,
            "proposal_id": project.proposal_id,
        }


TABLES = {
    "villages": (village_records, VILLAGE_FIELDS),
    "steps": (phase_records, PHASE_FIELDS),
    "categories": (category_records, CATEGORY_FIELDS),
    "budget": (budget_records, BUDGET_TABLE_FIELDS),
    "proposals": (proposal_records, PROPOSAL_FIELDS),
    "projects": (project_records, None),
}


def fields_of(cycle, table):
    _records, fields = TABLES[table]
    if fields is None:  # the projects'
        return [
            *PROJECT_FIELDS_BEFORE_BUDGET,
            *(f"budget_{year}" for year in cycle.plan_years),
            *PROJECT_FIELDS_AFTER_BUDGET,
        ]
    return fields


def _cell(value):
    return "" if value is None else value


def csv_response(cycle, table):
    records, _fields = TABLES[table]
    fields = fields_of(cycle, table)
    rows = ([_cell(record[name]) for name in fields] for record in records(cycle))
    return csv_download(f"participation-{cycle.pk}-{table}.csv", fields, rows)


def json_response(cycle, table):
    records, _fields = TABLES[table]
    return json_download(f"participation-{cycle.pk}-{table}.json", list(records(cycle)))
