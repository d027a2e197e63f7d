"""The ranking in the admin, per cycle: rank, votes, supports, the committee's decision, and
which decisions differ from the ranking without a reason yet. The member's organization's
cycles only."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render

from tambon.core.scoping import staff_organization

from .models import PlanCycle
from .ranking import decision_conflicts, rankings

PERMISSION = "participation.change_proposal"


def _allowed(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return staff_organization(request)


def cycles(request):
    organization = _allowed(request)
    rows = PlanCycle.objects.for_organization(organization).order_by("-first_year_be", "-pk")
    return render(request, "participation/ranking/admin_cycles.html", {"cycles": rows})


def cycle_ranking(request, pk):
    organization = _allowed(request)
    cycle = get_object_or_404(PlanCycle.objects.for_organization(organization), pk=pk)
    villages, area = rankings(cycle)
    for _village, rows in villages:
        for row in rows:
            proposal = row.proposal
            row.reason_missing = not proposal.decision_reason.strip() and bool(
                decision_conflicts(proposal, proposal.village, proposal.decision)
            )
    return render(
        request,
        "participation/ranking/admin_ranking.html",
        {"cycle": cycle, "villages": villages, "area": area},
    )
