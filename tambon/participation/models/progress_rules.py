"""The rules a plan project's progress follows, kept beside the models so that their clean()
can apply them (participation/progress.py has the rest: the status following the newest
report, the plan in force).

A status only goes forward along the steps (in the plan -> budgeted -> procurement -> in
progress -> done); "not carried out" may be reported at any time and is left out of that order,
so a project taken up again continues from its last step."""

from urllib.parse import urlsplit

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tambon.thai.dates import format_thai_date


class ProjectStatus(models.TextChoices):
    IN_PLAN = "in_plan", gettext_lazy("In the plan")
    BUDGETED = "budgeted", gettext_lazy("Budgeted")
    PROCUREMENT = "procurement", gettext_lazy("Procurement")
    IN_PROGRESS = "in_progress", gettext_lazy("In progress")
    DONE = "done", gettext_lazy("Done")
    CANCELLED = "cancelled", gettext_lazy("Not carried out")


STEPS = (
    ProjectStatus.IN_PLAN,
    ProjectStatus.BUDGETED,
    ProjectStatus.PROCUREMENT,
    ProjectStatus.IN_PROGRESS,
    ProjectStatus.DONE,
)
STEP_INDEX = {status: position for position, status in enumerate(STEPS)}


def steps_of(status):
    """The step bar of a status: (label, reached, current) for each step, in order."""
    reached = STEP_INDEX.get(status, -1)
    return [
        (step.label, position <= reached, position == reached)
        for position, step in enumerate(STEPS)
    ]


def _others_in_order(report):
    """The project's other reports, oldest first, by date then entry."""
    others = (
        type(report)
        .objects.for_organization(report.organization_id)
        .filter(project_id=report.project_id)
    )
    if report.pk:
        others = others.exclude(pk=report.pk)
    return sorted(others, key=lambda other: (other.reported_on, other.pk))


def report_errors(report):
    """What is wrong with a progress report: {field: Thai message}, empty when right."""
    errors = {}
    if report.percent_done == 100 and report.status != ProjectStatus.DONE:
        errors["percent_done"] = _("Only a finished project is 100 percent done.")
    if report.status == ProjectStatus.DONE and report.percent_done != 100:
        errors["percent_done"] = _("A finished project is 100 percent done.")
    if report.status not in STEP_INDEX or not report.project_id or not report.reported_on:
        return errors
    others = _others_in_order(report)
    if not others and report.pk is None:
        # The first report starts from the status the project was given in the plan's form.
        projects = report._meta.get_field("project").related_model.objects
        current = projects.for_organization(report.organization_id).get(pk=report.project_id)
        if STEP_INDEX.get(current.status, -1) > STEP_INDEX[report.status]:
            errors["status"] = _(
                "The status only goes forward: the project is already “%(status)s”."
            ) % {"status": current.get_status_display()}
    for other in others:
        if other.status not in STEP_INDEX:
            continue
        earlier = (other.reported_on, other.pk or 0) < (report.reported_on, report.pk or 1 << 62)
        if earlier and STEP_INDEX[other.status] > STEP_INDEX[report.status]:
            errors["status"] = _(
                "The status only goes forward: the report of %(day)s already says “%(status)s”. "
                "Choose that step or a later one, or “not carried out”."
            ) % {"day": format_thai_date(other.reported_on), "status": other.get_status_display()}
        if not earlier and STEP_INDEX[other.status] < STEP_INDEX[report.status]:
            errors["status"] = _(
                "The status only goes forward: the later report of %(day)s says “%(status)s”."
            ) % {"day": format_thai_date(other.reported_on), "status": other.get_status_display()}
            break
    return errors


def procurement_url_error(value):
    """A Thai message when `value` is not a path on this site (such as /procurement/12/)."""
    if not value:
        return None
    parts = urlsplit(value)
    if (
        not value.startswith("/")
        or value.startswith("//")
        or parts.scheme
        or parts.netloc
        or "\\" in value
        or any(character.isspace() for character in value)
    ):
        return _("Give an address on this site that starts with /, for example /procurement/12/.")
    return None
