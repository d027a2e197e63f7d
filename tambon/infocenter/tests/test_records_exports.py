"""Records as open data: CSV that Excel opens in Thai, and JSON, with the listing's filters."""

import csv
import datetime
import io
import json

import pytest

from tambon.core.tests.factories import default_organization
from tambon.infocenter.models import InfoRecord
from tambon.infocenter.starter import ensure_folders
from tambon.infocenter.tests.factories import (
    InfoCenterPageFactory,
    InfoRecordFactory,
    RecordCategoryFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def center(home):
    """The information center of an organization with the folders every organization starts
    with (starter.py)."""
    ensure_folders(default_organization())
    return InfoCenterPageFactory(parent=home)


@pytest.fixture
def folder():
    folder = RecordCategoryFactory(name="แฟ้มส่งออก", slug="export-folder")
    InfoRecordFactory(
        title="แผนพัฒนาท้องถิ่น ฉบับทดสอบ",
        category=folder,
        published_on=datetime.date(2024, 10, 1),
        summary='สรุป, มีจุลภาค และ "อัญประกาศ"',
    )
    InfoRecordFactory(
        title="รายงานประจำปี ฉบับทดสอบ", category=folder, published_on=datetime.date(2024, 9, 30)
    )
    return folder


def read_csv(response):
    body = response.content
    assert body.startswith("\ufeff".encode())  # the byte-order mark Excel needs for Thai
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_folder_csv_keeps_thai_text_and_commas(client, center, folder):
    response = client.get(f"{center.url}category/{folder.slug}/csv/")

    rows = read_csv(response)
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert {row["ชื่อเรื่อง"] for row in rows} == {
        "แผนพัฒนาท้องถิ่น ฉบับทดสอบ",
        "รายงานประจำปี ฉบับทดสอบ",
    }
    plan = next(row for row in rows if row["ชื่อเรื่อง"].startswith("แผน"))
    assert plan["สาระสำคัญ"] == 'สรุป, มีจุลภาค และ "อัญประกาศ"'
    assert plan["ปีงบประมาณ"] == "2568"
    assert plan["วันที่เผยแพร่"] == "1 ตุลาคม 2567"


def test_folder_csv_applies_the_year_and_text_filters(client, center, folder):
    by_year = read_csv(client.get(f"{center.url}category/{folder.slug}/csv/?year=2567"))
    by_text = read_csv(client.get(f"{center.url}category/{folder.slug}/csv/?q=แผนพัฒนา"))

    assert [row["ชื่อเรื่อง"] for row in by_year] == ["รายงานประจำปี ฉบับทดสอบ"]
    assert [row["ชื่อเรื่อง"] for row in by_text] == ["แผนพัฒนาท้องถิ่น ฉบับทดสอบ"]


def test_folder_json_lists_records_with_their_stable_addresses_and_files(client, center, folder):
    response = client.get(f"{center.url}category/{folder.slug}/json/?year=2568")

    data = json.loads(response.content)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert data["category"] == {"name": "แฟ้มส่งออก", "slug": "export-folder"}
    assert data["filters"] == {"year": 2568}
    assert data["count"] == 1
    record = data["records"][0]
    assert record["title"] == "แผนพัฒนาท้องถิ่น ฉบับทดสอบ"
    assert record["published_on"] == "2024-10-01"
    assert record["fiscal_year"] == 2568
    page = client.get(record["url"].removeprefix("http://testserver"))
    assert page.status_code == 200 and "แผนพัฒนาท้องถิ่น ฉบับทดสอบ" in page.content.decode()


def test_records_in_json_carry_their_pdf_files(client, center):
    laws = RecordCategoryFactory(name="กฎหมายทดสอบ", slug="test-laws")
    for number in range(5):
        InfoRecordFactory(title=f"พระราชบัญญัติทดสอบ ฉบับที่ {number}", category=laws, with_file=True)

    data = json.loads(client.get(f"{center.url}category/test-laws/json/").content)

    assert data["count"] == 5
    files = data["records"][0]["files"]
    assert files and files[0]["type"] == "PDF" and files[0]["size"] > 0
    download = client.get(files[0]["url"].removeprefix("http://testserver"))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_exports_of_every_record_include_every_folder(client, center, folder):
    InfoRecordFactory(category=RecordCategoryFactory(slug="test-laws"))
    InfoRecordFactory(category=RecordCategoryFactory(slug="test-plans"))
    InfoRecordFactory(category=RecordCategoryFactory(slug="test-drafts"), live=False)

    data = json.loads(client.get(f"{center.url}records/json/").content)
    rows = read_csv(client.get(f"{center.url}records/csv/"))

    folders = {record["category_slug"] for record in data["records"]}
    assert {"test-laws", "export-folder", "test-plans"} <= folders
    assert "test-drafts" not in folders
    assert len(rows) == data["count"] == InfoRecord.objects.all_organizations().live().count() == 4


def test_listing_links_its_exports_with_the_current_filters(client, center, folder):
    html = client.get(f"{center.url}category/{folder.slug}/?year=2568&q=แผน").content.decode()

    assert f'href="{center.url}category/{folder.slug}/csv/?year=2568&amp;q=' in html
    assert f'href="{center.url}category/{folder.slug}/json/?year=2568&amp;q=' in html


def test_information_center_links_the_exports_of_every_record(client, center):
    html = client.get(center.url).content.decode()

    assert f'href="{center.url}records/csv/"' in html
    assert f'href="{center.url}records/json/"' in html


def test_a_bad_filter_in_an_export_is_ignored_not_an_error(client, center, folder):
    response = client.get(f"{center.url}category/{folder.slug}/json/?year=abc&page=x")

    assert response.status_code == 200
    assert json.loads(response.content)["count"] == 2


def test_csv_text_that_looks_like_a_formula_stays_text(client, center, folder):
    InfoRecordFactory(
        title='=HYPERLINK("https://example.com","คลิก")',
        category=folder,
        published_on=datetime.date(2024, 10, 2),
    )

    rows = read_csv(client.get(f"{center.url}category/{folder.slug}/csv/"))
    data = json.loads(client.get(f"{center.url}category/{folder.slug}/json/").content)

    assert '\'=HYPERLINK("https://example.com","คลิก")' in [row["ชื่อเรื่อง"] for row in rows]
    assert '=HYPERLINK("https://example.com","คลิก")' in [r["title"] for r in data["records"]]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("records.csv", "records/csv/"),
        ("records.json", "records/json/"),
        ("category/laws/records.csv", "category/laws/csv/"),
        (
            "category/laws/records.json?year=2568&q=%E0%B8%81",
            "category/laws/json/?year=2568&q=%E0%B8%81",
        ),
    ],
)
def test_the_first_export_addresses_move_permanently_to_the_new_ones(client, center, old, new):
    """<page>/records.csv was published (ITA evidence may link it): it must keep answering."""
    response = client.get(f"{center.url}{old}")

    assert response.status_code == 301
    assert response["Location"] == f"{center.url}{new}"
    assert client.get(response["Location"]).status_code == 200
