"""Counting through real requests: people count, staff and errors do not, and the home page
renders in a bounded number of queries."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from tambon.pages.tests.factories import town_pages
from tambon.stats import buffer
from tambon.stats.tests.factories import (
    DailyVisitsFactory,
    VisitorCounterSettingsFactory,
    visits_of,
)
from tambon.thai.dates import to_bangkok_date

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("town")]
BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile",
    "HTTP_ACCEPT": "text/html",
    "HTTP_ACCEPT_LANGUAGE": "th",
}


@pytest.fixture
def town(site):
    """A home page with news, activities, quick links and the counter, and the pages it links."""
    return town_pages(site)


@pytest.fixture
def today_row(site):
    buffer.flush_now()
    today = to_bangkok_date(timezone.now())
    assert not visits_of(site).exists()

    def read():
        buffer.flush_now()
        row = visits_of(site).filter(day=today).first()
        return (row.visits, row.page_views) if row else (0, 0)

    return read


def test_a_person_reading_three_pages_is_one_visit_and_three_page_views(client, today_row):
    for path in ["/", "/news/", "/contact/"]:
        assert client.get(path, **BROWSER).status_code == 200
    assert today_row() == (1, 3)


def test_a_crawler_is_not_counted(client, today_row):
    client.get("/", HTTP_USER_AGENT="Googlebot/2.1", HTTP_ACCEPT_LANGUAGE="en")
    assert today_row() == (0, 0)


def test_a_missing_page_is_not_counted(client, today_row):
    assert client.get("/no-such-page/", **BROWSER).status_code == 404
    assert today_row() == (0, 0)


def test_logged_in_staff_are_not_counted(client, today_row):
    staff = get_user_model().objects.create_user("clerk", password="x" * 12, is_staff=True)
    client.force_login(staff)
    client.get("/", **BROWSER)
    assert today_row() == (0, 0)


def test_the_counter_on_the_page_shows_a_new_visit_after_the_next_flush(client):
    from tambon.stats.counter import forget_rendered_blocks

    buffer.flush_now()
    forget_rendered_blocks()
    before = client.get("/", **BROWSER).content.decode()
    client.get("/news/", REMOTE_ADDR="198.51.100.9", **BROWSER)  # a new visitor
    buffer.flush_now()  # the flusher does this every few seconds
    forget_rendered_blocks()  # as TAMBON_COUNTER_REFRESH_SECONDS later
    after = client.get("/", REMOTE_ADDR="198.51.100.9", **BROWSER).content.decode()

    def today_figure(html):
        return int(html.split("วันนี้</dt><dd>")[1].split("<")[0].replace(",", ""))

    # The visitor who loaded `before` and the new one.
    assert today_figure(after) == today_figure(before) + 2


def test_home_page_renders_in_at_most_ten_queries(client, django_assert_max_num_queries):
    client.get("/")  # settings and site data are remembered after the first request
    with django_assert_max_num_queries(10):
        assert client.get("/").status_code == 200


def test_the_counter_uses_the_fiscal_year_when_the_setting_says_so(site):
    from tambon.stats.figures import counter_figures

    DailyVisitsFactory(site=site, day=datetime.date(2026, 10, 1), visits=7)
    DailyVisitsFactory(site=site, day=datetime.date(2026, 9, 30), visits=5)
    settings = VisitorCounterSettingsFactory(site=site)
    settings.year_is_fiscal = True
    settings.save()
    now = datetime.datetime(2026, 11, 24, 3, tzinfo=datetime.UTC)
    figures = counter_figures(site, now)
    assert figures.this_year == 7  # FY 2570 began on 1 October 2026
    assert figures.last_year == 5


def test_filling_the_counter_keeps_content_length_true(client):
    response = client.get("/", **BROWSER)
    assert int(response["Content-Length"]) == len(response.content)


@pytest.mark.parametrize(
    "placement,on_home_beside_news,in_footer_on_home,in_footer_elsewhere",
    [
        ("home_and_footer", True, False, True),
        ("footer", False, True, True),
        ("home", True, False, False),
        ("hidden", False, False, False),
    ],
)
def test_the_counter_stands_where_the_setting_says(
    client, site, placement, on_home_beside_news, in_footer_on_home, in_footer_elsewhere
):
    from bs4 import BeautifulSoup

    settings = VisitorCounterSettingsFactory(site=site)
    settings.placement = placement
    settings.save()
    home = BeautifulSoup(client.get("/").content, "html.parser")
    other = BeautifulSoup(client.get("/contact/").content, "html.parser")
    assert bool(home.select(".home-columns__side .counter")) is on_home_beside_news
    assert bool(home.select("footer .counter")) is in_footer_on_home
    assert bool(other.select("footer .counter")) is in_footer_elsewhere
