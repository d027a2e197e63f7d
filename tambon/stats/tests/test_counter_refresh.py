"""How fresh the counter on a page is, and how many sites' blocks a worker keeps: a new figure
appears once TAMBON_COUNTER_REFRESH_SECONDS have passed, and a worker keeps the blocks of at
most TAMBON_REMEMBERED_MAX_ENTRIES sites, however many it serves."""

import datetime

import pytest
from django.utils import timezone

from tambon.pages.tests.factories import second_organization_site, town_pages
from tambon.stats.counter import forget_rendered_blocks
from tambon.stats.tests.factories import DailyVisitsFactory
from tambon.thai.dates import to_bangkok_date

pytestmark = pytest.mark.django_db
OTHER_HOST = "127.0.0.1"
BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile",
    "HTTP_ACCEPT": "text/html",
    "HTTP_ACCEPT_LANGUAGE": "th",
}


@pytest.fixture
def two(site):
    other = second_organization_site(OTHER_HOST)
    town_pages(site)
    town_pages(other)
    forget_rendered_blocks()
    return site, other


def total_shown(client, host=None):
    """The counter's "total" figure on the home page of `host` (the default site if None)."""
    extra = {"HTTP_HOST": host} if host else {}
    html = client.get("/", **BROWSER, **extra).content.decode()
    return int(html.split("ทั้งหมด</dt><dd>")[1].split("<")[0].replace(",", ""))


def add_visits(site, visits, days_ago=0):
    """Visits written by some worker's flush: what another worker's block does not know yet."""
    from tambon.core.models import Organization

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
