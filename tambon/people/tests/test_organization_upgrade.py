"""Upgrade in place: divisions and positions of a database of the release before they belonged
to an organization are given to its organization (the approach of
tambon/core/tests/test_organization_upgrade.py: schema changes inside the test's transaction)."""

import pytest
from django.db import IntegrityError, transaction

from tambon.core.models import Organization
from tambon.core.tests.upgrade import another_organization, default_site_id, migrate
from tambon.people.models import Division, Position

BEFORE = [("people", "0001_initial")]
AFTER = [("people", "0004_organization_required")]


@pytest.fixture
def old_schema(schema_changes_in_a_test, db):
    return migrate(BEFORE)


def old_rows(apps):
    apps.get_model("people", "Division").objects.create(name="กองช่าง", sort_order=3)
    apps.get_model("people", "Position").objects.create(title="นายก", group="executive", rank=1)


def owners():
    return {
        row.organization_id
        for model in (Division, Position)
        for row in model.objects.all_organizations()
    }


def test_the_rows_go_to_the_one_organization(old_schema):
    site_id = default_site_id(old_schema)
    Organization.objects.filter(site_id=site_id).delete()
    organization = Organization.objects.create(
        site_id=site_id, name="องค์การบริหารส่วนตำบลพงษ์", short_name="อบต.พงษ์"
    )
    old_rows(old_schema)

    migrate(AFTER)

    assert owners() == {organization.pk}
    assert Division.objects.all_organizations().get().name == "กองช่าง"
    assert Organization.objects.count() == 1


def test_without_an_organization_the_default_site_gets_one_for_the_rows(old_schema):
    Organization.objects.all().delete()
    old_rows(old_schema)

    migrate(AFTER)

    made = Organization.objects.get()
    assert made.site_id == default_site_id(old_schema)
    assert owners() == {made.pk}


def test_without_rows_no_organization_is_made(old_schema):
    Organization.objects.all().delete()

    migrate(AFTER)

    assert not Organization.objects.exists()


def test_names_are_unique_per_organization_after_the_upgrade(old_schema):
    Organization.objects.all().delete()
    old_rows(old_schema)
    migrate(AFTER)
    ours = Organization.objects.get()
    other = another_organization(old_schema)

    Division.objects.for_organization(other).create(name="กองช่าง")
    with pytest.raises(IntegrityError), transaction.atomic():
        Division.objects.for_organization(ours).create(name="กองช่าง")
