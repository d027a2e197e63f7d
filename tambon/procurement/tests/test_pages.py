"""The public procurement pages and downloads, with the demo organization's data."""

import datetime
import io
import json
import sys
from decimal import Decimal

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

from tambon.core.pagecache import CachedPageApplication, purge
from tambon.procurement.models import (
    AnnouncementKind,
    AnnualProcurementReport,
    ProcurementAnnouncement,
    ProcurementPlan,
    ProcurementProject,
)
from tambon.stats.middleware import serve_cached_page
from tambon.thai.fiscal import fiscal_year

# TODO(issue 9): factories. These tests still read the demo's pages and text.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def test_every_public_view_and_download_answers_with_the_demo_data(client, procurement_page):
    current = fiscal_year()
    project = ProcurementProject.objects.of_fiscal_year(current - 1).concluded().first()
    day = project.contract_date
    be_year = day.year + 543
    base = procurement_page.url
    for suffix in [
        "",
        f"?year={current - 1}&kind=result&q=ตัวอย่าง",
        f"project/{project.pk}/",
        f"plan/{current}/",
        f"summary/{current - 1}/",
        f"summary/{be_year}/{day.month}/",
        f"summary/{be_year}/{day.month}/csv/",
        f"summary/{be_year}/{day.month}/xlsx/",
        f"report/{current - 1}/",
        "announcements/csv/",
        "announcements/json/",
        "projects/csv/",
        "projects/json/",
    ]:
        response = client.get(base + suffix)
        assert response.status_code == 200, suffix


def test_the_demo_summary_shows_the_demo_projects_of_that_month(client, procurement_page):
    project = ProcurementProject.objects.concluded().filter(method="e_bidding").first()
    day = project.contract_date

    page = client.get(f"{procurement_page.url}summary/{day.year + 543}/{day.month}/")

    html = page.content.decode()
    assert project.title in html
    assert "แบบ สขร.1" in html
    assert "องค์การบริหารส่วนตำบลพงษ์" in html


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


def test_announcements_filter_by_fiscal_year_kind_and_words(client, procurement_page, make_project):
    project = make_project("ซ่อมฝายทดสอบ", egp_number="65037000111")
    ProcurementAnnouncement.objects.create(
        kind=AnnouncementKind.INVITATION,
        title="ประกาศเชิญชวน ซ่อมฝายทดสอบ",
        date=datetime.date(2022, 2, 1),
        project=project,
    )
    ProcurementAnnouncement.objects.create(
        kind=AnnouncementKind.RESULT,
        title="ประกาศผู้ชนะ ซ่อมฝายทดสอบ",
        date=datetime.date(2022, 3, 1),
        project=project,
    )

    by_year_and_kind = client.get(procurement_page.url, {"year": "2565", "kind": "invitation"})
    by_number = client.get(procurement_page.url, {"q": "65037000111"})

    html = by_year_and_kind.content.decode()
    assert "ประกาศเชิญชวน ซ่อมฝายทดสอบ" in html
    assert "ประกาศผู้ชนะ ซ่อมฝายทดสอบ" not in html
    assert "(ตัวอย่าง)" not in html  # the demo's announcements are of other years
    assert by_number.content.decode().count("ซ่อมฝายทดสอบ") >= 2


def test_the_project_page_shows_money_with_thousands_separators(
    client, procurement_page, make_project
):
    project = make_project(
        "ก่อสร้างอาคารทดสอบ", budget=Decimal("1234567.8"), bids=[("หจก. ทดสอบ", "1200000")]
    )

    html = client.get(f"{procurement_page.url}project/{project.pk}/").content.decode()

    assert "1,234,567.80" in html
    assert "หจก. ทดสอบ" in html
    assert "1,200,000.00" in html
    assert "14 มีนาคม 2565" in html


def test_the_plan_and_the_annual_report_show_what_the_clerk_entered(client, procurement_page):
    plan = ProcurementPlan(
        fiscal_year=2565, title="แผนทดสอบ 2565", published_on=datetime.date(2021, 10, 20)
    )
    plan.lines.create(
        project="ขุดลอกคลองทดสอบ", budget=Decimal("450000"), method="e_bidding", expected_month=1
    )
    plan.save()
    AnnualProcurementReport.objects.create(fiscal_year=2565, problems="ผู้รับจ้างในพื้นที่มีน้อย")

    plan_html = client.get(procurement_page.url + "plan/2565/").content.decode()
    report_html = client.get(procurement_page.url + "report/2565/").content.decode()

    assert "ขุดลอกคลองทดสอบ" in plan_html
    assert "450,000.00" in plan_html
    assert "มกราคม" in plan_html
    assert "ผู้รับจ้างในพื้นที่มีน้อย" in report_html


def test_open_data_json_lists_projects_with_codes_iso_dates_and_absolute_links(
    client, procurement_page, make_project
):
    project = make_project("ซื้อยางมะตอยทดสอบ", egp_number="65039000222", bids=[("ร้าน ก", "9500")])

    records = json.loads(client.get(procurement_page.url + "projects/json/?year=2565").content)

    (record,) = [r for r in records if r["egp_number"] == "65039000222"]
    assert record["title"] == "ซื้อยางมะตอยทดสอบ"
    assert record["method"] == "specific"
    assert record["agreed_price"] == "9500.00"
    assert record["contract_date"] == "2022-03-14"
    assert record["bids"] == [{"bidder": "ร้าน ก", "price": "9500.00"}]
    assert record["url"].startswith("http") and record["url"].endswith(f"project/{project.pk}/")
    assert all(r["fiscal_year"] == 2565 for r in records)
    assert client.get(procurement_page.url + "projects/json/?year=99999").status_code == 200


def test_the_listing_links_its_open_data(client, procurement_page):
    html = client.get(procurement_page.url).content.decode()

    for suffix in ("announcements/csv/", "announcements/json/", "projects/csv/", "projects/json/"):
        assert procurement_page.url + suffix in html


# --- The full-page cache ----------------------------------------------------------------------


@pytest.fixture
def app(demo_site):
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


def test_an_edited_project_shows_at_once_on_the_cached_public_pages(
    app, procurement_page, make_project
):
    project = make_project("ชื่อเดิมทดสอบ")
    path = f"{procurement_page.url}project/{project.pk}/"
    listing = f"{procurement_page.url}summary/2565/3/"
    assert "ชื่อเดิมทดสอบ" in anonymous_get(app, path)
    assert "ชื่อเดิมทดสอบ" in anonymous_get(app, listing)

    project.title = "ชื่อใหม่ทดสอบ"
    project.save()

    assert "ชื่อใหม่ทดสอบ" in anonymous_get(app, path)
    assert "ชื่อใหม่ทดสอบ" in anonymous_get(app, listing)


def test_a_changed_bid_alone_also_refreshes_the_cached_page(app, procurement_page, make_project):
    project = make_project("โครงการทดสอบราคา", bids=[("ร้านเดิม", "100")])
    path = f"{procurement_page.url}project/{project.pk}/"
    assert "ร้านเดิม" in anonymous_get(app, path)

    project.bids.update(bidder="ร้านใหม่")  # a bulk update sends no signal ...
    assert "ร้านเดิม" in anonymous_get(app, path)  # ... so the cached page is still served
    project.bids.get().save()

    assert "ร้านใหม่" in anonymous_get(app, path)


def test_the_sitemap_lists_the_plan_summaries_and_report_of_each_year(client, procurement_page):
    current = fiscal_year()

    xml = client.get("/sitemap.xml").content.decode()

    for route in (f"plan/{current}/", f"summary/{current - 1}/", f"report/{current - 1}/"):
        assert procurement_page.full_url + route in xml


def test_the_ita_evidence_urls_of_a_year_open(client, procurement_page):
    urls = procurement_page.ita_evidence_urls(fiscal_year() - 1)

    assert set(urls) == {"plan", "announcements", "monthly_summaries", "annual_report"}
    for url in urls.values():
        assert client.get(url).status_code == 200, url
