"""Downloads of tables as CSV and Excel files, the same way in every report and listing."""

import csv
import io
import json

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(content, content_type, filename):
    return HttpResponse(
        content,
        content_type=content_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def csv_lines_download(filename, lines):
    """Every line a list of cells. UTF-8 with a byte order mark: without it Excel reads the
    Thai as Windows-874 garbage."""
    buffer = io.StringIO()
    csv.writer(buffer).writerows(lines)
    return attachment(("\ufeff" + buffer.getvalue()).encode("utf-8"), CSV_CONTENT_TYPE, filename)


def csv_download(filename, headings, rows):
    return csv_lines_download(filename, [headings, *rows])


def json_download(filename, data):
    """Open data as JSON, Thai kept readable; shown in the browser rather than saved."""
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"),
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
