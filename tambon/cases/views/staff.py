"""The staff side in the Wagtail admin: the case list and a case's page. Every list and look-up
starts from `staff_cases(request)`: the cases of the member's organization that they may see;
every change goes through the service layer."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tambon.core.scoping import scope_choices, staff_organization
from tambon.people.models import Division

from .. import actions, audit, roles, services, thumbnails
from ..dashboard import with_recent_citizen_reply
from ..models import (
    AccessAction,
    AccessRecord,
    Attachment,
    Case,
    CaseKind,
    CaseState,
    Category,
    InformationDecision,
    StaffRole,
)
from ..staff_forms import FORMS, ActionChoiceForm, BulkForm, StepForm, first_error


class CaseFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("Kind"), required=False, choices=[("", "---"), *CaseKind.choices]
    )
    state = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=[("", "---"), *CaseState.choices]
    )
    # Both lists are limited to the member's organization (scope_choices) before use.
    category = forms.ModelChoiceField(
        label=gettext_lazy("Category"), required=False, queryset=Category.objects.all()
    )
    division = forms.ModelChoiceField(
        label=gettext_lazy("Division"), required=False, queryset=Division.objects.all()
    )
    overdue = forms.BooleanField(label=gettext_lazy("Overdue only"), required=False)
    mine = forms.BooleanField(label=gettext_lazy("Assigned to me"), required=False)
    open = forms.BooleanField(label=gettext_lazy("Open only"), required=False)
    replied = forms.BooleanField(
        label=gettext_lazy("Citizen wrote in the last week"), required=False
    )


def _require_case_staff(request):
    if not roles.is_case_staff(request.user):
        raise PermissionDenied


def staff_cases(request):
    """The cases of the member's organization that they may see: a case of another
    organization is "not found", whatever its number."""
    organization = staff_organization(request)
    return Case.objects.for_organization(organization).visible_to(request.user)


def case_list(request):
    _require_case_staff(request)
    cases = staff_cases(request).select_related("category", "assignee").order_by("-created")
    filters = CaseFilterForm(request.GET or None)
    scope_choices(filters, staff_organization(request))
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
        if data["open"]:
            cases = cases.open()
        if data["replied"]:
            cases = with_recent_citizen_reply(cases)
    page = Paginator(cases, 50).get_page(request.GET.get("p"))
    return render(
        request,
        "cases/admin/case_list.html",
        {
            "page": page,
            "filters": filters,
            "query": _query_without_page(request),
            "bulk_assignees": staff_who_may_be_assigned(staff_organization(request)),
            "actions": actions.ALL,
        },
    )


@require_POST
def case_bulk(request):
    """Acknowledge or assign the ticked cases. Each is checked on its own by the service
    layer; the message says how many were done and why the others were refused."""
    _require_case_staff(request)
    form = BulkForm(request.POST, assignees=staff_who_may_be_assigned(staff_organization(request)))
    back = _back_to_list(form.data.get("query", ""))
    if not form.is_valid():
        messages.error(request, first_error(form))
        return back
    ids = form.cleaned_data["case"]
    visible = list(staff_cases(request).filter(pk__in=ids).order_by("created"))
    outcome = services.act_on_many(
        visible, request.user, form.action, assignee=form.cleaned_data["assignee"]
    )
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


def _back_to_list(query):
    # The filters the list had, read as a query string again: nothing else gets through.
    query = QueryDict(query).urlencode()
    url = reverse("cases_admin:index")
    return redirect(f"{url}?{query}" if query else url)


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


def staff_who_may_be_assigned(organization):
    """Everyone with a case role in the organization, and the superusers."""
    staff = get_user_model().objects.filter(
        roles.holding(StaffRole, organization) | Q(is_superuser=True), is_active=True
    )
    return list(staff.distinct().order_by("username"))


def _assignees(case, organization):
    return [
        user
        for user in staff_who_may_be_assigned(organization)
        if roles.may_be_assigned(user, case)
    ]


def case_detail(request, pk):
    _require_case_staff(request)
    organization = staff_organization(request)
    case = get_object_or_404(
        staff_cases(request).select_related("category", "division", "assignee"), pk=pk
    )
    may_see_reporter = roles.can_see_reporter(request.user, case)
    reporter, reporter_shown = None, False
    if may_see_reporter and request.GET.get("reporter") == "1":
        reporter = services.reveal_reporter(case, request.user)
        reporter_shown = True
    allowed = [actions.get(value) for value in services.allowed_actions(case, request.user)]
    attachments = list(case.attachments.all())
    return render(
        request,
        "cases/admin/case_detail.html",
        {
            "case": case,
            "events": case.events.select_related("actor"),
            "attachments": attachments,
            "photos_shown": any(file.is_ready and file.is_image for file in attachments),
            "may_see_reporter": may_see_reporter,
            "reporter": reporter,
            "reporter_shown": reporter_shown,
            "reporter_views": _reporter_views(organization, case)
            if case.kind in roles.AUDITED_KINDS and may_see_reporter
            else [],
            "actions": actions.ALL,
            "allowed": [action.value for action in allowed],
            # The steps that take no more than a message share one form of buttons.
            "transitions": [a for a in allowed if a.changes_state and FORMS[a] is StepForm],
            "assignees": _assignees(case, organization) if actions.ASSIGN in allowed else [],
            "divisions": Division.objects.for_organization(organization)
            if actions.ASSIGN in allowed
            else [],
            "overdue": case.is_overdue(),
            "may_decide": case.kind == CaseKind.INFORMATION and actions.DECIDE in allowed,
            "decisions": InformationDecision.choices,
        },
    )


def _reporter_views(organization, case):
    """The last showings of the reporter, from the access trail."""
    trail = AccessRecord.objects.for_organization(organization)
    return trail.filter(case_code=case.display_code, action=AccessAction.VIEWED_IDENTITY)[:20]


@require_POST
def case_act(request, pk):
    """One button of the case page: its action's form checks what was posted, the service
    layer does it."""
    _require_case_staff(request)
    case = get_object_or_404(staff_cases(request), pk=pk)
    organization = staff_organization(request)
    choice = ActionChoiceForm(request.POST)
    form = (
        choice.action_form(
            request.POST, organization, assignees=staff_who_may_be_assigned(organization)
        )
        if choice.is_valid()
        else choice
    )
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("cases_admin:detail", pk=case.pk)
    try:
        form.perform(case, request.user)
    except (services.CaseError, PermissionDenied) as error:
        messages.error(request, str(error) or _("You may not do this with this case."))
    else:
        messages.success(request, _("Saved."))
    return redirect("cases_admin:detail", pk=case.pk)


@never_cache
def case_thumbnail(request, pk, public_id):
    """A small copy of a case's cleaned photo, for the case page. Seeing it is seeing the photo:
    each one sent is in the access trail, like opening the file (views/public.attachment)."""
    _require_case_staff(request)
    case = get_object_or_404(staff_cases(request), pk=pk)
    found = get_object_or_404(
        Attachment.objects.for_organization(case.organization), case=case, public_id=public_id
    )
    made = thumbnails.thumbnail(found)
    if made is None:
        raise Http404
    content, content_type = made
    audit.record(request.user, AccessAction.OPENED_FILE, case=case, detail=found.public_id)
    response = HttpResponse(content, content_type=content_type)
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    return response
