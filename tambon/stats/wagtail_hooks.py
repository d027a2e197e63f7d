"""The visitor-statistics report: its admin URL and its item in the "Reports" menu."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports.views import REPORT_URL_NAME, VisitorReportView, can_view_report


@hooks.register("register_admin_urls")
def register_visitor_report_url():
    return [
        path("visitor-statistics/", VisitorReportView.as_view(), name=REPORT_URL_NAME),
    ]


class VisitorReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_visitor_report_menu_item():
    return VisitorReportMenuItem(
        _("Visitor statistics"),
        reverse(REPORT_URL_NAME),
        name="visitor-statistics",
        icon_name="view",
        order=1300,
    )
