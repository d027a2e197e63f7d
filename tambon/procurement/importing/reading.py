"""Reading the uploaded file: its encoding (UTF-8 or Thai Excel's Windows-874), its separator,
the heading row, and every row checked (checking.py). Nothing is saved here."""

import csv
import io
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .checking import ParsedRow, check_row
from .columns import COLUMN_BY_NAME, COLUMNS

MAX_FILE_BYTES = 5 * 1024 * 1024
PREVIEW_ROWS = 10

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the clerk."""


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
