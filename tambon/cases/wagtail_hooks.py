"""The cases in the Wagtail admin: a menu item for case staff, the list and case pages, and
the categories and e-service types as snippets, each organization its own."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from tambon.core.scoped_admin import OrganizationSnippetViewSet
from tambon.core.scoping import staff_organization

from . import dashboard, roles
from .models import ApiKey, Category, ServiceType
from .views import publishing, register, staff, trail
from .views import statistics as statistics_views

admin_urls = (
    [
        path("", staff.case_list, name="index"),
        path("bulk/", staff.case_bulk, name="bulk"),
        path("information-register/", register.information_register, name="register"),
        path("<int:pk>/", staff.case_detail, name="detail"),
        path("<int:pk>/act/", staff.case_act, name="act"),
        path("<int:pk>/thumbnails/<uuid:public_id>/", staff.case_thumbnail, name="thumbnail"),
        path("<int:pk>/publish/", publishing.publish, name="publish"),
        path("statistics/", statistics_views.report, name="statistics"),
        path("access-trail/", trail.access_trail, name="access_trail"),
    ],
    "cases_admin",
)


@hooks.register("register_admin_urls")
def register_case_urls():
    return [path("cases/", include(admin_urls))]


@hooks.register("register_permissions")
def register_role_permissions():
    """The staff roles, ticked per group in Settings > Groups (shown under Case), and reading
    the access trail."""
    return Permission.objects.filter(
        Q(codename__startswith="role_") | Q(codename="view_accessrecord"),
        content_type__app_label="cases",
    )


class CaseMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_case_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_case_menu_item():
    return CaseMenuItem(
        _("Citizen cases"), reverse("cases_admin:index"), icon_name="mail", order=250
    )


class CaseStatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_case_staff(request.user)


@hooks.register("register_reports_menu_item")
def register_case_statistics_menu_item():
    return CaseStatisticsMenuItem(
        _("Case statistics"), reverse("cases_admin:statistics"), icon_name="list-ul", order=250
    )


class CategoryViewSet(OrganizationSnippetViewSet):
    model = Category
    icon = "tag"
    list_display = ["name", "kind", "division", "resolve_days", "is_active"]
    list_filter = ["kind", "is_active"]
    ordering = ["kind", "sort_order", "name"]


register_snippet(CategoryViewSet)


class ServiceTypeViewSet(OrganizationSnippetViewSet):
    model = ServiceType
    icon = "form"
    list_display = ["name", "division", "resolve_days", "is_live"]
    list_filter = ["is_live"]
    ordering = ["sort_order", "name"]


register_snippet(ServiceTypeViewSet)


class ApiKeyCreateView(OrganizationSnippetViewSet.add_view_class):
    def get_success_message(self, instance):
        """The key, this once: only its hash is kept."""
        return format_html(
            "{} <code>{}</code>",
            _(
                "Key for “%(name)s” made. Copy it now and give it to the client: it is not "
                "shown again."
            )
            % {"name": instance.name},
            instance.plain_key,
        )


class ApiKeyViewSet(OrganizationSnippetViewSet):
    """Open311 keys (tambon/cases/open311): issued here, shown once, revoked by a tick."""

    model = ApiKey
    icon = "key"
    list_display = ["name", "prefix", "created", "is_revoked"]
    list_filter = ["is_revoked"]
    add_view_class = ApiKeyCreateView
    copy_view_enabled = False  # a copy would need its own key: "Add" makes one


register_snippet(ApiKeyViewSet)


class AccessTrailMenuItem(MenuItem):
    def is_shown(self, request):
        return trail.may_read_trail(request.user)


@hooks.register("register_reports_menu_item")
def register_access_trail_menu_item():
    return AccessTrailMenuItem(
        _("Access to personal data"),
        reverse("cases_admin:access_trail"),
        icon_name="history",
        order=260,
    )


@hooks.register("construct_homepage_panels")
def add_case_work_panel(request, panels):
    """The day's case work first on the dashboard, for case staff."""
    if roles.is_case_staff(request.user):
        panels.append(
            dashboard.CaseWorkPanel(
                staff_organization(request), staff.staff_cases(request), request.user
            )
        )


@hooks.register("insert_global_admin_css")
def case_admin_stylesheet():
    return format_html('<link rel="stylesheet" href="{}">', static("cases/admin.css"))
