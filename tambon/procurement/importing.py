"""Reading the monthly procurement list that staff export from other systems (e-GP, Excel).

The file is read twice: once for the preview (every row checked, nothing saved) and again,
a chunk at a time, while importing. A row that cannot be used is reported with its line
number and the reason in Thai; the other rows are still imported. The same e-GP project
number updates the existing project instead of adding a second one.

The columns are documented in docs/procurement.md and on the upload page (COLUMNS below).
"""

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tambon.thai.dates import is_buddhist_year, read_date
from tambon.thai.digits import to_arabic_digits
from tambon.thai.fiscal import fiscal_year

from .models import Bid, ImportJob, Method, ProcurementProject, Status

MAX_FILE_BYTES = 5 * 1024 * 1024
CHUNK_SIZE = 100
PREVIEW_ROWS = 10


@dataclass(frozen=True)
class Column:
    key: str
    heading: str  # the Thai heading staff write in the first row
    required: bool
    description: str


COLUMNS = [
    Column(
        "egp_number",
        "เลขที่โครงการ",
        False,
        gettext_lazy(
            "e-GP project number. A row with a number already imported updates that project."
        ),
    ),
    Column("title", "งานที่จัดซื้อหรือจัดจ้าง", True, gettext_lazy("What is bought or hired.")),
    Column(
        "fiscal_year",
        "ปีงบประมาณ",
        False,
        gettext_lazy(
            "Fiscal year in Buddhist Era, e.g. 2568. Empty: the fiscal year of the contract date."
        ),
    ),
    Column(
        "method",
        "วิธีซื้อหรือจ้าง",
        True,
        gettext_lazy(
            "e-bidding, e-market, คัดเลือก or เฉพาะเจาะจง (the Thai names with or without วิธี)."
        ),
    ),
    Column("budget", "วงเงิน", True, gettext_lazy("Budget in baht, e.g. 2,500,000.00")),
    Column("reference_price", "ราคากลาง", False, gettext_lazy("Median price in baht.")),
    Column(
        "bids",
        "ผู้เสนอราคา",
        False,
        gettext_lazy(
            "Bidders and their prices separated by semicolons: ร้าน ก: 10,000; ร้าน ข: 10,500"
        ),
    ),
    Column("winner", "ผู้ได้รับคัดเลือก", False, gettext_lazy("The selected supplier.")),
    Column("agreed_price", "ราคาที่ตกลง", False, gettext_lazy("Agreed price in baht.")),
    Column(
        "selection_reason",
        "เหตุผลที่คัดเลือก",
        False,
        gettext_lazy("Reason for the selection, in brief."),
    ),
    Column(
        "contract_number",
        "เลขที่สัญญา",
        False,
        gettext_lazy("Number of the contract or purchase order."),
    ),
    Column(
        "contract_date",
        "วันที่สัญญา",
        False,
        gettext_lazy("Date of the contract: 14/03/2565 (Buddhist Era) or 2022-03-14 (ISO)."),
    ),
]
COLUMN_BY_NAME = {name: column for column in COLUMNS for name in (column.key, column.heading)}
MONEY_KEYS = {"budget", "reference_price", "agreed_price"}
MAX_MONEY = Decimal("999999999999.99")

# Method names as staff type them, compared without spaces, dashes, brackets or case.
METHOD_NAMES = {
    "ebidding": Method.E_BIDDING,
    "ประกวดราคาอิเล็กทรอนิกส์": Method.E_BIDDING,
    "emarket": Method.E_MARKET,
    "ตลาดอิเล็กทรอนิกส์": Method.E_MARKET,
    "selection": Method.SELECTION,
    "คัดเลือก": Method.SELECTION,
    "specific": Method.SPECIFIC,
    "เฉพาะเจาะจง": Method.SPECIFIC,
}
_METHOD_NOISE = re.compile(r"[\s\-_()]+")
_AMOUNT = re.compile(r"(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?", re.ASCII)
_BRACKETED = re.compile(r"\(.*?\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the clerk."""


@dataclass
class ParsedRow:
    line: int
    cells: dict  # column key -> the text as written
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)

    @property
    def reason(self) -> str:
        return "; ".join(self.errors)


@dataclass
class ParsedFile:
    encoding: str
    columns: list
    rows: list

    @property
    def good_rows(self):
        return [row for row in self.rows if not row.errors]

    @property
    def bad_rows(self):
        return [row for row in self.rows if row.errors]


# --- Reading the file ----------------------------------------------------------------------


def decode(content: bytes) -> tuple[str, str]:
    """The text and the encoding's name; Thai Excel saves Windows-874 (a superset of TIS-620)."""
    if not content.strip():
        raise ImportFileError(_("The file is empty."))
    if b"\x00" in content:
        raise ImportFileError(_("This is not a CSV text file. Save the list as CSV and try again."))
    try:
        text, encoding = content.decode("utf-8-sig"), "UTF-8"
    except UnicodeDecodeError:
        try:
            text, encoding = content.decode("cp874"), "Windows-874"
        except UnicodeDecodeError:
            raise ImportFileError(
                _("The file is neither UTF-8 nor Windows-874 (TIS-620) text. Save it as CSV.")
            ) from None
    if _CONTROL.search(text):
        raise ImportFileError(_("This is not a CSV text file. Save the list as CSV and try again."))
    return text, encoding


def _header_keys(cells):
    return [COLUMN_BY_NAME.get(cell.replace("\ufeff", "").strip().lower()) for cell in cells]


def _pick_delimiter(first_line: str) -> str:
    """Comma unless another separator gives more known headings (some exports use ; or tab)."""
    best, best_count = ",", -1
    for delimiter in (",", ";", "\t"):
        cells = next(csv.reader([first_line], delimiter=delimiter), [])
        count = sum(1 for key in _header_keys(cells) if key)
        if count > best_count:
            best, best_count = delimiter, count
    return best


def parse_file(content: bytes) -> ParsedFile:
    if len(content) > MAX_FILE_BYTES:
        raise ImportFileError(_("The file is larger than 5 MB. Split it into smaller files."))
    text, encoding = decode(content)
    first_line = text.lstrip().splitlines()[0] if text.strip() else ""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_pick_delimiter(first_line))
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
        if header is None:
            raise ImportFileError(_("The file is empty."))
        columns = _header_keys(header)
        found = {column.key for column in columns if column}
        missing = [
            column.heading for column in COLUMNS if column.required and column.key not in found
        ]
        if missing:
            raise ImportFileError(
                _("The first row must name the columns. Missing: %(columns)s")
                % {"columns": ", ".join(missing)}
            )
        rows = []
        last_line = reader.line_num
        for cells in reader:
            line, last_line = last_line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            named = {
                column.key: cell.strip()
                for column, cell in zip(columns, cells, strict=False)
                if column is not None
            }
            rows.append(check_row(ParsedRow(line, named)))
    except csv.Error as error:
        raise ImportFileError(
            _("The file is not valid CSV near line %(line)s.") % {"line": reader.line_num}
        ) from error
    return ParsedFile(encoding, [column.key for column in columns if column], rows)


# --- Checking a row ------------------------------------------------------------------------


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


# 14/03/2565 or 14 มีนาคม 2565 (Buddhist Era), or year first: 2022-03-14, 2565-03-14.
parse_date = read_date


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
                values[key] = parse_date(text)
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


# --- Saving --------------------------------------------------------------------------------

PROJECT_KEYS = (
    "egp_number",
    "title",
    "method",
    "budget",
    "reference_price",
    "winner",
    "agreed_price",
    "selection_reason",
    "contract_number",
    "contract_date",
)


def save_row(values: dict) -> str:
    """Create or update one project from a checked row; "imported" or "updated"."""
    egp_number = values.get("egp_number", "")
    project = (
        ProcurementProject.objects.filter(egp_number=egp_number).first() if egp_number else None
    )
    outcome = "updated" if project else "imported"
    if project is None:
        project = ProcurementProject(status=Status.INVITED)
    for key in PROJECT_KEYS:
        if key in values:
            setattr(project, key, values[key])
    if values.get("fiscal_year"):
        project.fiscal_year = values["fiscal_year"]
    elif not project.fiscal_year:
        project.fiscal_year = fiscal_year(project.contract_date)  # None: today's
    if project.status != Status.CANCELLED and project.winner:
        project.status = Status.CONTRACTED if project.contract_date else Status.AWARDED
    project.full_clean(exclude=["division"], validate_constraints=False)
    project.save()
    if "bids" in values:
        project.bids.all().delete()
        Bid.objects.bulk_create(
            Bid(project=project, bidder=bidder, price=price, sort_order=index)
            for index, (bidder, price) in enumerate(values["bids"])
        )
    return outcome


def _saving_error(error) -> str:
    if isinstance(error, ValidationError):
        messages = []
        for field_name, field_errors in error.message_dict.items():
            label = field_name
            if field_name != "__all__":
                label = str(ProcurementProject._meta.get_field(field_name).verbose_name)
            messages.extend(f"{label}: {message}" for message in field_errors)
        return "; ".join(messages)
    return _("The row could not be saved")


def run_chunk(job_id: int, chunk_size: int | None = None) -> ImportJob:
    """Import the next rows of a running job in one transaction; the job row is locked so
    two refreshing browsers cannot import the same rows twice."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().get(pk=job_id)
        if job.state != ImportJob.State.RUNNING:
            return job
        rows = parse_file(bytes(job.content)).rows
        chunk = rows[job.next_row : job.next_row + (chunk_size or CHUNK_SIZE)]
        for row in chunk:
            if row.errors:
                job.rejected.append({"line": row.line, "reason": row.reason})
                continue
            try:
                with transaction.atomic():
                    outcome = save_row(row.values)
            except (ValidationError, DatabaseError) as error:
                job.rejected.append({"line": row.line, "reason": _saving_error(error)})
                continue
            if outcome == "updated":
                job.updated += 1
            else:
                job.imported += 1
        job.next_row += len(chunk)
        job.total_rows = len(rows)
        if job.next_row >= job.total_rows:
            job.state = ImportJob.State.DONE
            job.finished_at = timezone.now()
        job.save()
    return job
