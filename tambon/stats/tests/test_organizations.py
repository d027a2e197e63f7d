"""Two organizations on two sites: each one's visits are counted, shown and reported apart,
through the same paths a visitor takes (Django's middleware, the cached fast path, Redis)."""

import datetime
import io
import sys

import pytest
import redis
from django.contrib.auth import get_user_model
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone

from tambon.core.models import Organization
from tambon.core.pagecache import CachedPageApplication, purge
from tambon.pages.tests.factories import second_organization_site, town_pages
from tambon.stats import buffer, counter
from tambon.stats.counter import forget_rendered_blocks
from tambon.stats.middleware import serve_cached_page
from tambon.stats.redis_counter import RedisCounter
from tambon.stats.tests.factories import (
    DailyPageViewsFactory,
    DailyVisitsFactory,
    VisitorCounterSettingsFactory,
    visits_of,
)
from tambon.thai.dates import to_bangkok_date

pytestmark = pytest.mark.django_db
OTHER_HOST = "127.0.0.1"  # the second site's host name; the default site answers the rest
BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile",
    "HTTP_ACCEPT": "text/html",
    "HTTP_ACCEPT_LANGUAGE": "th",
}


@pytest.fixture
def two(site):
    """Our town on the default site, theirs on OTHER_HOST, each with the counter on its pages."""
    other = second_organization_site(OTHER_HOST)
    town_pages(site)
    town_pages(other)
    buffer.flush_now()
    forget_rendered_blocks()
    return site, other


def today():
    return to_bangkok_date(timezone.now())


def counted(site):
    """(visits, page views) of today, of the site's organization, once the notes are written."""
    buffer.flush_now()
    row = visits_of(site).filter(day=today()).first()
    return (row.visits, row.page_views) if row else (0, 0)


def test_visits_to_each_host_count_for_its_own_organization_only(client, two):
    ours, theirs = two
    for path in ["/", "/news/", "/contact/"]:
        assert client.get(path, **BROWSER).status_code == 200
    assert counted(ours) == (1, 3)
    assert counted(theirs) == (0, 0)

    client.get("/", HTTP_HOST=OTHER_HOST, REMOTE_ADDR="198.51.100.7", **BROWSER)
    client.get("/news/", HTTP_HOST=OTHER_HOST, REMOTE_ADDR="198.51.100.7", **BROWSER)
    assert counted(theirs) == (1, 2)
    assert counted(ours) == (1, 3)


def test_the_same_person_on_both_sites_is_a_visit_to_each(client, two):
    ours, theirs = two
    client.get("/", **BROWSER)
    client.get("/", HTTP_HOST=OTHER_HOST, **BROWSER)
    # One visit and one page view each: a visit to one organization's site does not make the
    # same person's visit to the other a mere continuation of it.
    assert counted(ours) == (1, 1)
    assert counted(theirs) == (1, 1)


def test_each_sites_counter_shows_its_own_organizations_figures(client, two):
    ours, theirs = two
    yesterday = today() - datetime.timedelta(days=1)
    DailyVisitsFactory(site=ours, day=yesterday, visits=1234)
    DailyVisitsFactory(site=theirs, day=yesterday, visits=5678)
    their_settings = VisitorCounterSettingsFactory(site=theirs)
    their_settings.baseline_visits = 90000
    their_settings.save()

    def yesterday_figure(html):
        return html.split("เมื่อวานนี้</dt><dd>")[1].split("<")[0]

    def total_figure(html):
        return int(html.split("ทั้งหมด</dt><dd>")[1].split("<")[0].replace(",", ""))

    our_page = client.get("/", **BROWSER).content.decode()
    their_page = client.get("/", HTTP_HOST=OTHER_HOST, **BROWSER).content.decode()
    assert yesterday_figure(our_page) == "1,234"
    assert yesterday_figure(their_page) == "5,678"
    assert total_figure(our_page) < 90000  # their baseline is theirs
    assert total_figure(their_page) >= 90000 + 5678


def test_counter_blocks_made_together_are_each_the_sites_own(two):
    """The flusher thread makes many sites' blocks in one rendering: each is its own site's,
    as if made alone, with one counter in it."""
    ours, theirs = two
    yesterday = today() - datetime.timedelta(days=1)
    DailyVisitsFactory(site=ours, day=yesterday, visits=1234)
    DailyVisitsFactory(site=theirs, day=yesterday, visits=5678)

    together = counter._render([theirs.pk, ours.pk])
    one_by_one = {site.pk: counter._render([site.pk])[site.pk] for site in (ours, theirs)}
    assert together == one_by_one
    assert "เมื่อวานนี้</dt><dd>1,234<" in together[ours.pk]
    assert "เมื่อวานนี้</dt><dd>5,678<" in together[theirs.pk]
    assert [block.count('<section class="counter"') for block in together.values()] == [1, 1]


@pytest.fixture
def app(db):
    # As Django's test client does: keep the test's database connection open across requests.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    purge()
    yield CachedPageApplication(WSGIHandler(), on_hit=serve_cached_page)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def wsgi_get(app, host, ip):
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": "/",
        "QUERY_STRING": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "REMOTE_ADDR": ip,
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        **BROWSER,
    }
    answer = {}

    def start_response(status, headers):
        answer["status"] = status

    b"".join(app(environ, start_response))
    return answer["status"]


def test_cached_pages_count_for_the_organization_of_their_host(app, two):
    ours, theirs = two
    for ip in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):  # the first fills the cache
        assert wsgi_get(app, "localhost", ip).startswith("200")
    for ip in ("198.51.100.1", "198.51.100.2"):
        assert wsgi_get(app, OTHER_HOST, ip).startswith("200")
    assert counted(ours) == (3, 3)
    assert counted(theirs) == (2, 2)


def test_redis_counts_of_two_sites_go_to_their_organizations(redis_url, two):
    ours, theirs = two
    redis.Redis.from_url(redis_url).flushdb()
    day = datetime.date(2026, 11, 24)
    counter = RedisCounter(redis_url, 30 * 60)
    counter.record(ours.pk, day, "/", "203.0.113.5", BROWSER["HTTP_USER_AGENT"])
    counter.record(theirs.pk, day, "/", "203.0.113.6", BROWSER["HTTP_USER_AGENT"])
    counter.record(theirs.pk, day, "/news/", "203.0.113.6", BROWSER["HTTP_USER_AGENT"])
    counter.flush()
    assert visits_of(ours).get(day=day).page_views == 1
    assert visits_of(theirs).get(day=day).page_views == 2
    assert Organization.for_site(ours) != Organization.for_site(theirs)


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


def test_each_organizations_report_shows_its_own_counts_only(admin_client, two):
    ours, theirs = two
    day = today() - datetime.timedelta(days=2)
    DailyVisitsFactory(site=ours, day=day, visits=321, page_views=400)
    DailyPageViewsFactory(site=ours, day=day, path="/our-page/", views=400)
    DailyVisitsFactory(site=theirs, day=day, visits=9876, page_views=9999)
    DailyPageViewsFactory(site=theirs, day=day, path="/their-page/", views=9999)
    url = "/admin/visitor-statistics/"

    our_report = admin_client.get(url).content.decode()
    their_report = admin_client.get(url, HTTP_HOST=OTHER_HOST).content.decode()

    assert "/our-page/" in our_report
    assert "/their-page/" not in our_report
    assert "9,876" not in our_report
    assert "/their-page/" in their_report
    assert "/our-page/" not in their_report
    our_csv = admin_client.get(url, {"export": "csv"}).content.decode()
    # The Buddhist-Era column reads as a person writes it: day unpadded, month padded.
    assert f"{day.isoformat()},{day.day}/{day.month:02d}/{day.year + 543},321,400" in our_csv
    assert "9876" not in our_csv


# How fresh the counter on a page is, and how many sites' blocks a worker keeps: a new figure
# appears once TAMBON_COUNTER_REFRESH_SECONDS have passed, and a worker keeps the blocks of at
# most TAMBON_REMEMBERED_MAX_ENTRIES sites, however many it serves.


def total_shown(client, host=None):
    """The counter's "total" figure on the home page of `host` (the default site if None)."""
    extra = {"HTTP_HOST": host} if host else {}
    html = client.get("/", **BROWSER, **extra).content.decode()
    return int(html.split("ทั้งหมด</dt><dd>")[1].split("<")[0].replace(",", ""))


def add_visits(site, visits, days_ago=0):
    """Visits written by some worker's flush: what another worker's block does not know yet."""
    DailyVisitsFactory(
        organization=Organization.for_site(site),
        day=to_bangkok_date(timezone.now()) - datetime.timedelta(days=days_ago),
        visits=visits,
        page_views=visits,
    )


def test_new_figures_appear_only_once_the_refresh_time_has_passed(client, two, settings):
    ours, _theirs = two
    settings.TAMBON_COUNTER_REFRESH_SECONDS = 3600
    before = total_shown(client)
    add_visits(ours, 5000)
    assert total_shown(client) == before  # within the refresh time: the block kept

    settings.TAMBON_COUNTER_REFRESH_SECONDS = 0  # ...and once it has passed
    assert total_shown(client) == before + 5000


class Clock:
    """The counter module's monotonic clock, moved on by hand."""

    def __init__(self):
        self.now = 1000.0

    def monotonic(self):
        return self.now


def test_an_old_block_is_shown_at_once_and_made_again_by_the_flusher_thread(
    client, two, settings, monkeypatch
):
    """Nobody waits for the database to see a counter: a block past the refresh time is shown
    as it is, and the new figures follow the flusher thread's next turn. A block nobody asked
    for over twice that time is made before the page is answered."""
    ours, _theirs = two
    clock = Clock()
    monkeypatch.setattr(counter, "time", clock)
    settings.TAMBON_COUNTER_REFRESH_SECONDS = 30
    before = total_shown(client)
    add_visits(ours, 5000)

    clock.now += 31  # past the refresh time
    assert total_shown(client) == before  # answered with the block it has...
    counter.refresh_asked_blocks()  # ...which the flusher thread makes again after its flush
    assert total_shown(client) == before + 5000

    add_visits(ours, 700, days_ago=1)
    clock.now += 45  # an old block, but someone asked within twice the refresh time
    assert total_shown(client) == before + 5000
    clock.now += 20  # 65 s since it was made, and not made again: too old to show
    assert total_shown(client) == before + 5700


def test_a_worker_keeps_the_counter_blocks_of_at_most_the_setting_sites(client, two, settings):
    ours, _theirs = two
    settings.TAMBON_COUNTER_REFRESH_SECONDS = 3600

    settings.TAMBON_REMEMBERED_MAX_ENTRIES = 1000
    before = total_shown(client)
    add_visits(ours, 5000)
    total_shown(client, OTHER_HOST)  # another site served: both blocks fit
    assert total_shown(client) == before

    settings.TAMBON_REMEMBERED_MAX_ENTRIES = 1
    forget_rendered_blocks()  # a worker started with this setting
    before = total_shown(client)
    add_visits(ours, 700, days_ago=1)
    total_shown(client, OTHER_HOST)  # only the last served site's block is kept...
    assert total_shown(client) == before + 700  # ...so ours is rendered again
