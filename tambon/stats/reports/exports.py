"""The downloads of the report: the daily figures of a period as CSV, and as Excel with a
second sheet of the last 24 months. Numbers stay numbers, dates stay dates."""

import datetime

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook

from tambon.core.exports import csv_download, fill_sheet, workbook_download

from .figures import DayRow, MonthRow


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
