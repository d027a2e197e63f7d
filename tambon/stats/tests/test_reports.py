"""The visitor-statistics report in the admin: who may see it, its figures and its downloads.

Today is fixed at 24 November 2026 (Bangkok), so the 90 days end on 23 November 2026 and start
on 26 August 2026, and the 24 months run from December 2024 to November 2026.
"""

import csv
import datetime
import io

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Site

from tambon.core.charts import nice_step
from tambon.core.exports import XLSX_CONTENT_TYPE
from tambon.core.models import Organization
from tambon.stats.reports.figures import monthly_rows
from tambon.stats.reports.periods import ReportPeriodForm
from tambon.stats.reports.views import REPORT_URL_NAME
from tambon.stats.tests.factories import DailyPageViewsFactory, DailyVisitsFactory
from tambon.thai.dates import BANGKOK

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 24)
REPORT_URL = "/admin/visitor-statistics/"


def day(text):
    return datetime.date.fromisoformat(text)


# (day, visits, page views). The 90 days hold 10 + 1234 + 7 + 5 = 1256 visits and
# 30 + 2000 + 12 + 9 = 2051 page views.
VISITS = [
    ("2024-11-30", 2000, 1),  # before the 24 months
    ("2024-12-01", 4, 8),  # first day of the 24 months
    ("2026-08-25", 1000, 1),  # the day before the 90 days
    ("2026-08-26", 10, 30),  # first of the 90 days
    ("2026-10-31", 1234, 2000),
    ("2026-11-01", 7, 12),
    ("2026-11-23", 5, 9),  # yesterday: last of the 90 days
    ("2026-11-24", 300, 600),  # today: in this month, not in the 90 days
]
# (day, path, views). The 30 days of the top pages run from 25 October to 23 November.
PAGE_VIEWS = [
    ("2026-10-25", "/news/", 15),
    ("2026-11-20", "/news/", 40),  # /news/: 55
    ("2026-11-23", "/", 50),
    ("2026-10-24", "/people/", 500),  # the day before the 30 days
    ("2026-11-01", "/people/", 3),
    ("2026-11-24", "/contact/", 999),  # today
]


@pytest.fixture(autouse=True)
def fixed_today():
    """Noon on TODAY in Bangkok, the clock standing still."""
    with time_machine.travel(datetime.datetime(2026, 11, 24, 12, 0, tzinfo=BANGKOK), tick=False):
        yield


@pytest.fixture
def site(site):
    """The factory-made site with the rows of VISITS and PAGE_VIEWS, and no others."""
    for date, visits, page_views in VISITS:
        DailyVisitsFactory(site=site, day=day(date), visits=visits, page_views=page_views)
    for date, path, views in PAGE_VIEWS:
        DailyPageViewsFactory(site=site, day=day(date), path=path, views=views)
    return site


@pytest.fixture
def clerk_client(client, site):
    user = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(user)
    return client


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def table_rows(table):
    return [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in table.select("tbody tr")
    ]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


# --- Who may see it ---------------------------------------------------------------------------


def test_report_lives_at_its_admin_address():
    assert reverse(REPORT_URL_NAME) == REPORT_URL


def test_anonymous_visitor_is_sent_to_the_login_page(client, site):
    for url in (REPORT_URL, REPORT_URL + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/?next=")


def test_staff_user_without_admin_access_is_refused(client, site):
    user = get_user_model().objects.create_user(
        "caretaker", "caretaker@pong.example", "x" * 12, is_staff=True
    )
    client.force_login(user)
    for url in (REPORT_URL, REPORT_URL + "?export=csv"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_editors_and_moderators_may_see_the_report(client, site, group_name):
    user = get_user_model().objects.create_user("editor", "editor@pong.example", "x" * 12)
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    assert client.get(REPORT_URL).status_code == 200


def test_report_is_in_the_reports_menu(clerk_client):
    response = clerk_client.get("/admin/")
    assert REPORT_URL in response.content.decode()


# --- The page ---------------------------------------------------------------------------------


def test_admin_sees_the_total_of_the_90_days_that_end_yesterday(clerk_client):
    response = clerk_client.get(REPORT_URL)
    assert response.status_code == 200
    daily = soup_of(response).find(id="daily-heading").find_parent("section")
    summary = daily.select_one(".stats-totals").get_text(" ", strip=True)
    assert "1,256" in summary  # visits
    assert "2,051" in summary  # page views
    rows = table_rows(daily.find("table"))
    assert len(rows) == 90
    assert rows[0] == ["26/08/2569", "10", "30"]
    assert rows[-1] == ["23/11/2569", "5", "9"]
    assert ["31/10/2569", "1,234", "2,000"] in rows
    assert ["2/11/2569", "0", "0"] in rows  # a day without a row is a day without visits
    total = daily.select_one("table tfoot tr")
    assert [cell.get_text(strip=True) for cell in total.find_all(["th", "td"])][1:] == [
        "1,256",
        "2,051",
    ]


def test_top_page_of_the_last_30_days_comes_first(clerk_client):
    pages = soup_of(clerk_client.get(REPORT_URL)).find(id="pages-heading").find_parent("section")
    assert table_rows(pages.find("table")) == [
        ["1", "/news/", "55"],
        ["2", "/", "50"],
        ["3", "/people/", "3"],  # the 500 views of the day before the 30 days are left out
    ]


def test_charts_are_svg_with_a_title_a_description_and_one_bar_per_day_or_month(clerk_client):
    soup = soup_of(clerk_client.get(REPORT_URL))
    daily = soup.select_one("svg[aria-labelledby^=daily-visits-chart]")
    monthly = soup.select_one("svg[aria-labelledby^=monthly-visits-chart]")
    for chart in (daily, monthly):
        assert chart["role"] == "img"
        assert chart.find("title").get_text()
        assert chart.find("desc").get_text()
    assert len(daily.select("rect.stats-chart__bar")) == 90
    assert len(monthly.select("rect.stats-chart__bar")) == 24
    assert "1,256" in daily.find("desc").get_text()
    assert not soup.select(".nice-padding script")


def test_monthly_table_has_24_thai_months_ending_with_the_current_one(clerk_client):
    monthly = (
        soup_of(clerk_client.get(REPORT_URL)).find(id="monthly-heading").find_parent("section")
    )
    rows = table_rows(monthly.find("table"))
    assert len(rows) == 24
    assert rows[0] == ["ธ.ค. 2567", "4", "8"]
    assert rows[-1] == ["พ.ย. 2569", "312", "621"]  # 7 + 5 + today's 300
    assert ["ต.ค. 2569", "1,234", "2,000"] in rows
    assert ["ส.ค. 2569", "1,010", "31"] in rows
    assert "2,560" in monthly.select_one(".stats-totals").get_text()  # 4 + 1010 + 1234 + 312


def test_rows_on_31_october_and_1_november_land_in_different_months(site):
    months = {row.thai_label: row for row in monthly_rows(Organization.for_site(site), TODAY, 24)}
    assert months["ต.ค. 2569"].visits == 1234
    assert months["พ.ย. 2569"].visits == 7 + 5 + 300
    assert months["ธ.ค. 2567"].visits == 4  # the 30 November 2024 row is before the 24 months


def test_24_months_back_from_january_start_in_february_two_years_before(site):
    months = monthly_rows(Organization.for_site(site), datetime.date(2026, 1, 15), 24)
    assert months[0].month == datetime.date(2024, 2, 1)
    assert months[-1].month == datetime.date(2026, 1, 1)
    assert [m.month for m in months].count(datetime.date(2025, 1, 1)) == 1


def test_rows_of_another_site_are_not_counted(clerk_client, site):
    other = Site.objects.create(hostname="other.example", port=80, root_page=site.root_page)
    DailyVisitsFactory(site=other, day=day("2026-11-20"), visits=5000, page_views=1)
    DailyPageViewsFactory(site=other, day=day("2026-11-20"), path="/x/", views=5000)
    soup = soup_of(clerk_client.get(REPORT_URL))
    assert "1,256" in soup.select_one(".stats-totals").get_text()
    assert "/x/" not in soup.find(id="pages-heading").find_parent("section").get_text()


# --- The chosen period ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "start", "end"),
    [
        ({}, "2026-08-26", "2026-11-23"),
        ({"start": "2026-11-01"}, "2026-11-01", "2026-11-23"),
        ({"end": "2026-10-31"}, "2026-08-03", "2026-10-31"),
        ({"start": " 2026-01-01 ", "end": "2026-01-01"}, "2026-01-01", "2026-01-01"),
    ],
)
def test_period_defaults_to_the_90_days_that_end_yesterday(query, start, end):
    form = ReportPeriodForm(query, today=TODAY)
    assert form.is_valid()
    assert form.period() == (day(start), day(end))


@pytest.mark.parametrize(
    "query",
    [
        {"start": "31/10/2569", "end": "1/11/2569"},
        {"start": "31 ตุลาคม 2569", "end": "๑/๑๑/๒๕๖๙"},
        {"start": "2569-10-31", "end": "2026-11-01"},
    ],
)
def test_period_is_typed_in_the_buddhist_era_as_the_report_shows_dates(query):
    form = ReportPeriodForm(query, today=TODAY)
    assert form.is_valid()
    assert form.period() == (day("2026-10-31"), day("2026-11-01"))


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "yesterday"}, "วันที่เริ่มต้น “yesterday” ไม่ใช่วันที่ที่ถูกต้อง"),
        ({"start": "2026-02-30"}, "วันที่เริ่มต้น “2026-02-30” ไม่ใช่วันที่ที่ถูกต้อง"),
        ({"end": "31/11/2569"}, "วันที่สิ้นสุด “31/11/2569” ไม่ใช่วันที่ที่ถูกต้อง"),
        ({"start": "1/11/2026"}, "ปี 2026 น่าจะเป็นปี ค.ศ. โปรดระบุเป็นปี พ.ศ. (2569)"),
        ({"start": "2026-11-10", "end": "2026-11-01"}, "วันที่เริ่มต้นอยู่หลังวันที่สิ้นสุด"),
        ({"start": "2000-01-01"}, "ดาวน์โหลดได้ครั้งละไม่เกิน 3,660 วัน"),
    ],
)
def test_bad_period_shows_a_thai_message_on_the_page(clerk_client, query, message):
    response = clerk_client.get(REPORT_URL, query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Traceback" not in page
    alert = soup_of(response).select_one("[role=alert]").get_text(" ", strip=True)
    assert message in alert
    # The links fall back to the 90 days.
    assert "start=2026-08-26&amp;end=2026-11-23&amp;export=csv" in page


def test_download_with_a_bad_start_date_shows_the_page_instead_of_a_file(clerk_client):
    response = clerk_client.get(REPORT_URL, {"export": "csv", "start": "2026-13-01"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "วันที่เริ่มต้น “2026-13-01” ไม่ใช่วันที่ที่ถูกต้อง" in response.content.decode()


def test_only_the_wrong_date_field_is_marked_invalid(clerk_client):
    soup = soup_of(clerk_client.get(REPORT_URL, {"start": "oops", "end": "2026-11-01"}))
    start, end = soup.find(id="period-start"), soup.find(id="period-end")
    assert start["aria-invalid"] == "true"
    assert start["value"] == "oops"  # shown as typed, to be corrected
    assert not end.has_attr("aria-invalid")
    assert end["value"] == "1/11/2569"  # a date is shown as the report shows dates


def test_date_fields_show_the_period_used_when_none_was_asked_for(clerk_client):
    soup = soup_of(clerk_client.get(REPORT_URL))
    assert soup.find(id="period-start")["value"] == "26/08/2569"
    assert soup.find(id="period-end")["value"] == "23/11/2569"
    assert not soup.select("[aria-invalid]")


def test_a_blank_date_field_shows_the_day_the_report_uses(clerk_client):
    soup = soup_of(clerk_client.get(REPORT_URL, {"end": "31/10/2569"}))
    assert soup.find(id="period-start")["value"] == "3/08/2569"  # 89 days before the end
    assert soup.find(id="period-end")["value"] == "31/10/2569"


def test_dates_that_do_not_go_together_mark_both_fields(clerk_client):
    soup = soup_of(clerk_client.get(REPORT_URL, {"start": "10/11/2569", "end": "1/11/2569"}))
    assert soup.find(id="period-start")["aria-invalid"] == "true"
    assert soup.find(id="period-end")["aria-invalid"] == "true"
    assert soup.find(id="period-start")["value"] == "10/11/2569"


def test_chosen_period_is_totalled_and_used_by_the_download_links(clerk_client):
    response = clerk_client.get(REPORT_URL, {"start": "2026-10-31", "end": "2026-11-01"})
    section = soup_of(response).find(id="download-heading").find_parent("section")
    text = section.get_text(" ", strip=True)
    assert "1,241" in text  # 1234 + 7 visits
    assert "2,012" in text  # 2000 + 12 page views
    links = [a["href"] for a in section.select("a[download]")]
    assert links == [
        REPORT_URL + "?start=2026-10-31&end=2026-11-01&export=csv",
        REPORT_URL + "?start=2026-10-31&end=2026-11-01&export=xlsx",
    ]


# --- Downloads --------------------------------------------------------------------------------


def test_csv_has_a_bom_a_thai_header_and_exactly_the_days_asked_for(clerk_client):
    response = clerk_client.get(
        REPORT_URL, {"export": "csv", "start": "2026-10-31", "end": "2026-11-02"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert (
        response["Content-Disposition"] == 'attachment; filename="visits-2026-10-31-2026-11-02.csv"'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert csv_rows(response) == [
        ["วันที่", "วันที่ (พ.ศ.)", "จำนวนผู้เข้าชม", "จำนวนการเปิดหน้า"],
        ["2026-10-31", "31/10/2569", "1234", "2000"],
        ["2026-11-01", "1/11/2569", "7", "12"],
        ["2026-11-02", "2/11/2569", "0", "0"],
    ]


def test_csv_without_a_period_holds_the_90_days_that_end_yesterday(clerk_client):
    response = clerk_client.get(REPORT_URL, {"export": "csv"})
    assert (
        response["Content-Disposition"] == 'attachment; filename="visits-2026-08-26-2026-11-23.csv"'
    )
    rows = csv_rows(response)[1:]
    assert len(rows) == 90
    assert rows[0][0] == "2026-08-26"
    assert rows[-1][0] == "2026-11-23"
    assert sum(int(row[2]) for row in rows) == 1256


def test_xlsx_holds_the_days_and_24_months_as_numbers(clerk_client):
    response = clerk_client.get(
        REPORT_URL, {"export": "xlsx", "start": "2026-10-31", "end": "2026-11-01"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="visits-2026-10-31-2026-11-01.xlsx"'
    )
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["รายวัน", "24 เดือนล่าสุด"]

    daily = list(workbook["รายวัน"].iter_rows(values_only=True))
    assert daily == [
        ("วันที่", "วันที่ (พ.ศ.)", "จำนวนผู้เข้าชม", "จำนวนการเปิดหน้า"),
        (datetime.datetime(2026, 10, 31), "31/10/2569", 1234, 2000),
        (datetime.datetime(2026, 11, 1), "1/11/2569", 7, 12),
    ]

    monthly = list(workbook["24 เดือนล่าสุด"].iter_rows(values_only=True))
    assert monthly[0] == ("เดือน", "เดือน (พ.ศ.)", "จำนวนผู้เข้าชม", "จำนวนการเปิดหน้า")
    assert len(monthly) == 1 + 24
    assert monthly[1] == (datetime.datetime(2024, 12, 1), "ธ.ค. 2567", 4, 8)
    assert monthly[-2] == (datetime.datetime(2026, 10, 1), "ต.ค. 2569", 1234, 2000)
    assert monthly[-1] == (datetime.datetime(2026, 11, 1), "พ.ย. 2569", 312, 621)


# --- Bangkok time and chart scale -------------------------------------------------------------


@pytest.mark.parametrize(
    ("utc", "yesterday"),
    [
        # 17:30 UTC on 23 November is 00:30 on 24 November in Bangkok: the 23rd is over.
        (datetime.datetime(2026, 11, 23, 17, 30, tzinfo=datetime.UTC), "23/11/2569"),
        # 16:59 UTC is 23:59 on the 23rd in Bangkok: the 23rd is today, not over yet.
        (datetime.datetime(2026, 11, 23, 16, 59, tzinfo=datetime.UTC), "22/11/2569"),
    ],
)
def test_the_reports_today_begins_at_midnight_in_bangkok(clerk_client, utc, yesterday):
    with time_machine.travel(utc, tick=False):
        soup = soup_of(clerk_client.get(REPORT_URL))
    assert soup.find(id="period-end")["value"] == yesterday


@pytest.mark.parametrize(
    ("largest", "step"), [(0, 1), (3, 1), (9, 5), (95, 25), (1256, 500), (40_000, 10_000)]
)
def test_chart_grid_steps_are_round_numbers(largest, step):
    assert nice_step(largest) == step
