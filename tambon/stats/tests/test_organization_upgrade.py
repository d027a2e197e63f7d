"""Upgrade in place: the visitor counts of a database of the release before they belonged to an
organization go to the organization of the site they were counted on (the approach of
tambon/people/tests/test_organization_upgrade.py)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tambon.core.models import Organization
from tambon.core.tests.upgrade import migrate
from tambon.stats.models import DailyPageViews, DailyVisits

BEFORE = [("stats", "0004_shared_visitor_memory")]
AFTER = [("stats", "0007_organization_required")]
DAY = datetime.date(2026, 11, 24)


@pytest.fixture
def old_schema(schema_changes_in_a_test, db):
    return migrate(BEFORE)


def sites(apps):
    """The default site and a second one on the same tree (an old deployment with two)."""
    Site = apps.get_model("wagtailcore", "Site")
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(
        hostname="other.example", port=80, root_page_id=default.root_page_id
    )
    return default.pk, other.pk


def old_counts(apps, site_id, visits):
    apps.get_model("stats", "DailyVisits").objects.create(
        site_id=site_id, day=DAY, visits=visits, page_views=visits * 2
    )
    apps.get_model("stats", "DailyPageViews").objects.create(
        site_id=site_id, day=DAY, path="/", views=visits
    )


def test_each_sites_counts_go_to_that_sites_organization(old_schema):
    default_id, other_id = sites(old_schema)
    Organization.objects.filter(site_id=default_id).delete()
    ours = Organization.objects.create(site_id=default_id, name="อบต.พงษ์", short_name="อบต.พงษ์")
    theirs = Organization.objects.create(site_id=other_id, name="อบต.อื่น", short_name="อบต.อื่น")
    old_counts(old_schema, default_id, 40)
    old_counts(old_schema, other_id, 7)

    migrate(AFTER)

    assert DailyVisits.objects.for_organization(ours).get(day=DAY).visits == 40
    assert DailyVisits.objects.for_organization(theirs).get(day=DAY).visits == 7
    assert DailyPageViews.objects.for_organization(ours).get(day=DAY, path="/").views == 40
    assert DailyPageViews.objects.for_organization(theirs).get(day=DAY, path="/").views == 7
    assert DailyVisits.objects.all_organizations().count() == 2


def test_a_site_with_counts_but_no_organization_gets_one(old_schema):
    default_id, _other_id = sites(old_schema)
    Organization.objects.all().delete()
    old_counts(old_schema, default_id, 12)

    migrate(AFTER)

    made = Organization.objects.get()
    assert made.site_id == default_id
    assert DailyVisits.objects.for_organization(made).get().visits == 12


def test_without_counts_no_organization_is_made(old_schema):
    Organization.objects.all().delete()

    migrate(AFTER)

    assert not Organization.objects.exists()


def test_one_row_per_organization_and_day_after_the_upgrade(old_schema):
    default_id, _other_id = sites(old_schema)
    Organization.objects.all().delete()
    old_counts(old_schema, default_id, 12)
    migrate(AFTER)
    ours = Organization.objects.get()

    with pytest.raises(IntegrityError), transaction.atomic():
        DailyVisits.objects.for_organization(ours).create(day=DAY, visits=1)
