"""The counter's seven figures follow Bangkok days, months and years."""

import datetime

import pytest

from tambon.stats.figures import counter_figures, counter_figures_of_sites
from tambon.stats.models import VisitorCounterSettings
from tambon.stats.tests.factories import visits_of

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


@pytest.fixture
def site(site):
    visits_of(site).delete()
    settings = VisitorCounterSettings.for_site(site)
    settings.baseline_visits = 1000
    settings.counted_since = datetime.date(2020, 3, 5)
    settings.save()
    return site


def visits(site, day, count):
    visits_of(site).create(day=day, visits=count, page_views=count * 2)


def test_each_figure_counts_its_own_period(site):
    visits(site, datetime.date(2026, 11, 24), 30)  # today
    visits(site, datetime.date(2026, 11, 23), 84)  # yesterday
    visits(site, datetime.date(2026, 11, 1), 6)  # this month
    visits(site, datetime.date(2026, 10, 31), 100)  # last month
    visits(site, datetime.date(2026, 1, 1), 7)  # this year
    visits(site, datetime.date(2025, 12, 31), 200)  # last year
    visits(site, datetime.date(2024, 6, 1), 9)  # older
    figures = counter_figures(site, datetime.datetime(2026, 11, 24, 10, 0, tzinfo=UTC))
    assert figures.today == 30
    assert figures.yesterday == 84
    assert figures.this_month == 30 + 84 + 6
    assert figures.last_month == 100
    assert figures.this_year == 30 + 84 + 6 + 100 + 7
    assert figures.last_year == 200
    assert figures.total == 1000 + 30 + 84 + 6 + 100 + 7 + 200 + 9
    assert figures.counted_since == datetime.date(2020, 3, 5)


def test_new_day_starts_at_midnight_bangkok_not_utc(site):
    visits(site, datetime.date(2027, 1, 1), 5)
    visits(site, datetime.date(2026, 12, 31), 50)
    # 17:00 UTC on 31 Dec is already 00:00 on 1 Jan in Bangkok.
    figures = counter_figures(site, datetime.datetime(2026, 12, 31, 17, 0, tzinfo=UTC))
    assert figures.today == 5
    assert figures.yesterday == 50
    assert figures.this_year == 5
    assert figures.last_year == 50
    assert figures.last_month == 50


def test_last_month_of_january_is_december_of_the_year_before(site):
    visits(site, datetime.date(2025, 12, 15), 11)
    figures = counter_figures(site, datetime.datetime(2026, 1, 10, 3, 0, tzinfo=UTC))
    assert figures.last_month == 11


def test_without_a_start_date_the_first_day_with_visits_is_shown(site):
    settings = VisitorCounterSettings.for_site(site)
    settings.counted_since = None
    settings.save()
    visits(site, datetime.date(2023, 4, 2), 1)
    figures = counter_figures(site, datetime.datetime(2026, 1, 10, tzinfo=UTC))
    assert figures.counted_since == datetime.date(2023, 4, 2)


def test_many_sites_figures_come_together_each_of_its_own_organization_and_year(
    site, django_assert_num_queries
):
    """The flusher thread makes many sites' counters at once: the same figures as one by one,
    in one query per kind of year, not one per site."""
    from tambon.pages.tests.factories import second_organization_site

    other = second_organization_site("127.0.0.1")
    third = second_organization_site("127.0.0.2")
    fiscal = VisitorCounterSettings.for_site(third)
    fiscal.year_is_fiscal = True
    fiscal.save()
    visits(site, datetime.date(2026, 11, 24), 30)
    visits(other, datetime.date(2026, 11, 24), 4)
    visits(third, datetime.date(2026, 10, 1), 500)  # this fiscal year, last calendar month
    now = datetime.datetime(2026, 11, 24, 10, 0, tzinfo=UTC)
    pending = {other.pk: {datetime.date(2026, 11, 24): 2}}
    together = counter_figures_of_sites([site, other, third], now, pending)
    assert together[site.pk] == counter_figures(site, now)
    assert together[other.pk] == counter_figures(other, now, pending[other.pk])
    assert together[third.pk] == counter_figures(third, now)
    assert (together[site.pk].today, together[other.pk].today) == (30, 6)
    assert (together[third.pk].this_year, together[third.pk].last_month) == (500, 500)
    with django_assert_num_queries(2):  # calendar years, fiscal years
        counter_figures_of_sites([site, other, third], now, {})
