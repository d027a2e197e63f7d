"""Upgrade in place: the staff groups, images and documents of a single-organization database
become that organization's (core migration 0006)."""

import pytest
from django.contrib.auth.models import Group
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
)

from tambon.core import memberships
from tambon.core.models import Organization, OrganizationGroup, Role
from tambon.core.tests.upgrade import migrate

BEFORE = [("core", "0005_organization_groups")]
AFTER = [("core", "0006_existing_groups_join_the_organization")]


@pytest.fixture
def old_schema(schema_changes_in_a_test, db):
    return migrate(BEFORE)


def old_database(apps, *, with_organization=True):
    """What the last release's Wagtail set up: Editors with page permissions on the root and
    collection permissions on the root collection, an image in the root collection."""
    Site = apps.get_model("wagtailcore", "Site")
    site = Site.objects.get(is_default_site=True)
    if with_organization:
        apps.get_model("core", "Organization").objects.update_or_create(
            site=site, defaults={"name": "องค์การบริหารส่วนตำบลพงษ์", "short_name": "อบต.พงษ์"}
        )
    else:
        apps.get_model("core", "Organization").objects.all().delete()
    root_collection = apps.get_model("wagtailcore", "Collection").objects.get(depth=1)
    apps.get_model("wagtailimages", "Image").objects.create(
        title="ภาพเก่า",
        file="original_images/old.jpg",
        width=1,
        height=1,
        collection=root_collection,
    )
    return site


def test_the_editors_become_the_organizations_editors_over_its_own_tree(old_schema):
    site = old_database(old_schema)

    migrate(AFTER)

    organization = Organization.objects.get(site_id=site.pk)
    editors = Group.objects.get(name="Editors")
    assert editors.organization_group.organization == organization
    assert editors.organization_group.role == Role.EDITOR
    assert Group.objects.get(name="Moderators").organization_group.role == Role.ADMINISTRATOR
    assert {p.page_id for p in GroupPagePermission.objects.filter(group=editors)} == {
        site.root_page_id
    }
    assert {c.collection for c in GroupCollectionPermission.objects.filter(group=editors)} == {
        organization.collection
    }
    assert Image.objects.get(title="ภาพเก่า").collection == organization.collection
    # The collection tree is sound: the next organization's collection goes beside it.
    beside = Collection.get_first_root_node().add_child(name="อบต.อื่น")
    assert beside.get_parent().depth == 1
    assert Collection.get_first_root_node().get_children().count() == 2
    # And the organization's role groups are found, not made again.
    assert memberships.role_group(organization, Role.EDITOR) == editors


def test_a_database_no_organization_was_set_up_in_is_left_alone(old_schema):
    old_database(old_schema, with_organization=False)

    migrate(AFTER)

    assert not OrganizationGroup.objects.all_organizations().exists()
    assert Image.objects.get(title="ภาพเก่า").collection.depth == 1


def test_after_migrate_the_upgraded_groups_get_what_their_role_may_do_now(old_schema):
    site = old_database(old_schema)
    migrate(AFTER)

    memberships.top_up_role_groups()  # what every migrate runs at its end (core/apps.py)

    moderators = Group.objects.get(name="Moderators")  # the administrators now
    assert moderators.permissions.filter(codename="change_user").exists()
    settings = GroupSitePermission.objects.filter(group=moderators)
    assert {(p.site_id, p.permission.codename) for p in settings} >= {
        (site.pk, "change_organization")
    }
    assert not moderators.permissions.filter(codename="change_organization").exists()
