"""Loading the ITA item lists: from the CSV files in data/, from an imported CSV, or by copying a
year. Every loader looks before it writes: an existing year's items are never changed or deleted.

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
def load_year(fiscal_year, rows, title=""):
    """Create a fiscal year with its items. Returns the year, or None if it already has items."""
    year, _created = ItaYear.objects.get_or_create(
        fiscal_year=fiscal_year, defaults={"title": title or year_title(fiscal_year)}
    )
    if year.items.exists() or year.indicators.exists():
        return None
    indicators = {}
    for order, row in enumerate(rows):
        indicator = indicators.get(row.indicator_code)
        if indicator is None:
            indicator = indicators[row.indicator_code] = ItaIndicator.objects.create(
                year=year,
                code=row.indicator_code,
                title=row.indicator_title,
                sort_order=len(indicators),
            )
        add_item(indicator, row, sort_order=order)
    return year


# What an item says, the same in a CSV row (ItemRow) and in an item of another year.
ITEM_FIELDS = ("code", "title", "topic", "needs_current_year", "required_elements", "guide")


def add_item(indicator, source, sort_order):
    fields = {name: getattr(source, name) for name in ITEM_FIELDS}
    return ItaItem.objects.create(
        indicator=indicator, year=indicator.year, sort_order=sort_order, **fields
    )


def load_ita_items():
    """Load the built-in lists (FY 2564, 2565, 2568). Returns {fiscal year: loaded?}."""
    return {
        fiscal_year: load_year(fiscal_year, read_rows(DATA_DIR / name)) is not None
        for fiscal_year, name in BUILT_IN_YEARS.items()
    }


def import_items(fiscal_year, path):
    """Load a new fiscal year from a CSV file, all or nothing."""
    if ItaItem.objects.filter(year__fiscal_year=fiscal_year).exists():
        raise ItemListError(
            [
                _("Fiscal year %(year)s already has ITA items; nothing was loaded.")
                % {"year": fiscal_year}
            ]
        )
    return load_year(fiscal_year, read_rows(path))


@transaction.atomic
def copy_year(source_year, target_year):
    """Copy the indicators and items (not the evidence) of one year to a new year."""
    source = ItaYear.objects.filter(fiscal_year=source_year).first()
    if source is None:
        raise ItemListError(
            [_("Fiscal year %(year)s has no ITA items to copy.") % {"year": source_year}]
        )
    if ItaYear.objects.filter(fiscal_year=target_year).exists():
        raise ItemListError(
            [_("Fiscal year %(year)s already exists; nothing was copied.") % {"year": target_year}]
        )
    title = source.title.replace(str(source_year), str(target_year))
    if title == source.title:
        title = year_title(target_year)
    target = ItaYear.objects.create(fiscal_year=target_year, title=title, notes=source.notes)
    for indicator in source.indicators.order_by("sort_order").prefetch_related("items"):
        copy = ItaIndicator.objects.create(
            year=target, code=indicator.code, title=indicator.title, sort_order=indicator.sort_order
        )
        for item in indicator.items.order_by("sort_order"):
            add_item(copy, item, sort_order=item.sort_order)
    return target
