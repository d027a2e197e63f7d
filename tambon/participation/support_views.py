"""A published proposal's public page, and the online support behind its button: a mobile
number, a six-digit code by SMS, one support per number per proposal. No JavaScript needed; the
number and the code travel only in POST bodies (never a URL) and are never logged or stored."""

import logging
import time

from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from tambon.core import sms
from tambon.thai.fiscal import today_in_bangkok

from . import verification
from .models import ForumTally, Proposal, Support
from .support_forms import CodeForm, PhoneForm
from .views import _cycle

logger = logging.getLogger(__name__)

# In the session, never the number: which proposal waits for a code and the number's hash; and
# a number verified a little while ago, so one code serves several supports.
PENDING_KEY = "participation_support_pending"
VERIFIED_KEY = "participation_support_verified"
DONE_KEY = "participation_support_done"
VERIFIED_SECONDS = 30 * 60
MAX_MERGE_HOPS = 10


def _proposal(request, cycle_pk, pk):
    """The cycle and its published proposal; a merged one answers with the one it joined."""
    cycle = _cycle(request, cycle_pk)
    proposals = Proposal.objects.for_organization(cycle.organization_id).published()
    proposal = get_object_or_404(proposals.filter(cycle=cycle), pk=pk)
    for _hop in range(MAX_MERGE_HOPS):
        if proposal.merged_into_id is None:
            break
        proposal = get_object_or_404(proposals.filter(cycle=cycle), pk=proposal.merged_into_id)
    return cycle, proposal


def _merged_redirect(cycle, proposal, pk, name):
    if proposal.pk != pk:
        return redirect(f"participation:{name}", cycle_pk=cycle.pk, pk=proposal.pk)
    return None


@require_http_methods(["GET", "HEAD"])
def proposal_detail(request, cycle_pk, pk):
    cycle, proposal = _proposal(request, cycle_pk, pk)
    moved = _merged_redirect(cycle, proposal, pk, "proposal")
    if moved:
        return moved
    organization = cycle.organization_id
    tallies = (
        ForumTally.objects.for_organization(organization)
        .filter(proposal=proposal, forum__cycle=cycle)
        .select_related("forum", "forum__village")
        .order_by("forum__held_on", "forum__pk")
    )
    supports = Support.objects.for_organization(organization).filter(proposal=proposal).count()
    today = today_in_bangkok()
    return render(
        request,
        "participation/ranking/proposal.html",
        {
            "cycle": cycle,
            "proposal": proposal,
            "tallies": tallies,
            "supports": supports,
            "supports_open": cycle.accepts_proposals_on(today),
        },
    )


def _verified(request, organization_id):
    verified = request.session.get(VERIFIED_KEY)
    if not verified or verified.get("organization") != organization_id:
        return None
    if time.time() > verified.get("until", 0):
        request.session.pop(VERIFIED_KEY, None)
        return None
    return verified


def _pending(request, proposal):
    pending = request.session.get(PENDING_KEY)
    if pending and pending.get("proposal") == proposal.pk:
        return pending
    return None


def _record_support(proposal, number_hash, village_pk):
    """Add the support; False when this number already supported the proposal."""
    supports = Support.objects.for_organization(proposal.organization)
    if supports.filter(proposal=proposal, supporter_hash=number_hash).exists():
        return False
    try:
        with transaction.atomic():
            Support.objects.for_organization(proposal.organization).create(
                proposal=proposal,
                supporter_hash=number_hash,
                village_id=village_pk,
            )
    except IntegrityError:  # the same number, at the same moment, from another tab
        return False
    return True


def _finish(request, cycle, proposal, number_hash, masked, village_pk):
    added = _record_support(proposal, number_hash, village_pk)
    request.session[VERIFIED_KEY] = {
        "organization": proposal.organization_id,
        "hash": number_hash,
        "masked": masked,
        "village": village_pk,
        "until": time.time() + VERIFIED_SECONDS,
    }
    request.session.pop(PENDING_KEY, None)
    request.session[DONE_KEY] = {"proposal": proposal.pk, "added": added}
    return redirect("participation:support", cycle_pk=cycle.pk, pk=proposal.pk)


@sensitive_variables("number", "code")
def _send_code(request, proposal, form):
    """Send a code to the number in the valid form; a Thai refusal, or None when sent."""
    number = form.cleaned_data["phone"]
    number_hash = verification.phone_hash(proposal.organization_id, number)
    reached = verification.limit_reached(request, number_hash)
    if reached == "address":
        return _(
            "Too many codes were asked for from this device or network in the last hour. "
            "Please try again in an hour."
        )
    if reached == "number":
        return _(
            "Too many codes were sent to this number in the last hour. Please wait an hour, "
            "or use the last code you received."
        )
    sender = sms.sender_for(proposal.organization)
    if sender is None:
        return _(
            "This organization cannot send text messages at the moment, so online support is "
            "not possible now. You can support the proposal at your village forum."
        )
    code = verification.new_code()
    text = _("Your code to support a proposal: %(code)s (valid %(minutes)s minutes)") % {
        "code": code,
        "minutes": verification.code_lifetime() // 60,
    }
    try:
        sender.send(number, text)
    except sms.SendFailed as error:
        logger.warning("participation: a support code was not sent (%s)", error)
        return _("The text message could not be sent just now. Please try again in a moment.")
    verification.remember_code(request, proposal.pk, number_hash, code)
    village = form.cleaned_data.get("village")
    request.session[PENDING_KEY] = {
        "proposal": proposal.pk,
        "hash": number_hash,
        "masked": sms.masked(number),
        "village": village.pk if village else None,
    }
    return None


def _expired():
    return _("The code has expired or was typed wrong too many times. Please ask for a new code.")


@never_cache
@sensitive_post_parameters("phone", "code")
@require_http_methods(["GET", "POST"])
def support(request, cycle_pk, pk):
    cycle, proposal = _proposal(request, cycle_pk, pk)
    moved = _merged_redirect(cycle, proposal, pk, "support")
    if moved:
        return moved
    organization = cycle.organization
    context = {
        "cycle": cycle,
        "proposal": proposal,
        "current": cycle.phase_on(today_in_bangkok()),
        "proposal_url": reverse("participation:proposal", args=[cycle.pk, proposal.pk]),
    }
    if not cycle.accepts_proposals_on(today_in_bangkok()):
        return render(request, "participation/ranking/support_closed.html", context)

    done = request.session.pop(DONE_KEY, None) if request.method == "GET" else None
    if done and done.get("proposal") == proposal.pk:
        context["done"] = done
    verified = _verified(request, organization.pk)
    pending = _pending(request, proposal)
    refusal = None
    phone_form = PhoneForm(organization=organization)
    code_form = CodeForm()
    action = request.POST.get("action") if request.method == "POST" else None

    if action == "forget":
        request.session.pop(VERIFIED_KEY, None)
        request.session.pop(PENDING_KEY, None)
        return redirect("participation:support", cycle_pk=cycle.pk, pk=proposal.pk)
    if action == "confirm" and verified:
        return _finish(
            request, cycle, proposal, verified["hash"], verified["masked"], verified["village"]
        )
    if action == "send":
        phone_form = PhoneForm(request.POST, organization=organization)
        if phone_form.is_valid():
            refusal = _send_code(request, proposal, phone_form)
            if refusal is None:
                return redirect("participation:support", cycle_pk=cycle.pk, pk=proposal.pk)
        pending = None
    elif action == "verify" and pending:
        code_form = CodeForm(request.POST)
        if code_form.is_valid():
            answer = verification.check_code(
                proposal.pk, pending["hash"], code_form.cleaned_data["code"]
            )
            if answer == verification.CORRECT:
                return _finish(
                    request, cycle, proposal, pending["hash"], pending["masked"], pending["village"]
                )
            if answer == verification.WRONG:
                code_form.add_error("code", _("This code is not the one we sent. Please check it."))
            else:
                request.session.pop(PENDING_KEY, None)
                pending = None
                refusal = _expired()
    elif action == "verify":  # the code's session ended (another tab, or signed out)
        refusal = _expired()

    if verified and not pending:
        supports = Support.objects.for_organization(organization)
        context["already"] = supports.filter(proposal=proposal, supporter_hash=verified["hash"])
        context["already"] = context["already"].exists()
    context.update(
        {
            "verified": verified if not pending else None,
            "pending": pending,
            "phone_form": phone_form,
            "code_form": code_form,
            "refusal": refusal,
            "minutes": verification.code_lifetime() // 60,
        }
    )
    return render(request, "participation/ranking/support.html", context)
