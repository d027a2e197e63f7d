"""Progress of plan projects (accountability): the project's status following its newest
report, and the editions the public pages show. The rules a report must follow are in
models/progress_rules.py, where the models' clean() reaches them."""

from .models import PlanEdition, PlanProject, ProjectUpdate


def follow_newest_report(project_id, organization_id):
    """Set the project's status and percentage to those of its newest report (if any)."""
    newest = (
        ProjectUpdate.objects.for_organization(organization_id)
        .filter(project_id=project_id)
        .order_by("-reported_on", "-pk")
        .first()
    )
    if newest is None:
        return
    PlanProject.objects.for_organization(organization_id).filter(pk=project_id).update(
        status=newest.status, percent_done=newest.percent_done
    )


def report_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        follow_newest_report(instance.project_id, instance.organization_id)


def report_deleted(sender, instance, **kwargs):
    follow_newest_report(instance.project_id, instance.organization_id)


def connect_signals():
    from django.db.models.signals import post_delete, post_save

    post_save.connect(report_saved, sender=ProjectUpdate, dispatch_uid="participation-progress")
    post_delete.connect(
        report_deleted, sender=ProjectUpdate, dispatch_uid="participation-progress-deleted"
    )


def current_editions(organization):
    """The newest approved edition of each of the organization's cycles: the plan in force,
    whose projects progress is reported on and shown."""
    newest = {}
    editions = PlanEdition.objects.for_organization(organization).exclude(approved_on=None)
    for edition in editions.order_by("approved_on", "created", "pk"):
        newest[edition.cycle_id] = edition
    return newest


def current_projects(organization):
    """The projects of the plans in force."""
    editions = current_editions(organization).values()
    return PlanProject.objects.for_organization(organization).filter(
        edition__in=[edition.pk for edition in editions]
    )
