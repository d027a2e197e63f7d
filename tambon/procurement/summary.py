"""Form สขร.1 (สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน) and the annual procurement report,
both counted from the projects, never typed twice.

A project belongs to the month of its contract or agreement date, and to the fiscal year
that date falls in: what was bought is reported when the office committed to it.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Sum
from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from tambon.core.exports import csv_lines_download, workbook_download
from tambon.core.models import Organization
from tambon.thai.dates import (
    buddhist_year,
    format_thai_date,
    format_thai_month,
    gregorian_year,
    is_buddhist_year,
)
from tambon.thai.digits import format_number
from tambon.thai.fiscal import fiscal_months, fiscal_year

from .models.plans import AnnualProcurementReport
from .models.projects import Bid, Method, ProcurementProject


def baht(amount) -> str:
    """1234.5 -> "1,234.50"; None -> "" (a median price may be unknown)."""
    return "" if amount is None else format_number(amount, decimals=2)


def month_label(year: int, month: int) -> str:
    """(2022, 3) -> "มีนาคม พ.ศ. 2565" """
    return format_thai_month(datetime.date(year, month, 1), "full")


def checked_month(be_year: int, month: int) -> tuple[int, int]:
    """The Gregorian (year, month) of a month named in a URL; ValueError if there is none."""
    if not is_buddhist_year(be_year):
        raise ValueError(f"{be_year} is not a Buddhist Era year this site can show")
    year = gregorian_year(be_year)
    datetime.date(year, month, 1)  # ValueError for month 13 or a year past 9999
    return year, month


def column_headings() -> list[str]:
    return [
        _("No."),
        _("Work to buy or hire"),
        _("Budget to buy or hire (baht)"),
        _("Median price (baht)"),
        _("Method of buying or hiring"),
        _("Bidders and their offered prices"),
        _("Selected supplier and agreed price"),
        _("Reason for the selection, in brief"),
        _("Number and date of the contract or agreement"),
    ]


@dataclass
class SummaryRow:
    number: int
    project: ProcurementProject
    bids: list[Bid] = field(default_factory=list)

    @property
    def bid_lines(self) -> list[str]:
        return [
            _("%(bidder)s, %(price)s baht") % {"bidder": bid.bidder, "price": baht(bid.price)}
            for bid in self.bids
        ]

    @property
    def winner_line(self) -> str:
        if self.project.agreed_price is None:
            return self.project.winner
        return _("%(winner)s, %(price)s baht") % {
            "winner": self.project.winner,
            "price": baht(self.project.agreed_price),
        }

    @property
    def contract_line(self) -> str:
        return _("No. %(number)s dated %(date)s") % {
            "number": self.project.contract_number or "-",
            "date": format_thai_date(self.project.contract_date),
        }

    def text_cells(self) -> list[str]:
        """The row as the nine texts of the printed form."""
        project = self.project
        return [
            str(self.number),
            project.title,
            baht(project.budget),
            baht(project.reference_price),
            str(project.method_label),
            "\n".join(self.bid_lines),
            self.winner_line,
            project.selection_reason,
            self.contract_line,
        ]


@dataclass
class MonthlySummary:
    organization: str
    year: int
    month: int
    rows: list[SummaryRow]

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def title(self) -> str:
        return _("Summary of procurement carried out in %(month)s") % {"month": self.label}

    @property
    def be_year(self) -> int:
        return buddhist_year(self.year)

    @property
    def fiscal_year(self) -> int:
        return fiscal_year(datetime.date(self.year, self.month, 1))

    @property
    def total_agreed(self) -> Decimal:
        return sum((row.project.agreed_price or Decimal(0) for row in self.rows), Decimal(0))

    def filename(self, extension) -> str:
        """sorkhorror1-2565-03.csv"""
        return f"sorkhorror1-{self.be_year}-{self.month:02d}.{extension}"


def monthly_summary(organization: Organization, year: int, month: int) -> MonthlySummary:
    """The organization's form สขร.1 of a (Gregorian) month."""
    bids = Bid.objects.for_organization(organization).order_by("sort_order", "pk")
    projects = (
        ProcurementProject.objects.for_organization(organization)
        .concluded()
        .of_month(year, month)
        .in_summary_order()
        .prefetch_related(Prefetch("bids", queryset=bids))
    )
    rows = [
        SummaryRow(number, project, list(project.bids.all()))
        for number, project in enumerate(projects, start=1)
    ]
    return MonthlySummary(organization.name, year, month, rows)


def heading_lines(summary: MonthlySummary) -> list[str]:
    return [_("Form SorKhorRor 1"), summary.title, summary.organization]


def csv_response(summary: MonthlySummary) -> HttpResponse:
    """The form's heading lines, its column headings, then a line per project."""
    lines = [[line] for line in heading_lines(summary)]
    lines.append(column_headings())
    lines.extend(row.text_cells() for row in summary.rows)
    if not summary.rows:
        lines.append(["", _("No procurement")])
    return csv_lines_download(summary.filename("csv"), lines)


def xlsx_response(summary: MonthlySummary) -> HttpResponse:
    """One sheet laid out like the paper form; money columns stay numbers."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("SorKhorRor 1")
    for line in heading_lines(summary):
        sheet.append([line])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.append(column_headings())
    heading_row = sheet.max_row
    for cell in sheet[heading_row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in summary.rows:
        values = row.text_cells()
        project = row.project
        values[0] = row.number
        values[2] = project.budget
        values[3] = project.reference_price
        sheet.append(values)
        for cell in sheet[sheet.max_row]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for cell in sheet[sheet.max_row][2:4]:
            cell.number_format = "#,##0.00"
    if not summary.rows:
        sheet.append(["", _("No procurement")])
    sheet.freeze_panes = sheet.cell(heading_row + 1, 1)
    for letter, width in zip("ABCDEFGHI", (7, 40, 16, 16, 22, 36, 32, 30, 28), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return workbook_download(workbook, summary.filename("xlsx"))


# --- The months of a fiscal year and the annual report -------------------------------------


@dataclass
class MonthEntry:
    year: int
    month: int
    count: int

    @property
    def label(self) -> str:
        return month_label(self.year, self.month)

    @property
    def be_year(self) -> int:
        return buddhist_year(self.year)


def months_of_fiscal_year(organization: Organization, fy_be: int) -> list[MonthEntry]:
    """The twelve months, October first, each with its number of the organization's concluded
    projects."""
    counts = {}
    projects = ProcurementProject.objects.for_organization(organization)
    for day in projects.concluded_in_fiscal_year(fy_be).values_list("contract_date", flat=True):
        counts[(day.year, day.month)] = counts.get((day.year, day.month), 0) + 1
    return [
        MonthEntry(year, month, counts.get((year, month), 0))
        for year, month in fiscal_months(fy_be)
    ]


@dataclass
class MethodLine:
    method: str
    label: str
    count: int
    total: Decimal


@dataclass
class AnnualReport:
    fiscal_year: int
    lines: list[MethodLine]
    text: AnnualProcurementReport | None

    @property
    def count(self) -> int:
        return sum(line.count for line in self.lines)

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal(0))


def annual_report(organization: Organization, fy_be: int) -> AnnualReport:
    """Per method, the number of the organization's projects concluded in the fiscal year and
    their agreed total."""
    figures = {
        row["method"]: row
        for row in ProcurementProject.objects.for_organization(organization)
        .concluded_in_fiscal_year(fy_be)
        .values("method")
        .annotate(count=Count("pk"), total=Sum("agreed_price"))
    }
    lines = [
        MethodLine(
            method.value,
            method.label,
            figures.get(method.value, {}).get("count", 0),
            figures.get(method.value, {}).get("total") or Decimal(0),
        )
        for method in Method
    ]
    texts = AnnualProcurementReport.objects.for_organization(organization)
    text = texts.filter(fiscal_year=fy_be).first()
    return AnnualReport(fy_be, lines, text)
