"""Procurement in the admin: one "Procurement" menu with the projects, announcements, plans,
the annual report texts and the CSV import, each showing the staff member's organization's."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from tambon.core.scoped_admin import OrganizationSnippetViewSet

from .admin_views import ImportPreviewView, ImportProgressView, ImportStartView, can_import
from .models import (
    AnnualProcurementReport,
    ProcurementAnnouncement,
    ProcurementPlan,
    ProcurementProject,
)


class ProjectViewSet(OrganizationSnippetViewSet):
    menu_name = "procurement-projects"
    model = ProcurementProject
    icon = "clipboard-list"
    list_display = ["title", "egp_number", "method", "agreed_price", "contract_date", "status"]
    list_filter = ["fiscal_year", "method", "status"]
    search_fields = ["title", "egp_number", "winner"]
    ordering = ["-fiscal_year", "-contract_date", "-pk"]


class AnnouncementViewSet(OrganizationSnippetViewSet):
    menu_name = "procurement-announcements"
    model = ProcurementAnnouncement
    icon = "doc-full"
    list_display = ["title", "kind", "date", "project"]
    list_filter = ["kind"]
    search_fields = ["title"]
    ordering = ["-date", "-pk"]


class PlanViewSet(OrganizationSnippetViewSet):
    menu_name = "procurement-plans"
    model = ProcurementPlan
    icon = "list-ul"
    list_display = ["title", "fiscal_year", "published_on"]
    ordering = ["-fiscal_year", "-published_on"]


class AnnualReportViewSet(OrganizationSnippetViewSet):
    menu_name = "procurement-annual-reports"
    model = AnnualProcurementReport
    icon = "doc-empty"
    list_display = ["fiscal_year"]
    menu_label = _("Annual report texts")


class ImportViewSet(ViewSet):
    """Not a model: the upload, preview and progress pages of a CSV import."""

    name = "procurement_import"
    icon = "upload"
    menu_label = _("Import from CSV")

    def get_urlpatterns(self):
        return [
            path("", ImportStartView.as_view(), name="start"),
            path("<int:pk>/", ImportPreviewView.as_view(), name="preview"),
            path("<int:pk>/progress/", ImportProgressView.as_view(), name="progress"),
        ]

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        item.is_shown = lambda request: can_import(request.user)
        return item


class ProcurementViewSetGroup(SnippetViewSetGroup):
    items = (ProjectViewSet, AnnouncementViewSet, PlanViewSet, AnnualReportViewSet, ImportViewSet)
    menu_icon = "clipboard-list"
    menu_label = _("Procurement")
    menu_name = "procurement"


register_snippet(ProcurementViewSetGroup)
