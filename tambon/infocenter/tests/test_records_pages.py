"""The public information center: folders, filtered listings and record pages."""

import datetime

import pytest

from tambon.core.tests.factories import default_organization
from tambon.core.tests.test_pagecache import app, get  # noqa: F401 - the WSGI app fixture
from tambon.infocenter.models import RecordCategory
from tambon.infocenter.starter import ensure_folders
from tambon.infocenter.tests.factories import (
    InfoCenterPageFactory,
    InfoRecordFactory,
    InfoRecordFileFactory,
    PdfDocumentFactory,
    RecordCategoryFactory,
)
from tambon.people.tests.factories import DivisionFactory

pytestmark = pytest.mark.django_db

LAWS = [
    "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
    "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
    "พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
    "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537",
    "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
    "พระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจ พ.ศ. 2542",
    "พระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561",
]


@pytest.fixture
def center(home):
    """The information center of an organization with the folders every organization starts
    with (starter.py)."""
    ensure_folders(default_organization())
    return InfoCenterPageFactory(parent=home)


@pytest.fixture
def laws(center):
    """The laws in the organization's "laws" folder, each with its PDF, published in January
    2023 (fiscal year 2566)."""
    folder = RecordCategory.objects.for_organization(default_organization()).get(slug="laws")
    return [
        InfoRecordFactory(
            title=title, category=folder, published_on=datetime.date(2023, 1, 16), with_file=True
        )
        for title in LAWS
    ]


@pytest.fixture
def folder():
    return RecordCategoryFactory(name="แฟ้มทดสอบ", slug="test-folder")


def add_record(folder, title, published_on, **fields):
    return InfoRecordFactory(title=title, category=folder, published_on=published_on, **fields)


def listing(client, center, folder, query=""):
    return client.get(f"{center.url}category/{folder.slug}/{query}").content.decode()


def test_information_center_shows_the_law_folders_and_the_laws(client, center):
    html = client.get(center.url).content.decode()

    assert "ข้อมูลข่าวสารตามมาตรา 7" in html
    assert "ข้อมูลข่าวสารตามมาตรา 9" in html
    assert f'href="{center.url}category/laws/"' in html
    assert "กฎหมายที่เกี่ยวข้อง" in html


def test_the_section_7_folder_explains_what_the_law_requires_and_lists_its_sub_folders(
    client, center
):
    html = client.get(f"{center.url}category/oia-section-7/").content.decode()

    assert "<h1>ข้อมูลข่าวสารตามมาตรา 7</h1>" in html
    assert "ราชกิจจานุเบกษา" in html
    assert f'href="{center.url}category/s7-structure/"' in html


def test_the_laws_folder_lists_at_least_five_laws(client, center, laws):
    html = client.get(f"{center.url}category/laws/").content.decode()

    assert html.count('class="record"') == len(laws) >= 5
    assert "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540" in html


def test_fiscal_year_filter_puts_30_september_and_1_october_in_different_years(
    client, center, folder
):
    add_record(folder, "รายงานวันสุดท้ายของปี", datetime.date(2024, 9, 30))
    add_record(folder, "รายงานวันแรกของปีใหม่", datetime.date(2024, 10, 1))

    year_2567 = listing(client, center, folder, "?year=2567")
    year_2568 = listing(client, center, folder, "?year=2568")

    assert "รายงานวันสุดท้ายของปี" in year_2567
    assert "รายงานวันแรกของปีใหม่" not in year_2567
    assert "รายงานวันแรกของปีใหม่" in year_2568
    assert "รายงานวันสุดท้ายของปี" not in year_2568


def test_the_year_list_offers_the_fiscal_years_of_the_folder(client, center, folder):
    add_record(folder, "ก", datetime.date(2024, 9, 30))
    add_record(folder, "ข", datetime.date(2024, 10, 1))

    html = listing(client, center, folder)

    assert '<option value="2568">2568</option>' in html
    assert '<option value="2567">2567</option>' in html


def test_text_search_finds_a_thai_word_inside_a_title_or_summary(client, center, folder):
    add_record(folder, "แผนพัฒนาท้องถิ่นห้าปี", datetime.date(2024, 1, 5))
    add_record(folder, "ประกาศรับสมัคร", datetime.date(2024, 1, 6), summary="งานพัฒนาชุมชน")
    add_record(folder, "รายงานการเงิน", datetime.date(2024, 1, 7))

    html = listing(client, center, folder, "?q=พัฒนา")

    assert "แผนพัฒนาท้องถิ่นห้าปี" in html
    assert "ประกาศรับสมัคร" in html
    assert "รายงานการเงิน" not in html
    assert 'value="พัฒนา"' in html  # what was typed stays in the box


def test_a_draft_record_is_not_shown(client, center, folder):
    add_record(folder, "ร่างยังไม่เผยแพร่", datetime.date(2024, 1, 5), live=False)

    assert "ร่างยังไม่เผยแพร่" not in listing(client, center, folder)


@pytest.mark.parametrize("query", ["?year=abc", "?year=99999999999999999999", "?year=-1"])
def test_a_bad_year_says_so_in_thai_and_keeps_the_text_filter(client, center, folder, query):
    add_record(folder, "แผนพัฒนาท้องถิ่น", datetime.date(2024, 1, 5))
    add_record(folder, "รายงานการเงิน", datetime.date(2024, 1, 7))

    response = client.get(f"{center.url}category/{folder.slug}/{query}&q=แผน")

    html = response.content.decode()
    assert response.status_code == 200
    assert "เลือกปีงบประมาณจากรายการ" in html
    assert "แผนพัฒนาท้องถิ่น" in html
    assert "รายงานการเงิน" not in html


@pytest.mark.parametrize(
    ("query", "told"),
    [("?q=%00", "คำค้นมีอักขระที่ใช้ไม่ได้"), ("?q=" + "ก" * 201, "ไม่เกิน 200 ตัวอักษร")],
)
def test_unusable_search_words_are_told_in_thai_not_an_error(client, center, query, told):
    response = client.get(f"{center.url}category/laws/{query}")

    assert response.status_code == 200
    assert told in response.content.decode()
    assert client.get(f"{center.url}category/laws/json/{query}").status_code == 200


@pytest.mark.parametrize("page", ["999999999999", "abc", "-3", "0"])
def test_any_page_number_gives_a_page_of_the_listing(client, center, laws, page):
    response = client.get(f"{center.url}category/laws/?page={page}")

    assert response.status_code == 200
    assert 'class="record"' in response.content.decode()


def test_an_unknown_folder_or_record_is_not_found(client, center):
    assert client.get(f"{center.url}category/no-such-folder/").status_code == 404
    assert client.get(f"{center.url}record/999999/").status_code == 404
    assert client.get(f"{center.url}record/{'9' * 30}/").status_code == 404


def test_the_listing_is_paginated_and_keeps_the_filters_in_the_page_links(client, center, folder):
    for day in range(1, 26):
        add_record(folder, f"ประกาศฉบับที่ {day}", datetime.date(2024, 1, day))

    html = listing(client, center, folder, "?q=ประกาศ")

    assert "หน้า 1 จาก 2" in html
    assert "q=%E0%B8%9B" in html.split('rel="next"')[0].rsplit("href=", 1)[1]


def test_record_page_shows_dates_in_buddhist_era_the_period_division_and_files(
    client, center, folder
):
    division = DivisionFactory(name="กองคลัง")
    record = add_record(
        folder,
        "รายงานการใช้จ่ายงบประมาณ",
        datetime.date(2022, 3, 14),
        period_start=datetime.date(2021, 10, 1),
        period_end=datetime.date(2022, 3, 31),
        division=division,
    )
    document = PdfDocumentFactory(title="ไฟล์รายงาน")
    InfoRecordFileFactory(record=record, document=document, title="รายงานฉบับเต็ม")

    response = client.get(f"{center.url}record/{record.pk}/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "14 มีนาคม 2565" in html
    assert "1 ตุลาคม 2564" in html and "31 มีนาคม 2565" in html
    assert "2565" in html.split("ปีงบประมาณ</dt>")[1].split("</dd>")[0]
    assert "กองคลัง" in html
    assert f'href="{document.url}"' in html and "รายงานฉบับเต็ม" in html
    assert "<td>PDF</td>" in html


def test_the_record_page_address_is_the_one_the_listing_links(client, center, folder):
    record = add_record(folder, "ประกาศที่อยู่คงที่", datetime.date(2024, 1, 5))

    assert f'href="{center.url}record/{record.pk}/"' in listing(client, center, folder)


def test_an_edited_record_shows_on_the_cached_listing(app, center, laws):  # noqa: F811
    record = laws[0]
    path = f"{center.url}category/laws/"
    get(app, path)
    _status, headers, _body = get(app, path)
    assert headers.get("X-Cache") == "hit"

    record.title = "พระราชบัญญัติฉบับแก้ไขใหม่"
    record.save()

    _status, headers, body = get(app, path)
    assert headers.get("X-Cache") != "hit"
    assert "พระราชบัญญัติฉบับแก้ไขใหม่" in body


def test_sitemap_lists_every_folder_and_published_record(client, center, folder):
    shown = add_record(folder, "ประกาศในแผนผัง", datetime.date(2024, 1, 5))
    draft = add_record(folder, "ร่าง", datetime.date(2024, 1, 5), live=False)

    xml = client.get("/sitemap.xml").content.decode()

    assert f"{center.url}category/laws/</loc>" in xml
    assert f"{center.url}category/{folder.slug}/</loc>" in xml
    assert f"{center.url}record/{shown.pk}/</loc>" in xml
    assert f"{center.url}record/{draft.pk}/</loc>" not in xml


def test_folder_and_record_pages_name_themselves_as_canonical(client, center, folder):
    record = add_record(folder, "ประกาศมีที่อยู่ของตัวเอง", datetime.date(2024, 1, 5), summary="สรุปสั้น")

    folder_html = listing(client, center, folder, "?q=ประกาศ")
    record_html = client.get(f"{center.url}record/{record.pk}/").content.decode()

    assert f'rel="canonical" href="http://testserver{center.url}category/{folder.slug}/"' in (
        folder_html
    )
    assert f'rel="canonical" href="http://testserver{center.url}record/{record.pk}/"' in record_html
    assert '<meta property="og:title" content="ประกาศมีที่อยู่ของตัวเอง">' in record_html
    assert '<meta name="description" content="สรุปสั้น">' in record_html
    assert record_html.count('rel="canonical"') == 1


def test_a_folder_listing_renders_within_fifteen_queries(
    client, visited_site, center, laws, django_assert_max_num_queries
):
    client.get(f"{center.url}category/laws/")  # the header, menu and footer are remembered

    with django_assert_max_num_queries(15):
        response = client.get(f"{center.url}category/laws/?q=พระราชบัญญัติ&year=2566")

    assert response.status_code == 200
    assert response.content.decode().count('class="record"') == len(laws)
