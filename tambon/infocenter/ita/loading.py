"""Loading an organization's ITA item lists: from the CSV files in data/, from an imported CSV, or
by copying a year. Every loader looks before it writes: an existing year's items are never changed
or deleted. Each organization has its own lists (its evidence is linked to its own items).

CSV format (UTF-8, first line is the header): indicator_code, indicator_title, code, title,
needs_current_year (yes/no), required_elements, and optionally guide and topic (core/ita/topics.py).
"""

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from tambon.core.ita.topics import ItaTopic

from ..models import ItaIndicator, ItaItem, ItaYear

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Fiscal year -> the file of its items. FY 2565 used the list of FY 2564 unchanged.
BUILT_IN_YEARS = {2564: "ita_2564.csv", 2565: "ita_2564.csv", 2568: "ita_2568.csv"}
REQUIRED_COLUMNS = ["indicator_code", "indicator_title", "code", "title", "needs_current_year"]
CODE_PATTERN = re.compile(r"^O[1-9][0-9]*$")
TRUE_VALUES = {"yes", "y", "true", "1", "ใช่"}
FALSE_VALUES = {"no", "n", "false", "0", "", "ไม่ใช่"}


class ItemListError(Exception):
    """The item list cannot be loaded; `problems` says why, one sentence per problem."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass
class ItemRow:
    indicator_code: str
    indicator_title: str
    code: str
    title: str
    needs_current_year: bool
    required_elements: str = ""
    guide: str = ""
    topic: str = ""


def year_title(fiscal_year):
    return f"ITA ปีงบประมาณ พ.ศ. {fiscal_year}"


def read_rows(path):
    """Read and check a CSV file; raises ItemListError with every bad row (line numbers)."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            records = list(reader)
            header = reader.fieldnames or []
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise ItemListError([_("The file cannot be read: %(error)s") % {"error": error}]) from None
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ItemListError(
            [_("The file lacks the columns: %(columns)s") % {"columns": ", ".join(missing)}]
        )
    if not records:
        raise ItemListError([_("The file has no items.")])
    rows, problems, seen, indicator_titles = [], [], {}, {}
    for line, record in enumerate(records, start=2):
        value = {key: (text or "").strip() for key, text in record.items() if key}
        code = value["code"].upper()
        row_problems = []
        if not code:
            row_problems.append(_("Row %(row)s: the item code is missing.") % {"row": line})
        elif not CODE_PATTERN.match(code):
            row_problems.append(
                _("Row %(row)s: the item code %(code)s is not like O1, O2 ...")
                % {"row": line, "code": code}
            )
        elif code in seen:
            row_problems.append(
                _("Row %(row)s: the item code %(code)s is already used in row %(first)s.")
                % {"row": line, "code": code, "first": seen[code]}
            )
        else:
            seen[code] = line
        if not value["title"]:
            row_problems.append(_("Row %(row)s: the item title is missing.") % {"row": line})
        if not value["indicator_code"] or not value["indicator_title"]:
            row_problems.append(_("Row %(row)s: the indicator is missing.") % {"row": line})
        elif (
            indicator_titles.setdefault(value["indicator_code"], value["indicator_title"])
            != (value["indicator_title"])
        ):
            row_problems.append(
                _("Row %(row)s: indicator %(indicator)s has another title in an earlier row.")
                % {"row": line, "indicator": value["indicator_code"]}
            )
        flag = value["needs_current_year"].lower()
        if flag not in TRUE_VALUES | FALSE_VALUES:
            row_problems.append(
                _("Row %(row)s: needs_current_year must be yes or no.") % {"row": line}
            )
        topic = value.get("topic", "").lower()
        if topic and topic not in ItaTopic.values:
            row_problems.append(
                _("Row %(row)s: the topic %(topic)s is not one of the known topics.")
                % {"row": line, "topic": topic}
            )
        if row_problems:
            problems.extend(row_problems)
            continue
        rows.append(
            ItemRow(
                indicator_code=value["indicator_code"],
                indicator_title=value["indicator_title"],
                code=code,
                title=value["title"],
                needs_current_year=flag in TRUE_VALUES,
                required_elements=value.get("required_elements", ""),
                guide=value.get("guide", ""),
                topic=topic,
            )
        )
    if problems:
        raise ItemListError(problems)
    return rows


@transaction.atomic
def load_year(organization, fiscal_year, rows, title=""):
    """Create a fiscal year of the organization with its items. Returns the year, or None if it
    already has items."""
    year, _created = ItaYear.objects.for_organization(organization).get_or_create(
        fiscal_year=fiscal_year, defaults={"title": title or year_title(fiscal_year)}
    )
    if year.items.exists() or year.indicators.exists():
        return None
    indicators = {}
    for order, row in enumerate(rows):
        indicator = indicators.get(row.indicator_code)
        if indicator is None:
            indicator = indicators[row.indicator_code] = add_indicator(
                year, row.indicator_code, row.indicator_title, sort_order=len(indicators)
            )
        add_item(indicator, row, sort_order=order)
    return year


def add_indicator(year, code, title, sort_order):
    indicator = ItaIndicator(year=year, code=code, title=title, sort_order=sort_order)
    indicator.save()  # of the year's organization (organization_parent)
    return indicator


# What an item says, the same in a CSV row (ItemRow) and in an item of another year.
ITEM_FIELDS = ("code", "title", "topic", "needs_current_year", "required_elements", "guide")


def add_item(indicator, source, sort_order):
    fields = {name: getattr(source, name) for name in ITEM_FIELDS}
    item = ItaItem(indicator=indicator, year=indicator.year, sort_order=sort_order, **fields)
    item.save()  # of the indicator's organization (organization_parent)
    return item


def load_ita_items(organization):
    """Load the built-in lists (FY 2564, 2565, 2568) for the organization. Returns
    {fiscal year: loaded?}."""
    return {
        fiscal_year: load_year(organization, fiscal_year, read_rows(DATA_DIR / name)) is not None
        for fiscal_year, name in BUILT_IN_YEARS.items()
    }


def built_in_rows_for(fiscal_year):
    """The built-in list a fiscal year uses: its own, else that of the newest built-in year
    before it (a year keeps the last list until the NACC publishes a new one), else the
    oldest."""
    known = sorted(BUILT_IN_YEARS)
    earlier = [year for year in known if year <= fiscal_year]
    return read_rows(DATA_DIR / BUILT_IN_YEARS[earlier[-1] if earlier else known[0]])


def import_items(organization, fiscal_year, path):
    """Load a new fiscal year of the organization from a CSV file, all or nothing."""
    items = ItaItem.objects.for_organization(organization)
    if items.filter(year__fiscal_year=fiscal_year).exists():
        raise ItemListError(
            [
                _("Fiscal year %(year)s already has ITA items; nothing was loaded.")
                % {"year": fiscal_year}
            ]
        )
    return load_year(organization, fiscal_year, read_rows(path))


@transaction.atomic
def copy_year(organization, source_year, target_year):
    """Copy the indicators and items (not the evidence) of one of the organization's years to a
    new year of the organization."""
    years = ItaYear.objects.for_organization(organization)
    source = years.filter(fiscal_year=source_year).first()
    if source is None:
        raise ItemListError(
            [_("Fiscal year %(year)s has no ITA items to copy.") % {"year": source_year}]
        )
    if years.filter(fiscal_year=target_year).exists():
        raise ItemListError(
            [_("Fiscal year %(year)s already exists; nothing was copied.") % {"year": target_year}]
        )
    title = source.title.replace(str(source_year), str(target_year))
    if title == source.title:
        title = year_title(target_year)
    target = years.create(fiscal_year=target_year, title=title, notes=source.notes)
    for indicator in source.indicators.order_by("sort_order").prefetch_related("items"):
        copy = add_indicator(target, indicator.code, indicator.title, indicator.sort_order)
        for item in indicator.items.order_by("sort_order"):
            add_item(copy, item, sort_order=item.sort_order)
    return target
