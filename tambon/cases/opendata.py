"""The statistics page's tables as rows for open data (CSV, JSON) and the staff's Excel file,
of one organization's cases. The same functions of tambon.cases.statistics give the page and
every download its figures."""

from django.utils.translation import gettext as _
from openpyxl import Workbook

from tambon.core.exports import csv_download, fill_sheet, json_download, workbook_download

from . import statistics

CASE_FIELDS = [
    "fiscal_year",
    "kind",
    "kind_label",
    "period",
    "period_group",
    "period_label",
    "first_day",
    "last_day",
    "received",
    "completed",
    "rejected",
    "in_progress",
]
SERVICE_FIELDS = ["fiscal_year", "request_type", "month", "requests"]
SATISFACTION_FIELDS = [
    "fiscal_year",
    "kind",
    "kind_label",
    "ratings",
    "average",
    "satisfied",
    "satisfied_percent",
    "rating_1",
    "rating_2",
    "rating_3",
    "rating_4",
    "rating_5",
]


def case_records(organization, fy_be):
    for kind_figures in statistics.case_figures(organization, fy_be):
        for period, figures in kind_figures.rows:
            yield {
                "fiscal_year": fy_be,
                "kind": kind_figures.kind,
                "kind_label": str(kind_figures.label),
                "period": period.key,
                "period_group": period.group,
                "period_label": period.label,
                "first_day": period.first_day.isoformat(),
                "last_day": period.last_day.isoformat(),
                "received": figures.received,
                "completed": figures.completed,
                "rejected": figures.rejected,
                "in_progress": figures.in_progress,
            }


def service_records(organization, fy_be):
    months = [p.key for p in statistics.periods(fy_be) if p.group == statistics.MONTH]
    for service in statistics.service_figures(organization, fy_be):
        for month, count in zip(months, service.counts, strict=True):
            yield {
                "fiscal_year": fy_be,
                "request_type": service.name,
                "month": month,
                "requests": count,
            }


def satisfaction_records(organization, fy_be):
    for result in statistics.satisfaction(organization, fy_be):
        yield {
            "fiscal_year": fy_be,
            "kind": result.kind,
            "kind_label": str(result.label),
            "ratings": result.count,
            "average": None if result.average is None else round(result.average, 2),
            "satisfied": result.satisfied,
            "satisfied_percent": (
                None if result.satisfied_percent is None else round(result.satisfied_percent, 1)
            ),
            **{f"rating_{rating}": count for rating, count in result.rows},
        }


TABLES = {
    "cases": (case_records, CASE_FIELDS),
    "services": (service_records, SERVICE_FIELDS),
    "satisfaction": (satisfaction_records, SATISFACTION_FIELDS),
}


def _cell(value):
    return "" if value is None else value


def csv_response(organization, table, fy_be):
    records, fields = TABLES[table]
    rows = ([_cell(record[name]) for name in fields] for record in records(organization, fy_be))
    return csv_download(f"case-{table}-{fy_be}.csv", fields, rows)


def json_response(organization, table, fy_be):
    records, _fields = TABLES[table]
    return json_download(f"case-{table}-{fy_be}.json", list(records(organization, fy_be)))


def xlsx_response(organization, fy_be):
    """For staff: the three tables of a fiscal year, one sheet each."""
    workbook = Workbook()
    titles = {
        "cases": _("Cases"),
        "services": _("E-services"),
        "satisfaction": _("Satisfaction"),
    }
    for index, (table, (records, fields)) in enumerate(TABLES.items()):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = titles[table]
        rows = ([record[name] for name in fields] for record in records(organization, fy_be))
        fill_sheet(sheet, fields, rows)
    return workbook_download(workbook, f"case-statistics-{fy_be}.xlsx")
