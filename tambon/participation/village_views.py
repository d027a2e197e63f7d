"""The accountability pages: what became of each village's proposals ("ข้อเสนอของหมู่บ้านเรา
เป็นอย่างไรบ้าง") and the yearly monitoring report of a plan year. Only published proposals and
the plan in force (the newest approved edition of each shown cycle); never who proposed."""

from collections import defaultdict

from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from tambon.core.scoping import organization_for_request

from .models import (
    BUDGET_FIELDS,
    Moderation,
    PlanCycle,
    PlanProject,
    ProjectStatus,
    ProjectUpdate,
    Proposal,
    Village,
)
from .models.progress_rules import procurement_url_error, steps_of
from .progress import current_editions

PHOTOS_PER_PROJECT = 3
REPORTS_PER_PROJECT = 3


def _organization(request):
    organization = organization_for_request(request)
    if organization is None:
        raise Http404
    return organization


def _shown_cycles(organization):
    return PlanCycle.objects.for_organization(organization).filter(shown=True)


def _editions_in_force(organization, cycles):
    shown = {cycle.pk for cycle in cycles}
    return [
        edition for cycle_id, edition in current_editions(organization).items() if cycle_id in shown
    ]


def _with_progress(organization, projects):
    """Each project with its step bar and its newest reports and photos (those of every
    edition's copy of the project, which share its lineage)."""
    projects = list(projects)
    reports = ProjectUpdate.objects.for_organization(organization).filter(
        project__lineage__in={project.lineage for project in projects}
    )
    by_lineage = defaultdict(list)
    for report in reports.select_related("image", "project").order_by("-reported_on", "-pk"):
        by_lineage[report.project.lineage].append(report)
    for project in projects:
        history = by_lineage[project.lineage]
        project.steps = steps_of(project.status)
        project.is_cancelled = project.status == ProjectStatus.CANCELLED
        project.reports = history[:REPORTS_PER_PROJECT]
        project.photos = [report for report in history if report.image_id][:PHOTOS_PER_PROJECT]
        # Only a path on this site is ever a link, whatever an old row holds.
        valid_link = procurement_url_error(project.procurement_url) is None
        project.procurement_link = project.procurement_url if valid_link else ""
    return projects


@require_http_methods(["GET", "HEAD"])
def villages(request):
    organization = _organization(request)
    published = Q(
        proposals__moderation=Moderation.PUBLISHED,
        proposals__merged_into=None,
        proposals__cycle__in=_shown_cycles(organization),
    )
    rows = Village.objects.for_organization(organization).annotate(
        shown_proposals=Count("proposals", filter=published)
    )
    return render(request, "participation/accountability/villages.html", {"villages": rows})


@require_http_methods(["GET", "HEAD"])
def village(request, number):
    organization = _organization(request)
    village = get_object_or_404(Village.objects.for_organization(organization), number=number)
    cycles = list(_shown_cycles(organization))
    editions = _editions_in_force(organization, cycles)
    projects = _with_progress(
        organization,
        PlanProject.objects.for_organization(organization)
        .filter(edition__in=editions)
        .filter(Q(village=village) | Q(village=None))
        .select_related("edition__cycle", "strategy", "village")
        .order_by("edition__cycle", "strategy__number", "number", "pk"),
    )
    project_of_proposal = {project.proposal_id: project for project in projects}
    proposals = (
        Proposal.objects.for_organization(organization)
        .published()
        .filter(cycle__in=cycles, village=village, merged_into=None)
        .select_related("strategy", "category")
        .order_by("pk")
    )
    by_cycle = defaultdict(list)
    for proposal in proposals:
        proposal.project = project_of_proposal.get(proposal.pk)
        by_cycle[proposal.cycle_id].append(proposal)
    shown_proposals = {proposal.pk for proposal in proposals}
    # A project shown under its proposal is not listed again below.
    others = [project for project in projects if project.proposal_id not in shown_proposals]
    other_projects = [project for project in others if project.village_id == village.pk]
    area_projects = [project for project in others if project.village_id is None]
    return render(
        request,
        "participation/accountability/village.html",
        {
            "village": village,
            "cycles": [(cycle, by_cycle[cycle.pk]) for cycle in cycles if by_cycle[cycle.pk]],
            "other_projects": other_projects,
            "area_projects": area_projects,
        },
    )


@require_http_methods(["GET", "HEAD"])
def monitoring(request, pk, year):
    """The projects budgeted in one plan year (B.E. fiscal year) and how far each has come."""
    organization = _organization(request)
    cycle = get_object_or_404(_shown_cycles(organization), pk=pk)
    if year not in cycle.plan_years:
        raise Http404
    budget_field = BUDGET_FIELDS[year - cycle.first_year_be]
    edition = current_editions(organization).get(cycle.pk)
    projects = []
    if edition is not None:
        projects = _with_progress(
            organization,
            PlanProject.objects.for_organization(organization)
            .filter(edition=edition, **{f"{budget_field}__gt": 0})
            .select_related("village", "strategy")
            .order_by("strategy__number", "number", "pk"),
        )
    for project in projects:
        project.year_budget = getattr(project, budget_field)
    counts = [
        (status.label, sum(project.status == status for project in projects))
        for status in ProjectStatus
    ]
    done = sum(project.status == ProjectStatus.DONE for project in projects)
    return render(
        request,
        "participation/accountability/monitoring.html",
        {
            "cycle": cycle,
            "year": year,
            "edition": edition,
            "projects": projects,
            "counts": counts,
            "done": done,
            "done_percent": round(100 * done / len(projects)) if projects else 0,
            "total_budget": sum(project.year_budget for project in projects),
        },
    )
