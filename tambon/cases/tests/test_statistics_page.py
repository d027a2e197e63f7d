"""The public statistics page and its open data, on fiscal year 2560 as the tests file it."""

import csv
import datetime
import io
import json

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.test import Client

from tambon.cases import services
from tambon.cases.models import CaseKind
from tambon.cases.tests.factories import CaseStatisticsPageFactory
from tambon.core.tests.factories import default_organization
from tambon.thai.dates import BANGKOK
from tambon.thai.fiscal import fiscal_year

pytestmark = pytest.mark.django_db

SECRET_SUBJECT = "นายก อบต. รับเงินใต้โต๊ะโครงการถนน"
SECRET_DETAILS = "เห็นการส่งมอบเงินสดที่ร้านกาแฟหน้าตลาด"
REPORTER_NAME = "ผู้แจ้ง ลับเฉพาะ"


def bangkok(*args):
    return datetime.datetime(*args, tzinfo=BANGKOK)


@pytest.fixture
def stats_page(home):
    return CaseStatisticsPageFactory(parent=home)


def get(url):
    return Client().get(url)


def section(html, kind):
    return BeautifulSoup(html, "html.parser").find(id=f"kind-{kind}")


def summary_row(html, kind_label):
    table = BeautifulSoup(html, "html.parser").find(id="summary-12m")
    for row in table.find("tbody").find_all("tr"):
        if row.th.get_text(strip=True) == str(kind_label):
            return [cell.get_text(strip=True) for cell in row.find_all("td")]
    raise AssertionError(f"no row for {kind_label}")


@pytest.fixture
def year_2560(new_case, superuser):
    """Complaints of fiscal year 2560: one resolved, one rejected, one open; a corruption
    complaint with words that must never appear on a public page."""
    cases = [new_case(now=bangkok(2016, 10, day, 10)) for day in (3, 4, 5)]
    clock = time_machine.travel(bangkok(2016, 10, 20, 10), tick=False)
    clock.start()
    for case, outcome in zip(cases, ("resolve", "reject"), strict=False):
        services.assign(case, superuser, superuser)
        getattr(services, outcome)(case, superuser, "ผลการดำเนินการ")
    services.rate(cases[0], 4)
    new_case(
        kind=CaseKind.CORRUPTION,
        subject=SECRET_SUBJECT,
        details=SECRET_DETAILS,
        reporter={"name": REPORTER_NAME, "phone": "0812345678"},
        now=bangkok(2017, 1, 9, 10),
    )
    clock.stop()
    return {"received": 3, "completed": 1, "rejected": 1, "in_progress": 1}


def test_without_complaints_the_page_says_so(stats_page):
    html = get(f"{stats_page.url}2560/").content.decode()
    complaints = section(html, CaseKind.COMPLAINT)
    assert "ไม่มีเรื่องร้องเรียน" in complaints.get_text()
    assert complaints.find("table") is None
    assert "ไม่มีเรื่องร้องเรียน" in " ".join(summary_row(html, CaseKind.COMPLAINT.label))


def test_the_page_shows_the_figures_of_the_cases_and_states_its_counting_rules(
    stats_page, year_2560
):
    html = get(f"{stats_page.url}2560/").content.decode()
    assert summary_row(html, CaseKind.COMPLAINT.label) == [
        str(year_2560[name]) for name in ("received", "completed", "rejected", "in_progress")
    ]
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find(id="counting-rules").get_text(strip=True)
    complaints = section(html, CaseKind.COMPLAINT)
    assert complaints.find("svg", attrs={"role": "img"}) is not None
    assert "ตุลาคม 2559" in complaints.find("table").get_text()


def test_corruption_complaints_appear_only_as_counts(stats_page, year_2560):
    urls = [
        f"{stats_page.url}2560/",
        f"{stats_page.url}2560/csv/",
        f"{stats_page.url}2560/json/",
        f"{stats_page.url}2560/services/csv/",
        f"{stats_page.url}2560/satisfaction/json/",
    ]
    for url in urls:
        body = get(url).content.decode("utf-8-sig")
        for secret in (SECRET_SUBJECT, SECRET_DETAILS, REPORTER_NAME, "0812345678"):
            assert secret not in body, url
    html = get(urls[0]).content.decode()
    assert summary_row(html, CaseKind.CORRUPTION.label)[0] == "1"


def test_csv_and_json_give_the_figures_of_the_page(stats_page, year_2560):
    rows = list(
        csv.DictReader(io.StringIO(get(f"{stats_page.url}2560/csv/").content.decode("utf-8-sig")))
    )
    records = json.loads(get(f"{stats_page.url}2560/json/").content)
    expected = {name: str(value) for name, value in year_2560.items()}
    for table in (rows, [{k: str(v) for k, v in record.items()} for record in records]):
        year_row = next(r for r in table if r["kind"] == "complaint" and r["period"] == "12m")
        assert {name: year_row[name] for name in expected} == expected
        october = next(r for r in table if r["kind"] == "complaint" and r["period"] == "2016-10")
        assert october["received"] == "3"
    page_html = get(f"{stats_page.url}2560/").content.decode()
    assert summary_row(page_html, CaseKind.COMPLAINT.label) == [
        year_row[name] for name in ("received", "completed", "rejected", "in_progress")
    ]


def test_the_satisfaction_results_show_the_ratings(stats_page, year_2560):
    html = get(f"{stats_page.url}2560/").content.decode()
    text = BeautifulSoup(html, "html.parser").find(id="satisfaction").get_text(" ", strip=True)
    assert "100.0%" in text  # the one rating is a 4: satisfied
    records = json.loads(get(f"{stats_page.url}2560/satisfaction/json/").content)
    complaint = next(r for r in records if r["kind"] == "complaint")
    assert (complaint["ratings"], complaint["average"], complaint["rating_4"]) == (1, 4.0, 1)


def test_a_year_without_any_rating_says_so(stats_page):
    html = get(f"{stats_page.url}2560/").content.decode()
    text = BeautifulSoup(html, "html.parser").find(id="satisfaction").get_text(" ", strip=True)
    assert "2560" in text
    assert "%" not in text


def test_the_page_opens_on_the_current_fiscal_year_and_links_the_others(stats_page, year_2560):
    html = get(stats_page.url).content.decode()
    current = fiscal_year()
    assert str(current) in BeautifulSoup(html, "html.parser").h1.get_text()
    assert f'href="{stats_page.url}2560/"' in html


@pytest.mark.parametrize(
    "tail", ["abc/", "99999/", "0/", "2560/nothing/csv/", "99999/csv/", "2560/csv/x/"]
)
def test_bad_addresses_are_not_found_not_errors(stats_page, tail):
    assert get(f"{stats_page.url}{tail}").status_code == 404


def test_the_downloads_are_linked_from_the_page(stats_page):
    html = get(f"{stats_page.url}2560/").content.decode()
    for tail in ("2560/csv/", "2560/json/", "2560/services/csv/", "2560/satisfaction/json/"):
        assert f'href="{stats_page.url}{tail}"' in html


def test_the_page_is_never_kept_by_the_page_cache_as_its_figures_move(stats_page):
    response = get(f"{stats_page.url}2560/")
    assert "no-store" in response["Cache-Control"]


def test_the_service_statistics_list_requests_per_type_or_say_there_were_none(stats_page, new_case):
    from tambon.cases.models import Category

    html = get(f"{stats_page.url}2560/").content.decode()
    services_section = BeautifulSoup(html, "html.parser").find(id="services")
    assert "ไม่มีคำขอรับบริการ" in services_section.get_text()

    water = Category.objects.for_organization(default_organization()).create(
        kind=CaseKind.ESERVICE, name="ขอรับน้ำ (ทดสอบ)"
    )
    new_case(kind=CaseKind.ESERVICE, category=water, now=bangkok(2017, 5, 3, 9))
    html = get(f"{stats_page.url}2560/").content.decode()
    row = BeautifulSoup(html, "html.parser").find(id="services").find("tbody").tr
    assert row.th.get_text(strip=True) == "ขอรับน้ำ (ทดสอบ)"
    assert [td.get_text() for td in row.find_all("td")][-1] == "1"
