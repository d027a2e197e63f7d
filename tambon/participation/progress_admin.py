"""Progress reports in the admin ("รายงานความคืบหน้าโครงการ"): staff add a dated report (status,
percentage, what was done, a photo) to a project of the plan in force; the project's status
then follows its newest report (progress.py)."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from tambon.core.scoped_admin import OrganizationOwnedForm, OrganizationSnippetViewSet
from tambon.core.scoping import staff_organization
from tambon.thai.fiscal import today_in_bangkok

from .models import PlanProject, ProjectUpdate
from .progress import current_editions


def _project_label(project):
    where = project.village or _("whole area")
    return f"{project.title} ({where}; {project.edition})"


class ProjectUpdateForm(OrganizationOwnedForm):
    """The project is chosen among the projects of the plan in force (and the report's own)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("project")
        if field is None or not self.instance.organization_id:
            return
        organization = self.instance.organization
        editions = [edition.pk for edition in current_editions(organization).values()]
        projects = PlanProject.objects.for_organization(organization).filter(
            Q(edition__in=editions) | Q(pk=self.instance.project_id or 0)
        )
        field.queryset = projects.select_related("village", "edition__cycle").order_by(
            "edition", "village__number", "number", "pk"
        )
        field.label_from_instance = _project_label


class ReportOnProjectView(OrganizationSnippetViewSet.add_view_class):
    """ "?project=<id>" (a link from a project) chooses the project; the date is today's."""

    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance()
        instance.reported_on = today_in_bangkok()
        chosen = self.request.GET.get("project", "")
        if chosen.isdigit():
            projects = PlanProject.objects.for_organization(staff_organization(self.request))
            instance.project = projects.filter(pk=chosen).first()
        return instance


class ProjectUpdateViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-progress"
    menu_label = _("Project progress reports")
    model = ProjectUpdate
    icon = "tasks"
    list_display = ["project", "reported_on", "status", "percent_done"]
    list_filter = ["status"]
    ordering = ["-reported_on", "-pk"]
    add_view_class = ReportOnProjectView
    panels = [
        FieldPanel("project", widget=forms.Select),
        FieldRowPanel([FieldPanel("reported_on"), FieldPanel("status")]),
        FieldPanel("percent_done"),
        FieldPanel("note"),
        FieldPanel("image"),
    ]

    base_form_class = ProjectUpdateForm
