"""Forms ผ.01 (บัญชีสรุปโครงการพัฒนา) and ผ.02 (รายละเอียดโครงการพัฒนา) of an edition, counted
from its projects: the rows grouped by strategy for the printable pages, and the XLSX files.

ผ.02's XLSX: the form's heading lines in rows 1-4, the column headings in rows 5 and 6 (row 5
names the columns, "งบประมาณ" spanning the five plan years; row 6 heads each plan year's column
with its B.E. year), then per strategy a heading row and its projects. Money stays numbers;
text stays text, even if it starts like a formula (workbook_download).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tambon.core.exports import workbook_download

from .models import BUDGET_FIELDS, PlanEdition, PlanProject, Strategy

MONEY_FORMAT = "#,##0.00"
P02_HEADING_ROWS = 4  # form name, title, edition, organization
P02_HEADER_ROW = P02_HEADING_ROWS + 1  # the column names; the plan years in the row below
P02_BUDGET_COLUMN = 5  # column E: first plan year


@dataclass
class StrategyGroup:
    strategy: Strategy
    projects: list[PlanProject] = field(default_factory=list)

    def budget_totals(self):
        return [
            sum((p.budgets()[year] or Decimal(0) for p in self.projects), Decimal(0))
            for year in range(len(BUDGET_FIELDS))
        ]

    def project_counts(self):
        """Per plan year, the projects with a budget that year (ผ.01 counts them so)."""
        return [
            sum(1 for p in self.projects if p.budgets()[year]) for year in range(len(BUDGET_FIELDS))
        ]


def edition_projects(edition: PlanEdition) -> list[PlanProject]:
    return list(
        PlanProject.objects.for_organization(edition.organization_id)
        .filter(edition=edition)
        .select_related("strategy", "village", "category")
        .order_by("strategy__number", "number", "pk")
    )


def by_strategy(projects) -> list[StrategyGroup]:
    groups: dict[int, StrategyGroup] = {}
    for project in projects:
        groups.setdefault(project.strategy_id, StrategyGroup(project.strategy)).projects.append(
            project
        )
    return list(groups.values())


def strategy_heading(strategy) -> str:
    return _("Strategy %(number)s %(name)s") % {"number": strategy.number, "name": strategy.name}


def year_heading(year) -> str:
    return _("%(year)s (baht)") % {"year": year}


def p02_column_names() -> list[str]:
    """Row one of ผ.02's headings: the columns in the regulation's order ("งบประมาณ" once, over
    the five plan years)."""
    return [
        pgettext("plan form", "No."),
        pgettext("plan form", "Project"),
        pgettext("plan form", "Objective"),
        pgettext("plan form", "Target (output of the project)"),
        pgettext("plan form", "Budget"),
        *[""] * (len(BUDGET_FIELDS) - 1),
        pgettext("plan form", "Indicator (KPI)"),
        pgettext("plan form", "Expected result"),
        pgettext("plan form", "Main responsible unit"),
    ]


def project_title(project) -> str:
    """The project's name, with its village when it is for one."""
    if project.village_id is None:
        return project.title
    return f"{project.title} ({project.village})"


def p02_text_cells(project) -> tuple[list[str], list[str]]:
    """A project's texts before the budgets (number, project, objective, target) and after them
    (indicator, expected result, responsible unit)."""
    before = [project.number, project_title(project), project.objective, project.output_target]
    after = [project.indicator, project.expected_result, project.responsible_unit]
    return before, after


def heading_lines(edition, form_name, title) -> list[str]:
    return [form_name, title, str(edition), edition.organization.name]


def p02_heading_lines(edition):
    return heading_lines(edition, _("Form P.02"), _("Details of development projects"))


def p01_heading_lines(edition):
    return heading_lines(edition, _("Form P.01"), _("Summary of development projects"))


def _bold_row(sheet, row, wrap=True):
    for cell in sheet[row]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=wrap, vertical="center", horizontal="center")


def _start_sheet(title, lines):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for line in lines:
        sheet.append([line])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    return workbook, sheet


def p02_workbook(edition) -> Workbook:
    years = edition.cycle.plan_years
    budget_count = len(BUDGET_FIELDS)
    last_column = P02_BUDGET_COLUMN + budget_count + 2
    workbook, sheet = _start_sheet(pgettext("plan form", "P.02"), p02_heading_lines(edition))
    sheet.append(p02_column_names())
    sheet.append([""] * (P02_BUDGET_COLUMN - 1) + [year_heading(year) for year in years])
    top, below = P02_HEADER_ROW, P02_HEADER_ROW + 1
    first_budget = get_column_letter(P02_BUDGET_COLUMN)
    last_budget = get_column_letter(P02_BUDGET_COLUMN + budget_count - 1)
    sheet.merge_cells(f"{first_budget}{top}:{last_budget}{top}")
    for column in [
        *range(1, P02_BUDGET_COLUMN),
        *range(P02_BUDGET_COLUMN + budget_count, last_column + 1),
    ]:
        letter = get_column_letter(column)
        sheet.merge_cells(f"{letter}{top}:{letter}{below}")
    _bold_row(sheet, top)
    _bold_row(sheet, below)
    sheet.freeze_panes = f"A{below + 1}"
    for group in by_strategy(edition_projects(edition)):
        sheet.append([strategy_heading(group.strategy)])
        sheet.cell(sheet.max_row, 1).font = Font(bold=True)
        sheet.merge_cells(f"A{sheet.max_row}:{get_column_letter(last_column)}{sheet.max_row}")
        for project in group.projects:
            before, after = p02_text_cells(project)
            values = [*before, *project.budgets(), *after]
            sheet.append(values)
            for cell in sheet[sheet.max_row]:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            for cell in sheet[sheet.max_row][
                P02_BUDGET_COLUMN - 1 : P02_BUDGET_COLUMN - 1 + budget_count
            ]:
                cell.number_format = MONEY_FORMAT
    for column, width in enumerate((6, 30, 28, 28, *[14] * budget_count, 22, 24, 18), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    return workbook


@dataclass
class P01Summary:
    groups: list[StrategyGroup]
    years: list[int]

    def rows(self):
        """Per strategy: its heading, then (count, budget) per plan year and for the five."""
        for group in self.groups:
            yield (
                strategy_heading(group.strategy),
                self._cells(group.project_counts(), group.budget_totals(), len(group.projects)),
            )

    def totals(self):
        counts = [sum(g.project_counts()[y] for g in self.groups) for y in range(len(self.years))]
        budgets = [
            sum((g.budget_totals()[y] for g in self.groups), Decimal(0))
            for y in range(len(self.years))
        ]
        return self._cells(counts, budgets, sum(len(g.projects) for g in self.groups))

    @staticmethod
    def _cells(counts, budgets, projects):
        pairs = list(zip(counts, budgets, strict=True))
        pairs.append((projects, sum(budgets, Decimal(0))))
        return pairs


def p01_summary(edition) -> P01Summary:
    return P01Summary(by_strategy(edition_projects(edition)), edition.cycle.plan_years)


def p01_year_headings(years) -> list[str]:
    return [_("Year %(year)s") % {"year": year} for year in years] + [
        _("Total %(count)s years") % {"count": len(years)}
    ]


def p01_workbook(edition) -> Workbook:
    summary = p01_summary(edition)
    workbook, sheet = _start_sheet(pgettext("plan form", "P.01"), p01_heading_lines(edition))
    top = sheet.max_row + 1
    headings = p01_year_headings(summary.years)
    sheet.append(
        [pgettext("plan form", "Strategy")]
        + [cell for heading in headings for cell in (heading, "")]
    )
    sheet.append(
        [""]
        + [pgettext("plan form", "Projects"), pgettext("plan form", "Budget (baht)")]
        * len(headings)
    )
    sheet.merge_cells(f"A{top}:A{top + 1}")
    for n in range(len(headings)):
        first = get_column_letter(2 + 2 * n)
        second = get_column_letter(3 + 2 * n)
        sheet.merge_cells(f"{first}{top}:{second}{top}")
    _bold_row(sheet, top)
    _bold_row(sheet, top + 1)
    sheet.freeze_panes = f"B{top + 2}"

    def append(label, pairs, bold=False):
        sheet.append([label] + [v for pair in pairs for v in pair])
        for n, cell in enumerate(sheet[sheet.max_row]):
            cell.font = Font(bold=bold)
            if n and n % 2 == 0:
                cell.number_format = MONEY_FORMAT

    for label, pairs in summary.rows():
        append(label, pairs)
    append(pgettext("plan form", "Total"), summary.totals(), bold=True)
    sheet.column_dimensions["A"].width = 40
    for column in range(2, 2 + 2 * len(headings)):
        sheet.column_dimensions[get_column_letter(column)].width = 10 if column % 2 == 0 else 16
    return workbook


def filename(edition, form) -> str:
    """p02-2571-first-1-2571-7.xlsx: ASCII, unique per edition."""
    return (
        f"{form}-{edition.cycle.first_year_be}-{edition.kind}-{edition.number}-"
        f"{edition.year_be}-{edition.pk}.xlsx"
    )


def p02_xlsx_response(edition):
    return workbook_download(p02_workbook(edition), filename(edition, "p02"))


def p01_xlsx_response(edition):
    return workbook_download(p01_workbook(edition), filename(edition, "p01"))
