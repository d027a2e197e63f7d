"""Staff put a question and its answer on the public Q&A page from the case's page."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import publishing, roles
from ..staff_forms import PublishForm, first_error
from .staff import staff_cases


@require_POST
def publish(request, pk):
    if not roles.is_case_staff(request.user):
        raise PermissionDenied
    case = get_object_or_404(staff_cases(request), pk=pk)
    form = PublishForm(request.POST)
    if not form.is_valid():
        messages.error(request, first_error(form))
        return redirect("cases_admin:detail", pk=case.pk)
    try:
        form.perform(case, request.user)
    except (publishing.CaseError, PermissionDenied) as error:
        messages.error(request, str(error) or _("You may not do this with this case."))
    else:
        if form.unpublishing:
            messages.success(request, _("Taken off the Q&A page."))
        else:
            messages.success(request, _("Published on the Q&A page."))
    return redirect("cases_admin:detail", pk=case.pk)
