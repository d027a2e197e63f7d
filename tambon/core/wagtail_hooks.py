"""Admin screens of core: the staff sign-in code (two_factor.py), host names (hostnames.py),
the failed background tasks (task_admin.py)."""

from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.pages.search import SearchView as PageSearchView
from wagtail.models import Page

from . import hostnames, task_admin, two_factor
from .admin_boundary import collections_of, pages_of
from .scoping import organization_for_request


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.admin_urls()


@hooks.register("register_admin_urls")
def register_failed_tasks_url():
    return [
        path("failed-tasks/", task_admin.FailedTasksView.as_view(), name=task_admin.URL_NAME),
    ]


class FailedTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return task_admin.can_view(request.user)


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return FailedTasksMenuItem(
        _("Failed background tasks"),
        reverse(task_admin.URL_NAME),
        name="failed-tasks",
        icon_name="warning",
        order=1900,
    )


@hooks.register("register_log_actions")
def register_enrolment_code_action(actions):
    # In the user's history: who gave a code, and when (never the code: core/staff_admin.py).
    actions.register_action(
        "tambon.enrolment_code",
        _("Give an enrolment code"),
        _("Enrolment code for the sign-in app given"),
    )


# --- The organization boundary over Wagtail's own lists and files (core/admin_boundary.py) ---


def _own_pages(pages, request):
    organization = organization_for_request(request)
    if request.user.is_superuser:
        return pages
    if organization is None:
        return pages.none()
    return pages.filter(pk__in=pages_of(organization).values("pk"))


@hooks.register("construct_page_chooser_queryset")
def page_chooser_shows_the_organizations_pages(pages, request):
    return _own_pages(pages, request)


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_the_organizations_pages(parent_page, pages, request):
    return _own_pages(pages, request)


@hooks.register("before_serve_document")
def documents_are_served_on_their_organizations_host(document, request):
    """A document is a file of one organization: on another's host it is not found. One in the
    root collection (only a superuser can put it there) is the platform's, served anywhere."""
    if document.collection.depth == 1:
        return
    organization = organization_for_request(request)
    if (
        organization is None
        or not collections_of(organization).filter(pk=document.collection_id).exists()
    ):
        raise Http404


@hooks.register("construct_reports_menu")
def hide_the_reports_over_every_organization(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


@hooks.register("register_admin_viewset")
def register_host_names():
    return hostnames.HostNameViewSet("host_names")


# Wagtail 7.4's page search leaves the noun of its listing unset, so its count read
# "1-20 จาก 45 None" (docs/admin-translation.md).
PageSearchView.verbose_name = Page._meta.verbose_name
PageSearchView.verbose_name_plural = Page._meta.verbose_name_plural


# --- The dashboard: its panels are the apps' (the cases' day's work comes first) ---


@hooks.register("construct_homepage_summary_items", order=1000)  # after Wagtail's own
def drop_site_summary(request, summary_items):
    """Wagtail's "42 Pages / Images / Documents" counts say nothing of the day's work (and in
    English, with the deployment's name): the apps' panels replace them."""
    summary_items.clear()


@hooks.register("insert_global_admin_css")
def admin_stylesheet():
    return format_html('<link rel="stylesheet" href="{}">', static("core/admin.css"))
