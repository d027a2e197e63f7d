"""The anti-corruption page: pledge, plans and reports, No Gift Policy, gift register, channels."""

import datetime
from decimal import Decimal

import pytest

from tambon.core.tests.test_pagecache import app, get  # noqa: F401 - the WSGI app fixture
from tambon.infocenter.models import GiftDisposal
from tambon.infocenter.tests.factories import (
    AntiCorruptionPageFactory,
    GiftRegisterEntryFactory,
    InfoCenterPageFactory,
    InfoRecordFactory,
    RecordCategoryFactory,
    topic,
)
from tambon.thai.fiscal import fiscal_year, today_in_bangkok

pytestmark = pytest.mark.django_db

PLEDGE = "<p>ข้าพเจ้าขอประกาศเจตจำนงว่าจะบริหารงานด้วยความซื่อสัตย์สุจริต โปร่งใส ตรวจสอบได้</p>"
NO_GIFT = "<p>บุคลากรทุกคนไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่</p>"


@pytest.fixture
def center(home):
    return InfoCenterPageFactory(parent=home)


@pytest.fixture
def folders():
    """The folders the page's topics show, by address name, each with one record."""
    parent = RecordCategoryFactory(name="การป้องกันการทุจริตทดสอบ", slug="test-anti-corruption")
    folders = {
        slug: RecordCategoryFactory(name=name, slug=slug, parent=parent)
        for slug, name in [
            ("test-plan", "แผนปฏิบัติการป้องกันการทุจริตทดสอบ"),
            ("test-reports", "รายงานผลการป้องกันการทุจริตทดสอบ"),
            ("test-risk", "การประเมินความเสี่ยงทดสอบ"),
            ("test-no-gift", "ประกาศไม่รับของขวัญทดสอบ"),
            ("test-ethics", "ประมวลจริยธรรมทดสอบ"),
        ]
    }
    for folder in folders.values():
        InfoRecordFactory(title=f"เอกสารของ{folder.name}", category=folder, with_file=True)
    return folders


@pytest.fixture
def page(home, center, folders):
    return AntiCorruptionPageFactory(
        parent=home,
        pledge=PLEDGE,
        no_gift_policy=NO_GIFT,
        topics=[topic(folder.name, category=folder) for folder in folders.values()],
    )


def test_page_shows_every_channel_for_reporting_corruption(client, page):
    html = client.get(page.url).content.decode()

    assert 'href="/cases/new/corruption/"' in html
    assert 'href="https://www.nacc.go.th"' in html
    assert "ศูนย์ดำรงธรรม" in html and 'href="tel:1567"' in html
    assert "ศูนย์รับเรื่องร้องเรียนของรัฐบาล" in html and 'href="tel:1111"' in html


def test_page_shows_the_pledge_and_no_gift_policy(client, page):
    html = client.get(page.url).content.decode()

    assert "เจตจำนงสุจริตของผู้บริหาร" in html
    assert "ด้วยความซื่อสัตย์สุจริต โปร่งใส ตรวจสอบได้" in html
    assert "No Gift Policy" in html
    assert "ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่" in html


def test_page_links_the_plan_reports_and_risk_assessment_folders_and_records(
    client, page, center, folders
):
    plan = folders["test-plan"].records.get()

    html = client.get(page.url).content.decode()

    assert f'href="{center.url}category/test-plan/"' in html
    assert f'href="{center.url}category/test-risk/"' in html
    assert f'href="{center.url}category/test-reports/"' in html
    assert f'href="{center.url}record/{plan.pk}/"' in html


def test_a_topic_of_one_record_links_that_record(client, home, center):
    record = InfoRecordFactory(title="ประกาศเจตจำนงสุจริตฉบับลงนาม")
    page = AntiCorruptionPageFactory(parent=home, topics=[topic("เจตจำนงฉบับลงนาม", record=record)])

    html = client.get(page.url).content.decode()

    assert f'<a href="{center.url}record/{record.pk}/">เจตจำนงฉบับลงนาม</a>' in html


def test_gift_register_is_a_table_per_fiscal_year(client, page):
    GiftRegisterEntryFactory(
        received_on=datetime.date(2021, 9, 30),
        giver="ร้านค้าทดสอบ",
        recipient_position="ปลัดองค์การบริหารส่วนตำบล",
        description="ตะกร้าผลไม้ทดสอบ",
        estimated_value=Decimal("1234.50"),
        disposal=GiftDisposal.RETURNED,
    )

    html = client.get(page.url).content.decode()

    year_2564 = html.split('id="gift-register-2564"')[1].split("<h3")[0]
    assert "<table" in year_2564 and "<caption" in year_2564
    assert "30 กันยายน 2564" in year_2564
    assert "ร้านค้าทดสอบ" in year_2564 and "ตะกร้าผลไม้ทดสอบ" in year_2564
    assert "1,234.50" in year_2564
    assert "ส่งคืนผู้ให้" in year_2564


def test_gift_register_says_so_when_the_current_year_has_no_gifts(client, page):
    GiftRegisterEntryFactory(received_on=datetime.date(2021, 9, 30))  # fiscal year 2564

    html = client.get(page.url).content.decode()

    assert f"ไม่มีรายงานการรับของขวัญในปีงบประมาณ พ.ศ. {fiscal_year()}" in html


def test_a_new_gift_register_row_shows_on_the_cached_page_at_once(app, page):  # noqa: F811
    get(app, page.url)
    assert get(app, page.url)[1].get("X-Cache") == "hit"
    GiftRegisterEntryFactory(
        received_on=datetime.date(2024, 5, 1),
        giver="ผู้ให้รายใหม่",
        recipient_position="นายกองค์การบริหารส่วนตำบล",
        description="ของที่ระลึก",
    )

    assert "ผู้ให้รายใหม่" in get(app, page.url)[2]


def test_anti_corruption_page_renders_within_22_queries(
    client, visited_site, page, django_assert_max_num_queries
):
    for received_on in (datetime.date(2024, 1, 3), datetime.date(2024, 4, 10), today_in_bangkok()):
        GiftRegisterEntryFactory(received_on=received_on)
    client.get(page.url)  # the header, menu and footer fragments are remembered after this

    with django_assert_max_num_queries(22):
        response = client.get(page.url + "?again=1")

    assert response.status_code == 200
