"""The ITA lists in the admin: years with their indicators, items with their evidence, the
coverage dashboard and adding a year; each member works on their organization's lists."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from tambon.core.scoped_admin import OrganizationSnippetViewSet

from .admin_filters import scoped_filterset
from .ita import admin_views
from .models import ItaItem, ItaYear


class ItaYearViewSet(OrganizationSnippetViewSet):
    model = ItaYear
    icon = "date"
    list_display = ["fiscal_year", "title"]
    ordering = ["-fiscal_year"]


class ItaItemViewSet(OrganizationSnippetViewSet):
    model = ItaItem
    icon = "tasks"
    list_display = ["code", "title", "indicator", "topic", "needs_current_year"]
    filterset_class = scoped_filterset(ItaItem, ["year", "needs_current_year"])
    list_per_page = 50
    ordering = ["-year__fiscal_year", "sort_order", "code"]


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class ItaViewSetGroup(SnippetViewSetGroup):
    items = (ItaYearViewSet, ItaItemViewSet)
    menu_icon = "tasks"
    menu_label = _("ITA transparency")
    menu_name = "ita"

    def get_submenu_items(self):
        coverage = PermittedMenuItem(
            _("ITA coverage"),
            reverse("ita_coverage"),
            name="ita-coverage",
            icon_name="tasks",
            order=50,
            permission=admin_views.VIEW_PERMISSION,
        )
        add_year = PermittedMenuItem(
            _("Add an ITA fiscal year"),
            reverse("ita_add_year"),
            name="ita-add-year",
            icon_name="plus",
            order=500,
            permission=admin_views.ADD_YEAR_PERMISSION,
        )
        return [coverage, *super().get_submenu_items(), add_year]


register_snippet(ItaViewSetGroup)


@hooks.register("register_admin_urls")
def register_ita_urls():
    return [
        path("ita/", admin_views.CoverageView.as_view(), name="ita_coverage"),
        path("ita/link/", admin_views.LinkSuggestionView.as_view(), name="ita_link_suggestion"),
        path(
            "ita/export/<int:fiscal_year_be>.<str:extension>",
            admin_views.ExportView.as_view(),
            name="ita_export",
        ),
        path("ita/add-year/", admin_views.AddYearView.as_view(), name="ita_add_year"),
    ]


from . import admin_records  # noqa: E402, F401 - records, rulings, gift register
