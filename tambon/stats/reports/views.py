"""The visitor-statistics report in the Wagtail admin: charts, tables and downloads.

Everything is counted in Bangkok days. The daily chart covers the 90 days that end yesterday
(today is not over yet), the monthly chart the 24 months that end with the current month, and
the top pages the 30 days that end yesterday. The downloads cover a period the clerk chooses
(the same 90 days unless `start` and `end` are given as ISO dates).

Who may see it: anyone who may use the Wagtail admin (`wagtailadmin.access_admin`; superusers
have every permission). The built-in "Editors" and "Moderators" groups have that permission but
not `stats.view_dailyvisits`, and giving it to them would need a data migration, so the report
deliberately asks for admin access only: visit counts are not confidential inside the office.
"""

import datetime
import re
from dataclasses import dataclass

from django.db.models import Sum
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from openpyxl import Workbook
from wagtail.admin.auth import permission_denied
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from tambon.core.charts import BarChart, bar_chart, nice_step  # noqa: F401 (tests use nice_step)
from tambon.core.exports import csv_download, fill_sheet, workbook_download
from tambon.core.sites import site_for_request
from tambon.thai import fiscal
from tambon.thai.dates import MIN_BUDDHIST_YEAR, THAI_MONTHS_ABBR, buddhist_year, format_thai_date
from tambon.thai.digits import format_number

from .models import DailyPageViews, DailyVisits

DAILY_CHART_DAYS = 90
MONTHLY_CHART_MONTHS = 24
TOP_PAGES_DAYS = 30
TOP_PAGES_COUNT = 20
# A download covers at most about ten years, so a typo cannot ask for millions of rows.
MAX_EXPORT_DAYS = 3660

REPORT_URL_NAME = "tambon_stats_visitor_report"
ADMIN_PERMISSION = "wagtailadmin.access_admin"


def today_in_bangkok() -> datetime.date:
    """Today's date in Bangkok; tests patch this function to fix the report's clock."""
    return fiscal.today_in_bangkok()


def can_view_report(user) -> bool:
    """See the module docstring for why admin access is enough."""
    return user.is_active and user.has_perm(ADMIN_PERMISSION)


# --- Figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DayRow:
    day: datetime.date
    visits: int
    page_views: int

    @property
    def thai_date(self) -> str:
        """24/11/2569"""
        return format_thai_date(self.day, "short")

    # What the figures table shows and puts in <time datetime>.
    label = thai_date

    @property
    def machine_date(self) -> str:
        return self.day.isoformat()


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date  # the first day of the month
    visits: int
    page_views: int

    @property
    def thai_label(self) -> str:
        """พ.ย. 2569"""
        return thai_month_label(self.month)

    label = thai_label

    @property
    def machine_date(self) -> str:
        return self.month.strftime("%Y-%m")


def thai_month_label(month: datetime.date) -> str:
    return f"{THAI_MONTHS_ABBR[month.month - 1]} {buddhist_year(month.year)}"


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month `count` months after (or before) the month of `month`."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def last_days(end: datetime.date, count: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the `count` days that end on `end`."""
    return end - datetime.timedelta(days=count - 1), end


def daily_rows(site, start: datetime.date, end: datetime.date) -> list[DayRow]:
    """One row for every day from start to end, days without a row counted as 0."""
    stored = {
        day: (visits, page_views)
        for day, visits, page_views in DailyVisits.objects.filter(
            site=site, day__gte=start, day__lte=end
        ).values_list("day", "visits", "page_views")
    }
    rows = []
    day = start
    while day <= end:
        visits, page_views = stored.get(day, (0, 0))
        rows.append(DayRow(day, visits, page_views))
        day += datetime.timedelta(days=1)
    return rows


def monthly_rows(site, last_month: datetime.date, count: int) -> list[MonthRow]:
    """The `count` months that end with the month of `last_month`, oldest first."""
    first = add_months(last_month, -(count - 1))
    after_last = add_months(last_month, 1)
    sums = {}
    for day, visits, page_views in DailyVisits.objects.filter(
        site=site, day__gte=first, day__lt=after_last
    ).values_list("day", "visits", "page_views"):
        key = day.replace(day=1)
        month_visits, month_views = sums.get(key, (0, 0))
        sums[key] = (month_visits + visits, month_views + page_views)
    return [
        MonthRow(month, *sums.get(month, (0, 0)))
        for month in (add_months(first, offset) for offset in range(count))
    ]


def top_pages(site, start: datetime.date, end: datetime.date, limit: int = TOP_PAGES_COUNT):
    """[(path, views)] with the most viewed page first; equal views in address order."""
    return list(
        DailyPageViews.objects.filter(site=site, day__gte=start, day__lte=end)
        .values("path")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")
        .values_list("path", "total")[:limit]
    )


def totals(rows) -> tuple[int, int]:
    return sum(row.visits for row in rows), sum(row.page_views for row in rows)


# --- The period of a download ---------------------------------------------------------------

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The 90 days that end yesterday."""
    return last_days(today - datetime.timedelta(days=1), DAILY_CHART_DAYS)


def _shown(value: str) -> str:
    """What the clerk typed, shortened so a pasted paragraph does not flood the message."""
    return value if len(value) <= 20 else value[:20] + "…"


def is_iso_date(value: str) -> bool:
    """True for an existing date written YYYY-MM-DD, and nothing else."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _parse_day(value: str, not_a_date_message):
    """(date or None, error or None) for one GET parameter."""
    if not value:
        return None, None
    if not is_iso_date(value):
        return None, not_a_date_message % {"value": _shown(value), "example": "2026-11-23"}
    day = datetime.date.fromisoformat(value)
    if day.year >= MIN_BUDDHIST_YEAR:
        return None, _(
            "%(year)s looks like a Buddhist Era year. Enter the Christian Era year (%(ce)s)."
        ) % {"year": day.year, "ce": day.year - 543}
    return day, None


@dataclass(frozen=True)
class Period:
    start: datetime.date
    end: datetime.date
    errors: tuple = ()
    invalid_fields: frozenset = frozenset()


def parse_period(params, today: datetime.date) -> Period:
    """The period of a download, from the `start` and `end` GET parameters (ISO dates).

    A missing start is 89 days before the end; a missing end is yesterday. When anything is
    wrong, the errors say what (in the clerk's language, Thai by default) and the default
    period is used instead.
    """
    start, start_error = _parse_day(
        params.get("start", "").strip(),
        _(
            "The start date “%(value)s” is not a date. "
            "Enter it as year-month-day, e.g. %(example)s."
        ),
    )
    end, end_error = _parse_day(
        params.get("end", "").strip(),
        _("The end date “%(value)s” is not a date. Enter it as year-month-day, e.g. %(example)s."),
    )
    errors = [error for error in (start_error, end_error) if error]
    invalid = {name for name, error in (("start", start_error), ("end", end_error)) if error}
    if not errors:
        if end is None:
            end = today - datetime.timedelta(days=1)
        if start is None:
            start = last_days(end, DAILY_CHART_DAYS)[0]
        if start > end:
            errors.append(_("The start date is after the end date."))
        elif (end - start).days + 1 > MAX_EXPORT_DAYS:
            errors.append(
                _("A download can cover at most %(days)s days. Choose a shorter period.")
                % {"days": format_number(MAX_EXPORT_DAYS)}
            )
        if errors:
            invalid = {"start", "end"}
    if errors:
        return Period(*default_period(today), tuple(errors), frozenset(invalid))
    return Period(start, end)


def daily_chart(rows: list[DayRow]) -> BarChart:
    visits = totals(rows)[0]
    description = _(
        "Visits on each day from %(start)s to %(end)s: %(visits)s in all. "
        "The table below gives the figure of every day."
    ) % {
        "start": format_thai_date(rows[0].day, "long"),
        "end": format_thai_date(rows[-1].day, "long"),
        "visits": format_number(visits),
    }
    # Label the first of each month, as "1 ธ.ค.".
    labels = {
        index: (f"{row.day.day} {THAI_MONTHS_ABBR[row.day.month - 1]}", "")
        for index, row in enumerate(rows)
        if row.day.day == 1
    }
    return bar_chart(
        "daily-visits-chart",
        _("Visits per day"),
        description,
        [row.visits for row in rows],
        [f"{row.thai_date}: {format_number(row.visits)}" for row in rows],
        labels,
    )


def monthly_chart(rows: list[MonthRow]) -> BarChart:
    visits = totals(rows)[0]
    description = _(
        "Visits in each month from %(start)s to %(end)s: %(visits)s in all. "
        "The table below gives the figure of every month."
    ) % {
        "start": rows[0].thai_label,
        "end": rows[-1].thai_label,
        "visits": format_number(visits),
    }
    # Every month gets its abbreviation; the Buddhist Era year goes under January and the first.
    labels = {
        index: (
            THAI_MONTHS_ABBR[row.month.month - 1],
            str(buddhist_year(row.month.year)) if index == 0 or row.month.month == 1 else "",
        )
        for index, row in enumerate(rows)
    }
    return bar_chart(
        "monthly-visits-chart",
        _("Visits per month"),
        description,
        [row.visits for row in rows],
        [f"{row.thai_label}: {format_number(row.visits)}" for row in rows],
        labels,
    )


# --- Downloads ------------------------------------------------------------------------------


def export_filename(start: datetime.date, end: datetime.date, extension: str) -> str:
    """visits-2026-08-26-2026-11-23.csv"""
    return f"visits-{start.isoformat()}-{end.isoformat()}.{extension}"


def daily_headings():
    return [_("Date"), _("Date (Thai)"), _("Visits"), _("Page views")]


def monthly_headings():
    return [_("Month"), _("Month (Thai)"), _("Visits"), _("Page views")]


def csv_response(rows: list[DayRow], start, end) -> HttpResponse:
    return csv_download(
        export_filename(start, end, "csv"),
        daily_headings(),
        [[row.day.isoformat(), row.thai_date, row.visits, row.page_views] for row in rows],
    )


def _fill_sheet(sheet, headings, rows, date_format):
    fill_sheet(sheet, headings, rows, widths=(14, 16, 14, 16))
    for row in sheet.iter_rows(min_row=2):
        row[0].number_format = date_format
        row[2].number_format = "#,##0"
        row[3].number_format = "#,##0"


def xlsx_response(rows: list[DayRow], months: list[MonthRow], start, end) -> HttpResponse:
    """A daily sheet for the period and a sheet of the last 24 months; numbers stay numbers."""
    workbook = Workbook()
    daily = workbook.active
    daily.title = _("Daily")
    _fill_sheet(
        daily,
        daily_headings(),
        [[row.day, row.thai_date, row.visits, row.page_views] for row in rows],
        "yyyy-mm-dd",
    )
    monthly = workbook.create_sheet(_("Last 24 months"))
    _fill_sheet(
        monthly,
        monthly_headings(),
        [[row.month, row.thai_label, row.visits, row.page_views] for row in months],
        "yyyy-mm",
    )
    return workbook_download(workbook, export_filename(start, end, "xlsx"))


# --- The admin view -------------------------------------------------------------------------


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
        self.today = today_in_bangkok()
        self.period = parse_period(request.GET, self.today)
        self.start, self.end = self.period.start, self.period.end
        export = request.GET.get("export")
        if export in self.export_formats and not self.period.errors:
            rows = daily_rows(self.site, self.start, self.end)
            if export == "csv":
                return csv_response(rows, self.start, self.end)
            months = monthly_rows(self.site, self.today, MONTHLY_CHART_MONTHS)
            return xlsx_response(rows, months, self.start, self.end)
        return super().get(request, *args, **kwargs)

    def export_url(self, export_format):
        query = {"start": self.start.isoformat(), "end": self.end.isoformat()}
        query["export"] = export_format
        return f"{reverse(REPORT_URL_NAME)}?{urlencode(query)}"

    def input_value(self, name, effective):
        """The value of a date field: what was asked for if it is a date at all (a browser's
        date field cannot show anything else), or the period used when nothing was asked."""
        typed = self.request.GET.get(name, "").strip()
        if not typed:
            return effective.isoformat()
        return typed if is_iso_date(typed) else ""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        yesterday = self.today - datetime.timedelta(days=1)

        days = daily_rows(self.site, *last_days(yesterday, DAILY_CHART_DAYS))
        months = monthly_rows(self.site, self.today, MONTHLY_CHART_MONTHS)
        pages_start, pages_end = last_days(yesterday, TOP_PAGES_DAYS)
        period_rows = daily_rows(self.site, self.start, self.end)

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
            top_pages=top_pages(self.site, pages_start, pages_end),
            top_pages_start=pages_start,
            top_pages_end=pages_end,
            period_start=self.start,
            period_end=self.end,
            period_totals=totals(period_rows),
            period_errors=self.period.errors,
            start_invalid="start" in self.period.invalid_fields,
            end_invalid="end" in self.period.invalid_fields,
            start_value=self.input_value("start", self.start),
            end_value=self.input_value("end", self.end),
            csv_url=self.export_url("csv"),
            xlsx_url=self.export_url("xlsx"),
            report_url=reverse(REPORT_URL_NAME),
        )
        return context
