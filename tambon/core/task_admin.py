"""The admin's list of failed background tasks (core/tasks.py), for superusers only: the task
table is the library's (django-tasks-db), one for every organization, so no organization's
staff may read it. A run that failed shows its task, when, its attempt and whether it will be
tried again, and its error (class, message, traceback). Task arguments are ids only, never
personal data (core/tasks.py), and are not shown."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_tasks_db.models import DBTaskResult
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .tasks import max_attempts

URL_NAME = "tambon_failed_tasks"
SHOWN = 200


def can_view(user):
    return user.is_active and user.is_superuser


@dataclass
class FailedRun:
    result: DBTaskResult
    attempt: int
    attempts: int

    @property
    def retried(self):
        return self.attempt < self.attempts

    @property
    def message(self):
        """The traceback's last line: the exception's class and message."""
        lines = self.result.traceback.strip().splitlines()
        return lines[-1] if lines else ""


def failed_runs(limit=SHOWN):
    runs = []
    for result in DBTaskResult.objects.failed().order_by("-finished_at")[:limit]:
        kwargs = result.args_kwargs.get("kwargs") or {}
        attempt = kwargs.get("attempt", 1)
        runs.append(FailedRun(result, attempt, max(max_attempts(result.task_path), attempt)))
    return runs


class FailedTasksView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/failed_tasks.html"
    page_title = gettext_lazy("Failed background tasks")
    header_icon = "warning"

    def dispatch(self, request, *args, **kwargs):
        if not can_view(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(runs=failed_runs(), shown=SHOWN, **kwargs)
