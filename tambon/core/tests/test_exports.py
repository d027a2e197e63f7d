"""Every CSV and Excel download shows what people typed as text, never as a formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tambon.core.exports import csv_download, xlsx_download


def csv_cells(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))[1]


@pytest.mark.parametrize(
    "typed",
    ["=1+2", "+66 81 234 5678", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("x")'],
)
def test_text_that_would_run_as_a_formula_is_shown_as_text_in_csv(typed):
    assert csv_cells(csv_download("x.csv", ["a"], [[typed]])) == ["'" + typed]


@pytest.mark.parametrize("kept", ["-1,250.00", "+5", "-", "ข่าว = ประกาศ", "2568-10-01", 42, -3])
def test_numbers_and_ordinary_text_are_written_as_they_are(kept):
    assert csv_cells(csv_download("x.csv", ["a"], [[kept]])) == [str(kept)]


def test_an_excel_cell_typed_as_a_formula_is_stored_as_its_text():
    response = xlsx_download("x.xlsx", "sheet", ["a", "b"], [['=HYPERLINK("x")', 7]])
    sheet = load_workbook(io.BytesIO(response.content)).active
    typed, number = sheet["A2"], sheet["B2"]
    assert (typed.value, typed.data_type) == ('=HYPERLINK("x")', "s")
    assert (number.value, number.data_type) == (7, "n")
