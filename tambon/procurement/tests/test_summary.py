"""Form สขร.1 and the annual report are counted from the projects."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tambon.core.tests.factories import default_organization as ours
from tambon.procurement.models import Method, ProcurementProject, Status
from tambon.procurement.summary import annual_report, monthly_summary

from .factories import ProcurementProjectFactory

pytestmark = pytest.mark.django_db

ORG = "องค์การบริหารส่วนตำบลทดสอบ"  # the name of the factory-made organization (``site``)


def test_each_concluded_project_of_the_month_is_one_row_with_its_bids_and_result():
    road = ProcurementProjectFactory(
        title="ก่อสร้างถนนทดสอบ",
        bids=[("หจก. หนึ่ง", "2350000"), ("บริษัท สอง จำกัด", "2395000.5")],
        method=Method.E_BIDDING,
        budget=Decimal("2500000"),
        reference_price=Decimal("2480000"),
        winner="หจก. หนึ่ง",
        agreed_price=Decimal("2350000"),
        contract_number="5/2565",
        contract_date=datetime.date(2022, 3, 20),
    )
    paper = ProcurementProjectFactory(
        title="ซื้อกระดาษทดสอบ", contract_date=datetime.date(2022, 3, 2)
    )

    summary = monthly_summary(ours(), 2022, 3)

    assert [row.project for row in summary.rows] == [paper, road]  # by contract date
    cells = summary.rows[1].text_cells()
    assert cells[0] == "2"
    assert cells[1] == "ก่อสร้างถนนทดสอบ"
    assert cells[2] == "2,500,000.00"
    assert cells[3] == "2,480,000.00"
    assert cells[4] == "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)"
    assert cells[5].splitlines() == [
        "หจก. หนึ่ง ราคา 2,350,000.00 บาท",
        "บริษัท สอง จำกัด ราคา 2,395,000.50 บาท",
    ]
    assert cells[6] == "หจก. หนึ่ง ราคา 2,350,000.00 บาท"
    assert cells[8] == "เลขที่ 5/2565 ลงวันที่ 20 มีนาคม 2565"
    assert summary.title == "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนมีนาคม พ.ศ. 2565"


def test_cancelled_and_unfinished_projects_are_not_in_the_summary():
    ProcurementProjectFactory(title="ยกเลิกแล้ว", status=Status.CANCELLED)
    ProcurementProjectFactory(title="ยังไม่มีผู้ชนะ", winner="", agreed_price=None)
    ProcurementProjectFactory(title="ยังไม่ทำสัญญา", contract_date=None)

    assert monthly_summary(ours(), 2022, 3).rows == []


def test_a_contract_on_30_september_and_one_on_1_october_fall_in_different_months_and_years():
    september = ProcurementProjectFactory(
        title="สัญญาสิ้นปีงบ", contract_date=datetime.date(2022, 9, 30), agreed_price=Decimal("100")
    )
    october = ProcurementProjectFactory(
        title="สัญญาต้นปีงบ", contract_date=datetime.date(2022, 10, 1), agreed_price=Decimal("200")
    )

    assert [row.project for row in monthly_summary(ours(), 2022, 9).rows] == [september]
    assert [row.project for row in monthly_summary(ours(), 2022, 10).rows] == [october]
    assert list(
        ProcurementProject.objects.for_organization(ours()).concluded_in_fiscal_year(2565)
    ) == [september]
    assert list(
        ProcurementProject.objects.for_organization(ours()).concluded_in_fiscal_year(2566)
    ) == [october]
    assert annual_report(ours(), 2565).total == Decimal("100")
    assert annual_report(ours(), 2566).total == Decimal("200")


def test_the_annual_report_counts_projects_and_agreed_amounts_per_method():
    ProcurementProjectFactory(title="ก", agreed_price=Decimal("1000.50"))
    ProcurementProjectFactory(
        title="ข", agreed_price=Decimal("2000"), contract_date=datetime.date(2021, 10, 5)
    )
    ProcurementProjectFactory(title="ค", method=Method.E_BIDDING, agreed_price=Decimal("500000"))

    report = annual_report(ours(), 2565)

    by_method = {line.method: (line.count, line.total) for line in report.lines}
    assert by_method[Method.SPECIFIC] == (2, Decimal("3000.50"))
    assert by_method[Method.E_BIDDING] == (1, Decimal("500000"))
    assert by_method[Method.SELECTION] == (0, Decimal(0))
    assert report.count == 3
    assert report.total == Decimal("503000.50")


def test_summary_csv_is_utf8_with_bom_and_keeps_the_thai(client, procurement_page):
    ProcurementProjectFactory(title="จัดซื้อวัสดุทดสอบภาษาไทย", bids=[("ร้านสมมติ", "9500")])

    response = client.get(procurement_page.url + "summary/2565/3/csv/")

    assert response.status_code == 200
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["แบบ สขร.1"]
    assert rows[2] == [ORG]
    assert len(rows[3]) == len(rows[4]) == 9  # the nine columns of the printed form
    assert rows[3][0] == "ลำดับที่"
    assert rows[3][-1] == "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง"
    assert rows[4][:3] == ["1", "จัดซื้อวัสดุทดสอบภาษาไทย", "10,000.00"]
    assert rows[4][5] == "ร้านสมมติ ราคา 9,500.00 บาท"
    assert rows[4][8] == "เลขที่ 1/2565 ลงวันที่ 14 มีนาคม 2565"
    assert len(rows) == 5  # one project, one line


def test_summary_xlsx_reads_back_with_thai_text_and_numbers(client, procurement_page):
    ProcurementProjectFactory(title="จ้างเหมาทดสอบ", budget=Decimal("12345.67"))

    response = client.get(procurement_page.url + "summary/2565/3/xlsx/")

    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "แบบ สขร.1"
    assert values[1][0] == "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนมีนาคม พ.ศ. 2565"
    assert values[2][0] == ORG
    assert len(values[3]) == len(values[4]) == 9
    assert values[3][1] == "งานที่จัดซื้อหรือจัดจ้าง"
    assert values[4][1] == "จ้างเหมาทดสอบ"
    assert values[4][2] == pytest.approx(12345.67)
    assert values[4][4] == "เฉพาะเจาะจง"
    assert values[4][8] == "เลขที่ 1/2565 ลงวันที่ 14 มีนาคม 2565"


def test_a_month_without_procurement_says_so_in_every_format(client, procurement_page):
    ProcurementProjectFactory(title="สัญญาเดือนมีนาคม", contract_date=datetime.date(2022, 3, 1))
    base = procurement_page.url + "summary/2565/2/"

    page = client.get(base).content.decode()
    text = client.get(base + "csv/").content.decode("utf-8-sig")
    sheet = load_workbook(io.BytesIO(client.get(base + "xlsx/").content)).active

    assert "ไม่มีการจัดซื้อจัดจ้าง" in page
    assert "กุมภาพันธ์ พ.ศ. 2565" in page
    assert "ไม่มีการจัดซื้อจัดจ้าง" in text
    assert "ไม่มีการจัดซื้อจัดจ้าง" in [cell.value for row in sheet.iter_rows() for cell in row]
    assert "สัญญาเดือนมีนาคม" not in page + text  # the next month's project stays in its month


def test_a_winner_without_an_agreed_price_is_shown_without_an_empty_amount():
    ProcurementProjectFactory(title="ยังไม่ระบุราคา", winner="ร้านทดสอบราคา", agreed_price=None)

    (row,) = monthly_summary(ours(), 2022, 3).rows

    assert row.text_cells()[6] == "ร้านทดสอบราคา"
