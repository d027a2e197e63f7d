"""The staff side in the Wagtail admin: the case list and a case's page. Every list and look-up
starts from Case.objects.visible_to(user); every change goes through the service layer."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext_lazy
from django.views.decorators.http import require_POST

from tambon.people.models import Division

from .. import roles, services
from ..models import Case, CaseKind, CaseState, Category, InformationDecision

NEEDS_TEXT = {"ask_citizen", "resolve", "reject", "reply", "add_note"}
ACTION_LABELS = {
    "acknowledge": pgettext_lazy("case action", "Acknowledge"),
    "start": pgettext_lazy("case action", "Start work"),
    "ask_citizen": pgettext_lazy("case action", "Ask the citizen"),
    "resolve": pgettext_lazy("case action", "Resolve"),
    "reject": pgettext_lazy("case action", "Reject"),
    "close": pgettext_lazy("case action", "Close"),
    "reopen": pgettext_lazy("case action", "Reopen"),
}


class CaseFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), required=False, choices=[("", "---"), *CaseKind.choices]
    )
    state = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=[("", "---"), *CaseState.choices]
    )
    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"), required=False, queryset=Category.objects.all()
    )
    division = forms.ModelChoiceField(
        label=gettext_lazy("Division"), required=False, queryset=Division.objects.all()
    )
    overdue = forms.BooleanField(label=gettext_lazy("Overdue only"), required=False)
    mine = forms.BooleanField(label=gettext_lazy("Assigned to me"), required=False)


def _require_case_staff(request):
    if not roles.is_case_staff(request.user):
        raise PermissionDenied


def case_list(request):
    _require_case_staff(request)
    cases = (
        Case.objects.visible_to(request.user)
        .select_related("category", "assignee")
        .order_by("-created")
    )
    filters = CaseFilterForm(request.GET or None)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["kind"]:
            cases = cases.filter(kind=data["kind"])
        if data["state"]:
            cases = cases.filter(state=data["state"])
        if data["category"]:
            cases = cases.filter(category=data["category"])
        if data["division"]:
            cases = cases.filter(division=data["division"])
        if data["overdue"]:
            cases = cases.overdue()
        if data["mine"]:
            cases = cases.filter(assignee=request.user)
    page = Paginator(cases, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "cases/admin/case_list.html",
        {
            "page": page,
            "filters": filters,
            "query": _query_without_page(request),
            "bulk_assignees": _staff_who_may_be_assigned(),
        },
    )


@require_POST
def case_bulk(request):
    """Acknowledge or assign the ticked cases. Each is checked on its own by the service
    layer; the message says how many were done and why the others were refused."""
    _require_case_staff(request)
    ids = {pk for pk in map(_int, request.POST.getlist("case")) if pk is not None}
    back = _back_to_list(request)
    if not ids:
        messages.error(request, _("Tick the cases first."))
        return back
    action = request.POST.get("bulk_action", "")
    assignee = None
    if action == "assign":
        assignee = get_user_model().objects.filter(pk=_int(request.POST.get("assignee"))).first()
        if assignee is None:
            messages.error(request, _("Choose the person to give the cases to."))
            return back
    visible = list(Case.objects.visible_to(request.user).filter(pk__in=ids).order_by("created"))
    outcome = services.act_on_many(visible, request.user, action, assignee=assignee)
    # A case the user may not see is refused without saying anything about it.
    hidden = len(ids) - len(visible)
    reasons = [f"{case.display_code}: {reason}" for case, reason in outcome.refused]
    if hidden:
        reasons.append(
            ngettext(
                "%(count)s case not found among those you may see",
                "%(count)s cases not found among those you may see",
                hidden,
            )
            % {"count": hidden}
        )
    summary = _("%(done)s done, %(refused)s refused") % {
        "done": len(outcome.done),
        "refused": len(outcome.refused) + hidden,
    }
    if reasons:
        messages.warning(request, f"{summary}: {'; '.join(reasons)}")
    else:
        messages.success(request, summary)
    return back


def _back_to_list(request):
    # The filters the list had, read as a query string again: nothing else gets through.
    query = QueryDict(request.POST.get("query", "")).urlencode()
    url = reverse("cases_admin:index")
    return redirect(f"{url}?{query}" if query else url)


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


def _staff_who_may_be_assigned():
    User = get_user_model()
    staff = User.objects.filter(is_active=True).filter(
        groups__name__in=roles.GROUP_NAMES.values()
    ) | User.objects.filter(is_active=True, is_superuser=True)
    return list(staff.distinct().order_by("username"))


def _assignees(case):
    return [user for user in _staff_who_may_be_assigned() if roles.may_be_assigned(user, case)]


def case_detail(request, pk):
    _require_case_staff(request)
    case = get_object_or_404(
        Case.objects.visible_to(request.user).select_related("category", "division", "assignee"),
        pk=pk,
    )
    may_see_reporter = roles.can_see_reporter(request.user, case)
    reporter, reporter_shown = None, False
    if may_see_reporter and request.GET.get("reporter") == "1":
        reporter = services.reveal_reporter(case, request.user)
        reporter_shown = True
    allowed = services.allowed_actions(case, request.user)
    return render(
        request,
        "cases/admin/case_detail.html",
        {
            "case": case,
            "events": case.events.select_related("actor"),
            "attachments": case.attachments.all(),
            "may_see_reporter": may_see_reporter,
            "reporter": reporter,
            "reporter_shown": reporter_shown,
            "audited": case.kind in roles.AUDITED_KINDS,
            "reporter_views": case.reporter_views.select_related("user")[:20]
            if case.kind in roles.AUDITED_KINDS and may_see_reporter
            else [],
            "allowed": allowed,
            "transitions": [(a, ACTION_LABELS[a]) for a in allowed if a in ACTION_LABELS],
            "needs_text": NEEDS_TEXT,
            "assignees": _assignees(case) if "assign" in allowed else [],
            "divisions": Division.objects.all() if "assign" in allowed else [],
            "overdue": case.is_overdue(),
            "may_decide": case.kind == CaseKind.INFORMATION
            and roles.can_do(request.user, case, "resolve"),
            "decisions": InformationDecision.choices,
        },
    )


@require_POST
def case_act(request, pk):
    _require_case_staff(request)
    case = get_object_or_404(Case.objects.visible_to(request.user), pk=pk)
    action = request.POST.get("action", "")
    text = request.POST.get("text", "")
    try:
        _perform(request, case, action, text)
    except (services.CaseError, PermissionDenied) as error:
        messages.error(request, str(error) or _("You may not do this with this case."))
    else:
        messages.success(request, _("Saved."))
    return redirect("cases_admin:detail", pk=case.pk)


def _perform(request, case, action, text):
    user = request.user
    if action in ("acknowledge", "start", "close"):
        getattr(services, action)(case, user)
    elif action == "reopen":
        services.reopen(case, user, text)
    elif action in NEEDS_TEXT:
        getattr(services, action)(case, user, text)
    elif action == "assign":
        assignee = get_user_model().objects.filter(pk=_int(request.POST.get("assignee"))).first()
        if assignee is None:
            raise services.CaseError(_("Choose the person to give the case to."))
        division = Division.objects.filter(pk=_int(request.POST.get("division"))).first()
        services.assign(case, user, assignee, division=division, text=text)
    elif action == "decide":
        try:
            day = datetime.date.fromisoformat(request.POST.get("answered_on", ""))
        except ValueError:
            raise services.CaseError(_("Choose the date of the answer.")) from None
        services.record_information_decision(
            case, user, request.POST.get("decision", ""), text, day
        )
    elif action == "change_deadline":
        try:
            day = datetime.date.fromisoformat(request.POST.get("resolve_by", ""))
        except ValueError:
            raise services.CaseError(_("Choose the new date.")) from None
        services.change_deadline(case, user, day, text)
    else:
        raise services.CaseError(_("Unknown action."))


def _int(value):
    """A database id from a form, or None (also for numbers no database column holds)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None
