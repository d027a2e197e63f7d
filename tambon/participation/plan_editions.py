"""Work on plan editions: a new edition copied from an existing one (every project keeps its
``lineage``, so the two can be compared), and adopted proposals taken into an edition as
ผ.02 projects."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from .models import Decision, PlanEdition, PlanProject

# The columns of a ผ.02 row a copy carries over (progress is not: a new edition's project
# starts "in the plan" again only if it is new; copies keep their status, see copy_edition).
COPIED_FIELDS = (
    "number",
    "strategy_id",
    "category_id",
    "village_id",
    "proposal_id",
    "title",
    "objective",
    "output_target",
    "budget_year_1",
    "budget_year_2",
    "budget_year_3",
    "budget_year_4",
    "budget_year_5",
    "indicator",
    "expected_result",
    "responsible_unit",
    "status",
    "percent_done",
    "procurement_url",
)


@transaction.atomic
def copy_edition(source: PlanEdition, *, kind, number, year_be, note="") -> PlanEdition:
    """A new, unapproved edition of the same cycle holding a copy of each of `source`'s projects
    (same lineage, new rows)."""
    edition = PlanEdition.objects.for_organization(source.organization).create(
        cycle_id=source.cycle_id,
        kind=kind,
        number=number,
        year_be=year_be,
        based_on=source,
        note=note,
    )
    projects = PlanProject.objects.for_organization(source.organization_id).filter(edition=source)
    PlanProject.objects.for_organization(source.organization_id).bulk_create(
        PlanProject(
            organization_id=source.organization_id,
            edition=edition,
            lineage=project.lineage,
            **{name: getattr(project, name) for name in COPIED_FIELDS},
        )
        for project in projects
    )
    return edition


def adoption_refusals(proposals, edition) -> list[str]:
    """Why these proposals cannot go into `edition` (Thai sentences; empty when they can)."""
    errors = []
    if edition.is_approved:
        errors.append(
            _("The edition “%(edition)s” is approved and can no longer be changed.")
            % {"edition": edition}
        )
    for proposal in proposals:
        if proposal.decision != Decision.ADOPTED:
            errors.append(
                _("“%(title)s” was not decided “taken into the plan” (it is “%(decision)s”).")
                % {"title": proposal.title, "decision": proposal.get_decision_display()}
            )
        elif proposal.cycle_id != edition.cycle_id:
            errors.append(
                _("“%(title)s” belongs to another planning cycle.") % {"title": proposal.title}
            )
    already = PlanProject.objects.for_organization(edition.organization_id).filter(
        edition=edition, proposal__in=[p.pk for p in proposals]
    )
    for project in already:
        errors.append(_("“%(title)s” is already in this edition.") % {"title": project.title})
    return errors


@transaction.atomic
def adopt_proposals(proposals, edition, strategies) -> list[PlanProject]:
    """A ผ.02 project per proposal, filled from it as far as a proposal can say: the objective
    from its problem, the target from the project proposed, the first year's budget from its
    estimate. `strategies` maps a proposal's pk to the strategy chosen for it. The responsible
    unit, indicator and expected result are left for staff to write."""
    rows = PlanProject.objects.for_organization(edition.organization)
    numbers = {}
    created = []
    for proposal in proposals:
        strategy = strategies[proposal.pk]
        if strategy.pk not in numbers:
            last = rows.filter(edition=edition, strategy=strategy).aggregate(n=Max("number"))["n"]
            numbers[strategy.pk] = last or 0
        numbers[strategy.pk] += 1
        created.append(
            rows.create(
                edition=edition,
                strategy=strategy,
                number=numbers[strategy.pk],
                category_id=proposal.category_id,
                village_id=proposal.village_id,
                proposal=proposal,
                title=proposal.title,
                objective=proposal.problem,
                output_target=proposal.proposed_project,
                budget_year_1=proposal.estimated_budget,
                indicator="",
                expected_result="",
                responsible_unit="",
            )
        )
    return created
