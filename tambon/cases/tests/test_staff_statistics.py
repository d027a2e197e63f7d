"""The statistics report in the admin: the public page's figures as CSV and Excel for staff."""

import csv
import datetime
import io

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client
from openpyxl import load_workbook

from tambon.core.exports import XLSX_CONTENT_TYPE
from tambon.thai.dates import BANGKOK

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def two_complaints(new_case):
    for day in (5, 6):
        new_case(now=datetime.datetime(2017, 2, day, 9, tzinfo=BANGKOK))


def test_staff_download_the_figures_as_csv(clerk, two_complaints):
    response = signed_in(clerk).get("/admin/cases/statistics/", {"year": "2560", "export": "csv"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    year = next(r for r in rows if r["kind"] == "complaint" and r["period"] == "12m")
    assert (year["received"], year["in_progress"]) == ("2", "2")


def test_staff_download_the_figures_as_excel_with_one_sheet_per_table(clerk, two_complaints):
    response = signed_in(clerk).get("/admin/cases/statistics/", {"year": "2560", "export": "xlsx"})
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 3
    sheet = workbook.worksheets[0]
    headings = [cell.value for cell in sheet[1]]
    rows = [dict(zip(headings, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    year = next(r for r in rows if r["kind"] == "complaint" and r["period"] == "12m")
    assert year["received"] == 2


def test_the_report_shows_the_summary_of_the_year(clerk):
    response = signed_in(clerk).get("/admin/cases/statistics/", {"year": "2560"})
    assert "ไม่มีเรื่องร้องเรียน" in response.content.decode()


@pytest.mark.parametrize("year", ["abc", "99999", "2560abc"])
def test_a_bad_year_gets_a_thai_message_not_an_error(clerk, year):
    response = signed_in(clerk).get("/admin/cases/statistics/", {"year": year})
    assert response.status_code == 200
    assert "ไม่ใช่ปีงบประมาณ" in response.content.decode()


def test_a_bad_year_is_told_beside_the_form_with_the_year_shown_instead(clerk):
    # 24 November 2026 is in fiscal year 2570 (October 2026 - September 2027).
    with time_machine.travel(datetime.datetime(2026, 11, 24, 9, tzinfo=BANGKOK), tick=False):
        response = signed_in(clerk).get("/admin/cases/statistics/", {"year": "25x"})
    alert = BeautifulSoup(response.content.decode(), "html.parser").select_one("[role=alert]")
    assert alert.get_text(" ", strip=True) == (
        "“25x” ไม่ใช่ปีงบประมาณ โปรดระบุปี พ.ศ. เช่น 2568 ขณะนี้แสดงปีงบประมาณ 2570"
    )


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_a_download_of_a_bad_year_gives_the_page_not_another_years_file(clerk, export):
    response = signed_in(clerk).get("/admin/cases/statistics/", {"year": "abc", "export": export})
    assert response["Content-Type"].startswith("text/html")
    assert "ไม่ใช่ปีงบประมาณ" in response.content.decode()


def test_staff_outside_the_case_groups_are_refused(outsider):
    response = signed_in(outsider).get("/admin/cases/statistics/")
    assert response.status_code in (302, 403)
