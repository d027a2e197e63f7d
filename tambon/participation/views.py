"""The public pages: the organization's planning cycles, one cycle's timeline and published
proposals, and the proposal form while the cycle takes proposals. No JavaScript needed."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from tambon.core.map_point import allow_location
from tambon.core.scoping import organization_for_request
from tambon.thai.fiscal import today_in_bangkok

from . import ratelimit
from .forms import ProposalForm
from .models import Moderation, Phase, PlanCycle, Proposal, Source, Village
from .proposal_photos import save_photos

SENT_KEY = "participation_sent"


def _cycles(request):
    """The organization's cycles shown on the site, each with its phases."""
    organization = organization_for_request(request)
    if organization is None:
        raise Http404
    phases = Prefetch("phases", queryset=Phase.objects.for_organization(organization))
    cycles = PlanCycle.objects.for_organization(organization)
    return cycles.filter(shown=True).prefetch_related(phases)


def _cycle(request, pk):
    return get_object_or_404(_cycles(request), pk=pk)


@require_http_methods(["GET", "HEAD"])
def index(request):
    today = today_in_bangkok()
    cycles = [
        (cycle, cycle.phase_on(today)) for cycle in _cycles(request).prefetch_related("phases")
    ]
    return render(request, "participation/index.html", {"cycles": cycles})


@require_http_methods(["GET", "HEAD"])
def cycle(request, pk):
    cycle = _cycle(request, pk)
    today = today_in_bangkok()
    published = (
        Proposal.objects.for_organization(cycle.organization_id)
        .published()
        .filter(cycle=cycle, merged_into=None)
    )
    villages = Village.objects.for_organization(cycle.organization_id).prefetch_related(
        Prefetch(
            "proposals",
            queryset=published.select_related("strategy", "category").order_by("pk"),
            to_attr="shown_proposals",
        )
    )
    return render(
        request,
        "participation/cycle.html",
        {
            "cycle": cycle,
            "current": cycle.phase_on(today),
            "timeline": cycle.timeline(),
            "villages": [village for village in villages if village.shown_proposals],
            "open": cycle.accepts_proposals_on(today),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def propose(request, pk):
    cycle = _cycle(request, pk)
    today = today_in_bangkok()
    context = {"cycle": cycle, "current": cycle.phase_on(today)}
    if not cycle.accepts_proposals_on(today):
        return render(request, "participation/closed.html", context)
    refusal = None
    if request.method == "POST":
        form = ProposalForm(request.POST, request.FILES, organization=cycle.organization)
        refusal = ratelimit.refusal(request)
        if form.is_valid() and refusal is None:
            proposal = form.save(commit=False)
            proposal.cycle = cycle
            proposal.organization = cycle.organization
            proposal.source = Source.ONLINE
            proposal.moderation = Moderation.PENDING
            proposal.estimated_budget = form.cleaned_data["estimated_budget"]
            proposal.client_hash = ratelimit.client_hash(request)
            proposal.save()
            save_photos(proposal, form.cleaned_data["photos"])
            ratelimit.record(request)
            request.session[SENT_KEY] = proposal.pk
            return redirect("participation:sent", pk=cycle.pk)
    else:
        form = ProposalForm(organization=cycle.organization)
    return allow_location(
        render(request, "participation/propose.html", {**context, "form": form, "refusal": refusal})
    )


@never_cache
@require_http_methods(["GET", "HEAD"])
def sent(request, pk):
    """The thanks after sending, shown once; otherwise the cycle's page."""
    cycle = _cycle(request, pk)
    sent_pk = request.session.pop(SENT_KEY, None)
    proposals = Proposal.objects.for_organization(cycle.organization_id)
    proposal = proposals.filter(pk=sent_pk, cycle=cycle).first() if sent_pk else None
    if proposal is None:
        return redirect("participation:cycle", pk=cycle.pk)
    return render(request, "participation/sent.html", {"cycle": cycle, "proposal": proposal})
