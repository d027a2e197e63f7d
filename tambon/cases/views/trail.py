"""The access trail in the admin (models/audit.py): a list to read, for the organization's
administrator only; there is no page that adds, edits or deletes a row."""

import contextlib

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from tambon.core.scoping import staff_organization

from .. import actions
from ..models import AccessAction, AccessRecord
from ..tracking import display_code, normalize_code

PERMISSION = "cases.view_accessrecord"


def may_read_trail(user) -> bool:
    """The organization's administrator (the permission counts in their organization only,
    core/permissions.py) and superusers."""
    return user.is_active and user.has_perm(PERMISSION)


class TrailFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=gettext_lazy("Action"), required=False, choices=[("", "---"), *AccessAction.choices]
    )
    username = forms.CharField(label=gettext_lazy("User"), required=False, max_length=150)
    case = forms.CharField(label=gettext_lazy("Tracking code"), required=False, max_length=20)


class Row:
    """A row as the page shows it: the step of a change by its name in the case's timeline."""

    def __init__(self, record):
        self.record = record
        self.detail = record.detail
        if record.action == AccessAction.CHANGED_CASE:
            with contextlib.suppress(KeyError):  # a step since renamed: its value
                self.detail = actions.get(record.detail).label


def access_trail(request):
    if not may_read_trail(request.user):
        raise PermissionDenied
    records = AccessRecord.objects.for_organization(staff_organization(request))
    filters = TrailFilterForm(request.GET or None)
    if filters.is_valid():
        data = filters.cleaned_data
        if data["action"]:
            records = records.filter(action=data["action"])
        if data["username"].strip():
            records = records.filter(username__iexact=data["username"].strip())
        if data["case"].strip():
            records = records.filter(case_code=display_code(normalize_code(data["case"])))
    page = Paginator(records, 50).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return render(
        request,
        "cases/admin/access_trail.html",
        {
            "page": page,
            "rows": [Row(record) for record in page],
            "filters": filters,
            "query": query.urlencode(),
        },
    )
