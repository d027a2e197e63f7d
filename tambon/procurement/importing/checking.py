"""Checking one row: amounts in baht, the procurement method, bidders and prices, dates and
fiscal years in the Buddhist Era. Each problem is told in Thai with the column's heading."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from tambon.thai.dates import is_buddhist_year, read_date
from tambon.thai.digits import to_arabic_digits

from ..models import Method
from .columns import COLUMNS, MAX_MONEY, METHOD_NAMES, MONEY_KEYS


@dataclass
class ParsedRow:
    line: int
    cells: dict  # column key -> the text as written
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(self.errors)


_METHOD_NOISE = re.compile(r"[\s\-_()]+")
_AMOUNT = re.compile(r"(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?", re.ASCII)
_BRACKETED = re.compile(r"\(.*?\)")


def parse_money(text: str) -> Decimal:
    """12,000.50 or ๑๒,๐๐๐.๕๐ บาท or 12000 -> Decimal("12000.50"). Commas must group
    thousands and there are at most two decimals, so 12.000,50 is refused, not misread."""
    cleaned = to_arabic_digits(text).replace("บาท", "").replace(" ", "").strip()
    if not _AMOUNT.fullmatch(cleaned):
        raise ValueError(text)
    amount = Decimal(cleaned.replace(",", ""))
    if amount > MAX_MONEY:
        raise ValueError(text)
    return amount.quantize(Decimal("0.01"))


def parse_method(text: str) -> str:
    # "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)": the bracketed part repeats the name.
    name = _METHOD_NOISE.sub("", _BRACKETED.sub("", text) or text).lower()
    name = name.removeprefix("วิธี")
    if name in Method.values:
        return name
    if name in METHOD_NAMES:
        return METHOD_NAMES[name]
    raise ValueError(text)


def parse_bids(text: str) -> list[tuple[str, Decimal]]:
    bids = []
    for part in text.split(";"):
        if not part.strip():
            continue
        bidder, separator, price = part.rpartition(":")
        if not separator or not bidder.strip():
            raise ValueError(part.strip())
        bids.append((bidder.strip(), parse_money(price)))
    return bids


def check_row(row: ParsedRow) -> ParsedRow:
    cells, values, errors = row.cells, row.values, row.errors
    heading = {column.key: column.heading for column in COLUMNS}

    def bad_number(key, text):
        errors.append(
            _("%(column)s: “%(value)s” is not an amount in baht")
            % {"column": heading[key], "value": text}
        )

    for key, text in cells.items():
        if key in MONEY_KEYS:
            if not text:
                values[key] = None
                continue
            try:
                values[key] = parse_money(text)
            except ValueError:
                bad_number(key, text)
        elif key == "method":
            if not text:
                continue  # told below with the other missing values
            try:
                values[key] = parse_method(text)
            except ValueError:
                errors.append(
                    _(
                        "Unknown procurement method “%(value)s” "
                        "(use e-bidding, e-market, คัดเลือก or เฉพาะเจาะจง)"
                    )
                    % {"value": text}
                )
        elif key == "contract_date":
            if not text:
                values[key] = None
                continue
            try:
                values[key] = read_date(text)  # B.E. or year first
            except ValueError:
                errors.append(
                    _("%(column)s: “%(value)s” is not a date (write 14/03/2565 or 2022-03-14)")
                    % {"column": heading[key], "value": text}
                )
        elif key == "fiscal_year":
            if not text:
                continue
            year = to_arabic_digits(text)
            if year.isdigit() and is_buddhist_year(int(year)):
                values[key] = int(year)
            else:
                errors.append(
                    _("%(column)s: “%(value)s” is not a Buddhist Era year such as 2568")
                    % {"column": heading[key], "value": text}
                )
        elif key == "bids":
            try:
                values[key] = parse_bids(text)
            except ValueError as error:
                errors.append(
                    _("%(column)s: “%(value)s” needs a name and a price, as ร้าน ก: 10,000")
                    % {"column": heading[key], "value": error.args[0]}
                )
        else:
            values[key] = text
    if not cells.get("title"):
        errors.insert(0, _("The title of the work is missing"))
    if not cells.get("method"):
        errors.append(_("The procurement method is missing"))
    if not cells.get("budget"):
        errors.append(_("The budget is missing"))
    return row
