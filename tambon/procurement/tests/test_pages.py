"""The public procurement pages and downloads, with data each test makes itself."""

import datetime
import io
import json
import sys
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from tambon.core.pagecache import CachedPageApplication, purge
from tambon.people.tests.factories import DivisionFactory
from tambon.procurement.models import AnnouncementKind, Method
from tambon.procurement.models.pages import ANNOUNCEMENTS_PER_PAGE
from tambon.stats.middleware import serve_cached_page
from tambon.thai.fiscal import fiscal_year

from .factories import (
    AnnualProcurementReportFactory,
    PlanLineFactory,
    ProcurementAnnouncementFactory,
    ProcurementPlanFactory,
    ProcurementProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def year_2565():
    """A fiscal year with something on every page: a concluded project (contract of 14 March
    2022) with its bid and winner announcement, a plan with a line and the report's text."""
    project = ProcurementProjectFactory(
        title="จัดซื้อวัสดุสำนักงานทดสอบ", bids=[("ร้านเครื่องเขียนทดสอบ", "9500")]
    )
    ProcurementAnnouncementFactory(
        title="ประกาศผู้ชนะ จัดซื้อวัสดุสำนักงานทดสอบ", date=datetime.date(2022, 3, 10), project=project
    )
    PlanLineFactory(plan=ProcurementPlanFactory(fiscal_year=2565), project="จัดซื้อวัสดุในแผนทดสอบ")
    AnnualProcurementReportFactory(fiscal_year=2565, problems="ปัญหาทดสอบประจำปี")
    return project


def test_every_public_view_and_download_answers_with_the_data_of_a_year(
    client, procurement_page, year_2565
):
    base = procurement_page.url
    for suffix, shown in [
        ("", "ประกาศผู้ชนะ จัดซื้อวัสดุสำนักงานทดสอบ"),
        ("?year=2565&kind=result&q=วัสดุสำนักงาน", "ประกาศผู้ชนะ จัดซื้อวัสดุสำนักงานทดสอบ"),
        (f"project/{year_2565.pk}/", "ร้านเครื่องเขียนทดสอบ"),
        ("plan/2565/", "จัดซื้อวัสดุในแผนทดสอบ"),
        ("summary/2565/", "มีนาคม พ.ศ. 2565"),
        ("summary/2565/3/", "จัดซื้อวัสดุสำนักงานทดสอบ"),
        ("summary/2565/3/csv/", "จัดซื้อวัสดุสำนักงานทดสอบ"),
        ("summary/2565/3/xlsx/", None),  # read back in test_summary.py
        ("report/2565/", "ปัญหาทดสอบประจำปี"),
        ("announcements/csv/", "ประกาศผู้ชนะ จัดซื้อวัสดุสำนักงานทดสอบ"),
        ("announcements/json/", "ประกาศผู้ชนะ จัดซื้อวัสดุสำนักงานทดสอบ"),
        ("projects/csv/", "จัดซื้อวัสดุสำนักงานทดสอบ"),
        ("projects/json/", "จัดซื้อวัสดุสำนักงานทดสอบ"),
    ]:
        response = client.get(base + suffix)
        assert response.status_code == 200, suffix
        if shown is not None:
            text = response.content.decode("utf-8-sig")
            if suffix.endswith("json/"):
                text = json.dumps(json.loads(text), ensure_ascii=False)
            assert shown in text, suffix


def test_the_summary_shows_the_projects_of_that_month(client, procurement_page):
    project = ProcurementProjectFactory(
        title="ก่อสร้างถนนคอนกรีตทดสอบ",
        method=Method.E_BIDDING,
        contract_date=datetime.date(2022, 3, 14),
    )

    page = client.get(f"{procurement_page.url}summary/2565/3/")

    html = page.content.decode()
    assert project.title in html
    assert "แบบ สขร.1" in html
    assert "องค์การบริหารส่วนตำบลทดสอบ" in html  # the organization's name, from its settings


@pytest.mark.parametrize(
    "suffix",
    [
        "summary/2565/13/",
        "summary/2565/0/",
        "summary/abc/3/",
        "summary/1999/3/",
        "summary/99999/3/",
        "summary/2565/13/csv/",
        "summary/2565/13/xlsx/",
        "report/abc/",
        "report/12/",
        "plan/0/",
        "summary/0/",
        "project/999999999/",
        "project/99999999999999999999999999/",
        "summary/99999999999999999999999/3/",
        "report/99999999999999999999999/",
        "project/abc/",
        "?page=abc",
        "?page=999",
    ],
)
def test_bad_addresses_are_not_found_not_errors(client, procurement_page, suffix):
    assert client.get(procurement_page.url + suffix).status_code == 404


def test_a_bad_filter_value_is_told_and_the_typed_words_are_kept(client, procurement_page):
    response = client.get(procurement_page.url, {"year": "abc", "q": "ถนนลาดยาง"})

    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="ถนนลาดยาง"' in html
    assert 'class="field-error"' in html


def test_announcements_filter_by_fiscal_year_kind_and_words(client, procurement_page):
    project = ProcurementProjectFactory(title="ซ่อมฝายทดสอบ", egp_number="65037000111")
    ProcurementAnnouncementFactory(
        kind=AnnouncementKind.INVITATION,
        title="ประกาศเชิญชวน ซ่อมฝายทดสอบ",
        date=datetime.date(2022, 2, 1),
        project=project,
    )
    ProcurementAnnouncementFactory(
        kind=AnnouncementKind.RESULT,
        title="ประกาศผู้ชนะ ซ่อมฝายทดสอบ",
        date=datetime.date(2022, 3, 1),
        project=project,
    )
    ProcurementAnnouncementFactory(  # fiscal year 2566 begins on 1 October 2022
        kind=AnnouncementKind.INVITATION,
        title="ประกาศเชิญชวน ปีงบประมาณถัดไป",
        date=datetime.date(2022, 10, 1),
    )

    by_year_and_kind = client.get(procurement_page.url, {"year": "2565", "kind": "invitation"})
    by_number = client.get(procurement_page.url, {"q": "65037000111"})

    html = by_year_and_kind.content.decode()
    assert "ประกาศเชิญชวน ซ่อมฝายทดสอบ" in html
    assert "ประกาศผู้ชนะ ซ่อมฝายทดสอบ" not in html
    assert "ปีงบประมาณถัดไป" not in html
    assert by_number.content.decode().count("ซ่อมฝายทดสอบ") >= 2


def test_the_announcement_pages_keep_the_filter_in_their_links(client, procurement_page):
    for day in range(1, ANNOUNCEMENTS_PER_PAGE + 2):
        ProcurementAnnouncementFactory(
            kind=AnnouncementKind.INVITATION,
            title=f"ประกาศเชิญชวนทดสอบ วันที่ {day:02d}",
            date=datetime.date(2022, 3, day),
        )
    html = client.get(procurement_page.url, {"kind": "invitation"}).content.decode()
    next_link = BeautifulSoup(html, "html.parser").find("a", rel="next")
    assert parse_qs(urlsplit(next_link["href"]).query) == {"kind": ["invitation"], "page": ["2"]}
    second = client.get(procurement_page.url + next_link["href"]).content.decode()
    assert "ประกาศเชิญชวนทดสอบ วันที่ 01" in second  # the oldest, alone on page 2


def test_the_project_page_shows_money_with_thousands_separators(client, procurement_page):
    project = ProcurementProjectFactory(
        title="ก่อสร้างอาคารทดสอบ",
        budget=Decimal("1234567.8"),
        bids=[("หจก. ทดสอบ", "1200000")],
        division=DivisionFactory(name="กองช่างทดสอบ"),
    )

    html = client.get(f"{procurement_page.url}project/{project.pk}/").content.decode()

    assert "1,234,567.80" in html
    assert "หจก. ทดสอบ" in html
    assert "1,200,000.00" in html
    assert "14 มีนาคม 2565" in html
    assert "กองช่างทดสอบ" in html


def test_the_plan_and_the_annual_report_show_what_the_clerk_entered(client, procurement_page):
    plan = ProcurementPlanFactory(fiscal_year=2565, title="แผนทดสอบ 2565")
    PlanLineFactory(
        plan=plan,
        project="ขุดลอกคลองทดสอบ",
        budget=Decimal("450000"),
        method=Method.E_BIDDING,
        expected_month=1,
    )
    AnnualProcurementReportFactory(fiscal_year=2565, problems="ผู้รับจ้างในพื้นที่มีน้อย")

    plan_html = client.get(procurement_page.url + "plan/2565/").content.decode()
    report_html = client.get(procurement_page.url + "report/2565/").content.decode()

    assert "แผนทดสอบ 2565" in plan_html
    assert "20 ตุลาคม 2564" in plan_html  # published on, in the Buddhist Era
    assert "ขุดลอกคลองทดสอบ" in plan_html
    assert "450,000.00" in plan_html
    assert "มกราคม" in plan_html
    assert "ผู้รับจ้างในพื้นที่มีน้อย" in report_html


def test_open_data_json_lists_projects_with_codes_iso_dates_and_absolute_links(
    client, procurement_page
):
    project = ProcurementProjectFactory(
        title="ซื้อยางมะตอยทดสอบ", egp_number="65039000222", bids=[("ร้าน ก", "9500")]
    )
    ProcurementProjectFactory(title="โครงการปีอื่นทดสอบ", fiscal_year=2566)

    records = json.loads(client.get(procurement_page.url + "projects/json/?year=2565").content)

    (record,) = [r for r in records if r["egp_number"] == "65039000222"]
    assert record["title"] == "ซื้อยางมะตอยทดสอบ"
    assert record["method"] == "specific"
    assert record["agreed_price"] == "9500.00"
    assert record["contract_date"] == "2022-03-14"
    assert record["bids"] == [{"bidder": "ร้าน ก", "price": "9500.00"}]
    assert record["url"].startswith("http") and record["url"].endswith(f"project/{project.pk}/")
    assert all(r["fiscal_year"] == 2565 for r in records)
    assert "โครงการปีอื่นทดสอบ" not in [r["title"] for r in records]
    assert client.get(procurement_page.url + "projects/json/?year=99999").status_code == 200


def test_the_listing_links_its_open_data(client, procurement_page):
    html = client.get(procurement_page.url).content.decode()

    for suffix in ("announcements/csv/", "announcements/json/", "projects/csv/", "projects/json/"):
        assert procurement_page.url + suffix in html


# --- The full-page cache ----------------------------------------------------------------------


@pytest.fixture
def app(db):
    # Keep the test's database connection (and its transaction) across the requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    purge()
    yield CachedPageApplication(WSGIHandler(), on_hit=serve_cached_page)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def anonymous_get(app, path):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "REMOTE_ADDR": "203.0.113.9",
        "HTTP_ACCEPT": "text/html",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    return b"".join(app(environ, lambda status, headers: None)).decode()


def test_an_edited_project_shows_at_once_on_the_cached_public_pages(app, procurement_page):
    project = ProcurementProjectFactory(title="ชื่อเดิมทดสอบ")
    path = f"{procurement_page.url}project/{project.pk}/"
    listing = f"{procurement_page.url}summary/2565/3/"
    assert "ชื่อเดิมทดสอบ" in anonymous_get(app, path)
    assert "ชื่อเดิมทดสอบ" in anonymous_get(app, listing)

    project.title = "ชื่อใหม่ทดสอบ"
    project.save()

    assert "ชื่อใหม่ทดสอบ" in anonymous_get(app, path)
    assert "ชื่อใหม่ทดสอบ" in anonymous_get(app, listing)


def test_a_changed_bid_alone_also_refreshes_the_cached_page(app, procurement_page):
    project = ProcurementProjectFactory(title="โครงการทดสอบราคา", bids=[("ร้านเดิม", "100")])
    path = f"{procurement_page.url}project/{project.pk}/"
    assert "ร้านเดิม" in anonymous_get(app, path)

    project.bids.update(bidder="ร้านใหม่")  # a bulk update sends no signal ...
    assert "ร้านเดิม" in anonymous_get(app, path)  # ... so the cached page is still served
    project.bids.get().save()

    assert "ร้านใหม่" in anonymous_get(app, path)


def test_the_sitemap_lists_the_plan_summaries_and_report_of_each_year(
    client, procurement_page, year_2565
):
    xml = client.get("/sitemap.xml").content.decode()
    listing = "http://testserver" + procurement_page.url  # on the host the sitemap was asked on

    for year in (2565, fiscal_year()):  # the years with data, and the current one
        for route in (f"plan/{year}/", f"summary/{year}/", f"report/{year}/"):
            assert f"<loc>{listing}{route}</loc>" in xml
    assert listing + "plan/2564/" not in xml  # nothing of that year


def test_the_ita_evidence_urls_of_a_year_open(client, procurement_page, year_2565):
    urls = procurement_page.ita_evidence_urls(2565)

    assert set(urls) == {"plan", "announcements", "monthly_summaries", "annual_report"}
    for url in urls.values():
        assert client.get(url).status_code == 200, url
    assert "จัดซื้อวัสดุในแผนทดสอบ" in client.get(urls["plan"]).content.decode()
    assert "ประกาศผู้ชนะ จัดซื้อวัสดุสำนักงานทดสอบ" in client.get(urls["announcements"]).content.decode()
    assert "ปัญหาทดสอบประจำปี" in client.get(urls["annual_report"]).content.decode()
