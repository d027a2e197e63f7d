"""The plan's public pages: the editions and the projects in force, forms ผ.01 and ผ.02 to
print and as XLSX, what an edition changed; another organization's edition is not found."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import EditionKind, PlanProject
from tambon.participation.plan_editions import copy_edition
from tambon.participation.plan_exports import P02_HEADER_ROW

from .factories import (
    PlanCycleFactory,
    PlanEditionFactory,
    PlanProjectFactory,
    StrategyFactory,
    VillageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition(site):
    cycle = PlanCycleFactory(name="แผนพัฒนาท้องถิ่น (พ.ศ. 2571-2575)", first_year_be=2571)
    edition = PlanEditionFactory(cycle=cycle)
    roads = StrategyFactory(number=1, name="การพัฒนาโครงสร้างพื้นฐาน")
    people = StrategyFactory(number=2, name="การพัฒนาคุณภาพชีวิต")
    PlanProjectFactory(
        edition=edition,
        strategy=roads,
        number=1,
        title="ก่อสร้างถนน คสล. สายหนองบัว",
        village=VillageFactory(number=3, name="บ้านหนองบัว"),
        budget_year_1=Decimal("500000"),
        budget_year_2=None,
        budget_year_3=Decimal("1250.50"),
    )
    PlanProjectFactory(edition=edition, strategy=roads, number=2, title="ขยายเขตประปา")
    PlanProjectFactory(
        edition=edition,
        strategy=people,
        number=1,
        title='=HYPERLINK("http://x.example")',
        budget_year_1=Decimal("30000"),
        budget_year_2=None,
    )
    return edition


def url(edition, tail):
    return f"/participation/{edition.cycle_id}/plan/{edition.pk}/{tail}"


def sheet_of(response):
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def row_values(sheet, row):
    return [cell.value for cell in sheet[row]]


def test_p02_xlsx_has_the_regulations_columns_in_order_and_numbers_for_budgets(client, edition):
    sheet = sheet_of(client.get(url(edition, "p02.xlsx")))
    assert sheet["A1"].value == "แบบ ผ.02"
    assert sheet["B1"].value is None
    header = row_values(sheet, P02_HEADER_ROW)
    assert header[:5] == [
        "ที่",
        "โครงการ",
        "วัตถุประสงค์",
        "เป้าหมาย (ผลผลิตของโครงการ)",
        "งบประมาณ",
    ]
    assert header[9:] == ["ตัวชี้วัด (KPI)", "ผลที่คาดว่าจะได้รับ", "หน่วยงานรับผิดชอบหลัก"]
    years = row_values(sheet, P02_HEADER_ROW + 1)[4:9]
    assert years == [f"{year} (บาท)" for year in range(2571, 2576)]
    rows = [row_values(sheet, n) for n in range(P02_HEADER_ROW + 2, sheet.max_row + 1)]
    assert rows[0][0] == "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน"
    road = rows[1]
    assert road[0] == 1
    assert road[1] == "ก่อสร้างถนน คสล. สายหนองบัว (หมู่ที่ 3 บ้านหนองบัว)"
    assert road[4:9] == [500000, None, 1250.5, None, None]
    assert road[9:] == ["ร้อยละของครัวเรือนที่พึงพอใจ", "ประชาชนสัญจรได้ตลอดปี", "กองช่าง"]
    assert rows[2][1] == "ขยายเขตประปา"
    assert rows[3][0] == "ยุทธศาสตร์ที่ 2 การพัฒนาคุณภาพชีวิต"
    # A title that looks like a formula stays text.
    assert rows[4][1] == '=HYPERLINK("http://x.example")'
    assert sheet.cell(P02_HEADER_ROW + 6, 2).data_type == "s"


def test_p02_prints_on_a4_landscape_with_thai_digits_when_asked(client, edition):
    text = client.get(url(edition, "p02/")).content.decode()
    assert "แบบ ผ.02" in text
    assert "รายละเอียดโครงการพัฒนา" in text
    assert "ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน" in text
    assert "2571 (บาท)" in text
    assert "500,000" in text and "1,250.50" in text
    assert "หน่วยงานรับผิดชอบหลัก" in text
    assert url(edition, "p02.xlsx") in text
    thai = client.get(url(edition, "p02/") + "?numerals=thai").content.decode()
    assert "๕๐๐,๐๐๐" in thai and "๒๕๗๑ (บาท)" in thai
    assert "500,000" not in thai


def test_p01_sums_projects_and_budgets_per_strategy_and_year(client, edition):
    text = client.get(url(edition, "p01/")).content.decode()
    assert "แบบ ผ.01" in text and "บัญชีสรุปโครงการพัฒนา" in text
    sheet = sheet_of(client.get(url(edition, "p01.xlsx")))
    rows = {row[0]: row[1:] for row in sheet.iter_rows(values_only=True) if row[0]}
    roads = rows["ยุทธศาสตร์ที่ 1 การพัฒนาโครงสร้างพื้นฐาน"]
    # year 2571: two projects, 500,000 + 500,000 (the factory's); year 2572: one, 250,000.
    assert roads[0:4] == (2, 1000000, 1, 250000)
    total = rows["รวม"]
    assert total[0:2] == (3, 1030000)
    assert total[-2:] == (3, 1030000 + 250000 + 1250.5)
    assert "ปี 2571" in rows["ยุทธศาสตร์"]


def test_the_plan_page_shows_the_approved_edition_and_links_its_forms(client, edition):
    draft = copy_edition(edition, kind=EditionKind.ADDITIONAL, number=1, year_be=2572)
    PlanProject.objects.for_organization(draft.organization).filter(edition=draft).update(
        title="ชื่อในฉบับร่าง"
    )
    edition.approved_on = "2027-06-01"
    edition.save()
    text = client.get(f"/participation/{edition.cycle_id}/plan/").content.decode()
    assert "เพิ่มเติม ครั้งที่ 1/2572" in text
    assert "ยังไม่อนุมัติ" in text
    assert "1 มิถุนายน 2570" in text
    assert "ก่อสร้างถนน คสล. สายหนองบัว" in text
    assert "ชื่อในฉบับร่าง" not in text
    assert url(draft, "changes/") in text
    assert url(edition, "p02/") in text


def test_the_changes_page_lists_added_removed_and_changed_columns(client, edition):
    amended = copy_edition(edition, kind=EditionKind.AMENDED, number=1, year_be=2572)
    rows = PlanProject.objects.for_organization(edition.organization).filter(edition=amended)
    road = rows.get(title="ก่อสร้างถนน คสล. สายหนองบัว")
    road.budget_year_2 = Decimal("80000")
    road.responsible_unit = "กองสาธารณสุข"
    road.save()
    rows.get(title="ขยายเขตประปา").delete()
    PlanProjectFactory(edition=amended, strategy=road.strategy, number=3, title="ลานกีฬาใหม่")
    text = client.get(url(amended, "changes/")).content.decode()
    assert "เพิ่ม 1 โครงการ" in text and "ลานกีฬาใหม่" in text
    assert "ตัดออก 1 โครงการ" in text and "ขยายเขตประปา" in text
    assert "เปลี่ยนแปลง 1 โครงการ" in text
    assert "งบประมาณ 2572 (บาท)" in text and "80,000" in text
    assert "กองช่าง" in text and "กองสาธารณสุข" in text
    assert "ฉบับแรก" in client.get(url(edition, "changes/")).content.decode()
    refused = client.get(url(amended, "changes/") + "?from=abc")
    assert refused.status_code == 200
    assert "ไม่ใช่ฉบับของแผนนี้" in refused.content.decode()


def test_another_organizations_edition_is_not_found(client, edition):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = PlanEditionFactory(cycle=PlanCycleFactory(organization=other))
    for tail in ("p02/", "p02.xlsx", "p01/", "p01.xlsx", "changes/"):
        # Their edition under our cycle, and their cycle: both not found.
        assert (
            client.get(f"/participation/{edition.cycle_id}/plan/{theirs.pk}/{tail}").status_code
            == 404
        )
        assert client.get(url(theirs, tail)).status_code == 404
    assert client.get(f"/participation/{theirs.cycle_id}/plan/").status_code == 404
    assert (
        client.get(
            url(edition, "p02/").replace(str(edition.pk), "99999999999999999999")
        ).status_code
        == 404
    )


def test_an_edition_without_projects_prints_empty_forms(client, site):
    empty = PlanEditionFactory()
    assert "ฉบับนี้ยังไม่มีโครงการ" in client.get(url(empty, "p02/")).content.decode()
    p01 = client.get(url(empty, "p01/")).content.decode()
    assert "รวม" in p01
    sheet = sheet_of(client.get(url(empty, "p02.xlsx")))
    assert sheet.max_row == P02_HEADER_ROW + 1
    assert client.head(url(empty, "p01.xlsx")).status_code == 200
    assert client.post(url(empty, "p02/")).status_code == 405


def test_an_edition_of_another_cycle_is_not_found_under_this_one(client, edition):
    other_cycle = PlanEditionFactory(cycle=PlanCycleFactory(name="แผนอีกรอบ", first_year_be=2566))
    wrong = f"/participation/{edition.cycle_id}/plan/{other_cycle.pk}/p02/"
    assert client.get(wrong).status_code == 404
