"""The administrative court rulings page: every ruling, filtered by year and text."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tambon.infocenter.models import CourtRuling
from tambon.infocenter.tests.factories import CourtRulingFactory, CourtRulingsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rulings_page(home):
    return CourtRulingsPageFactory(parent=home)


@pytest.fixture
def rulings():
    return [
        CourtRulingFactory(
            case_number="คดีหมายเลขแดงที่ อ.9001/2566",
            ruling_date=datetime.date(2023, 12, 31),
            subject="การรื้อถอนอาคารที่สร้างผิดแบบ",
            summary="เจ้าพนักงานท้องถิ่นมีอำนาจสั่งรื้อถอน",
            url="https://www.admincourt.go.th/",
        ),
        CourtRulingFactory(
            case_number="คดีหมายเลขแดงที่ อ.9002/2567",
            ruling_date=datetime.date(2024, 1, 1),
            subject="การเลิกจ้างพนักงานจ้าง",
            url="https://www.admincourt.go.th/",
        ),
    ]


def test_rulings_page_lists_case_number_date_court_subject_and_link(client, rulings_page, rulings):
    html = client.get(rulings_page.url).content.decode()

    assert "คดีหมายเลขแดงที่ อ.9001/2566" in html
    assert "31 ธันวาคม 2566" in html
    assert "ศาลปกครองสูงสุด" in html
    assert "การรื้อถอนอาคารที่สร้างผิดแบบ" in html
    assert "เจ้าพนักงานท้องถิ่นมีอำนาจสั่งรื้อถอน" in html
    assert 'href="https://www.admincourt.go.th/" rel="noopener"' in html


def test_rulings_are_filtered_by_buddhist_era_year(client, rulings_page, rulings):
    html = client.get(rulings_page.url + "?year=2567").content.decode()

    assert "อ.9002/2567" in html
    assert "อ.9001/2566" not in html
    assert '<option value="2566">2566</option>' in html


def test_rulings_are_filtered_by_text_in_the_subject_or_summary(client, rulings_page, rulings):
    html = client.get(rulings_page.url + "?q=รื้อถอน").content.decode()

    assert "อ.9001/2566" in html
    assert "อ.9002/2567" not in html


@pytest.mark.parametrize("query", ["?year=abc", "?page=999999999", "?year=&q=" + "ก" * 300])
def test_bad_filters_on_the_rulings_page_are_not_an_error(client, rulings_page, rulings, query):
    response = client.get(rulings_page.url + query)

    assert response.status_code == 200


def test_a_ruling_needs_a_link_or_a_document():
    ruling = CourtRuling(
        case_number="อ.1/2568", ruling_date=datetime.date(2025, 1, 1), subject="เรื่องทดสอบ"
    )

    with pytest.raises(ValidationError) as raised:
        ruling.full_clean()

    assert "url" in raised.value.message_dict


def test_every_ruling_is_on_the_page(client, rulings_page, rulings):
    CourtRulingFactory(court="ศาลปกครองชั้นต้น")

    html = client.get(rulings_page.url).content.decode()

    assert CourtRuling.objects.all_organizations().count() == 3
    assert html.count('class="record"') == CourtRuling.objects.all_organizations().count()
