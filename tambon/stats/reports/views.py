"""The visitor-statistics report in the Wagtail admin: charts, tables and downloads.

Everything is counted in Bangkok days. The daily chart covers the 90 days that end yesterday
(today is not over yet), the monthly chart the 24 months that end with the current month, and
the top pages the 30 days that end yesterday. The downloads cover a period the clerk chooses
(periods.py; the same 90 days unless a start or an end is given).

Who may see it: anyone who may use the Wagtail admin (`wagtailadmin.access_admin`; superusers
have every permission). The built-in "Editors" and "Moderators" groups have that permission but
not `stats.view_dailyvisits`, and giving it to them would need a data migration, so the report
deliberately asks for admin access only: visit counts are not confidential inside the office.
"""

import datetime

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tambon.core.scoping import staff_organization
from tambon.core.sites import site_for_request
from tambon.thai.days import last_days
from tambon.thai.fiscal import today_in_bangkok

from .exports import csv_response, xlsx_response
from .figures import daily_chart, daily_rows, monthly_chart, monthly_rows, top_pages, totals
from .periods import DAILY_CHART_DAYS, ReportPeriodForm

MONTHLY_CHART_MONTHS = 24
TOP_PAGES_DAYS = 30

REPORT_URL_NAME = "tambon_stats_visitor_report"
ADMIN_PERMISSION = "wagtailadmin.access_admin"


def can_view_report(user) -> bool:
    """See the module docstring for why admin access is enough."""
    return user.is_active and user.has_perm(ADMIN_PERMISSION)


class VisitorReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "stats/admin/visitor_report.html"
    page_title = gettext_lazy("Visitor statistics")
    header_icon = "view"
    export_formats = ("csv", "xlsx")

    def dispatch(self, request, *args, **kwargs):
        # Wagtail already asks for admin access on every admin URL; this keeps the rule
        # in one place should it ever become stricter.
        if not can_view_report(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get(self, request, *args, **kwargs):
        self.site = site_for_request(request)
        self.organization = staff_organization(request)
        self.today = today_in_bangkok()
        self.form = ReportPeriodForm(request.GET, today=self.today)
        self.start, self.end = self.form.period()
        export = request.GET.get("export")
        # A period that cannot be used gives the page with its error, never a file.
        if export in self.export_formats and self.form.is_valid():
            rows = daily_rows(self.organization, self.start, self.end)
            if export == "csv":
                return csv_response(rows, self.start, self.end)
            months = monthly_rows(self.organization, self.today, MONTHLY_CHART_MONTHS)
            return xlsx_response(rows, months, self.start, self.end)
        return super().get(request, *args, **kwargs)

    def export_url(self, export_format):
        """Year-first dates in the address: they read the same in any language."""
        query = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        query["export"] = export_format
        return f"{reverse(REPORT_URL_NAME)}?{urlencode(query)}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        yesterday = self.today - datetime.timedelta(days=1)

        days = daily_rows(self.organization, *last_days(yesterday, DAILY_CHART_DAYS))
        months = monthly_rows(self.organization, self.today, MONTHLY_CHART_MONTHS)
        pages_start, pages_end = last_days(yesterday, TOP_PAGES_DAYS)
        period_rows = daily_rows(self.organization, self.start, self.end)
        invalid = self.form.invalid_fields()

        context.update(
            site=self.site,
            daily=days,
            daily_start=days[0].day,
            daily_end=days[-1].day,
            daily_totals=totals(days),
            daily_chart=daily_chart(days),
            monthly=months,
            monthly_start=months[0].thai_label,
            monthly_end=months[-1].thai_label,
            monthly_totals=totals(months),
            monthly_chart=monthly_chart(months),
            top_pages=top_pages(self.organization, pages_start, pages_end),
            top_pages_start=pages_start,
            top_pages_end=pages_end,
            form=self.form,
            period_start=self.start,
            period_end=self.end,
            period_totals=totals(period_rows),
            period_errors=self.form.error_messages(),
            start_invalid="start" in invalid,
            end_invalid="end" in invalid,
            start_value=self.form.shown_value("start"),
            end_value=self.form.shown_value("end"),
            csv_url=self.export_url("csv"),
            xlsx_url=self.export_url("xlsx"),
            report_url=reverse(REPORT_URL_NAME),
        )
        return context
