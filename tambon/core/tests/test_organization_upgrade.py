"""Upgrade in place: a database of the release before the Organization model (one
OrganizationSettings row per site, district and province as Thai text) migrates with its rows
kept and their official area codes filled from the names.

Each test migrates the schema back and forth inside its own transaction, which is rolled back
like any test's, so the shared test database is left as it was. SQLite can do that only with
its foreign-key checks off before the transaction starts (Django's SQLite schema editor needs
them off and cannot switch them inside a transaction): the first fixture of every test here.
"""

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tambon.core.models import Organization
from tambon.core.tests.upgrade import migrate

BEFORE = [("core", "0001_initial")]


def latest():
    executor = MigrationExecutor(connection)
    return [key for key in executor.loader.graph.leaf_nodes() if key[0] == "core"]


@pytest.fixture
def old_schema(schema_changes_in_a_test, db):
    """The models of the release before the organization model, in a database migrated back."""
    return migrate(BEFORE)


def old_row(apps, hostname, **fields):
    """An organization row as the old release wrote it (OrganizationSettings, text names)."""
    root = apps.get_model("wagtailcore", "Page").objects.get(depth=1)
    site = apps.get_model("wagtailcore", "Site").objects.create(
        hostname=hostname, port=80, root_page_id=root.pk
    )
    apps.get_model("core", "OrganizationSettings").objects.create(site_id=site.pk, **fields)
    return site.pk


def codes(site_id):
    org = Organization.objects.get(site_id=site_id)
    return org.kind, org.subdistrict_code, org.district_code, org.province_code


def test_upgrading_fills_the_codes_from_the_old_names(old_schema):
    pong = old_row(
        old_schema,
        "pong.example",
        name="องค์การบริหารส่วนตำบลพงษ์",
        short_name="อบต.พงษ์",
        district="สันติสุข",
        province="น่าน",
        phone="054-000-000",
    )
    by_short_name = old_row(
        old_schema,
        "short.example",
        name="ชื่อที่ไม่มีคำนำหน้า",
        short_name="อบต.พงษ์",
        district="อำเภอสันติสุข",
        province="จังหวัดน่าน",
    )
    municipality = old_row(
        old_schema,
        "muni.example",
        name="เทศบาลตำบลพงษ์",
        short_name="ทต.พงษ์",
        district="สันติสุข",
        province="น่าน",
    )
    province = old_row(
        old_schema,
        "pao.example",
        name="องค์การบริหารส่วนจังหวัดน่าน",
        short_name="อบจ.น่าน",
        province="น่าน",
    )

    migrate(latest())

    assert codes(pong) == ("sao", "551103", "5511", "55")
    kept = Organization.objects.get(site_id=pong)
    assert (kept.name, kept.phone) == ("องค์การบริหารส่วนตำบลพงษ์", "054-000-000")
    assert codes(by_short_name) == ("sao", "551103", "5511", "55")
    assert codes(municipality) == ("subdistrict-municipality", "551103", "5511", "55")
    assert codes(province) == ("pao", "", "", "55")


def test_upgrading_leaves_the_codes_empty_when_nothing_matches(old_schema):
    rows = [
        old_row(
            old_schema,
            "a.example",
            name="องค์การบริหารส่วนตำบลไม่มีจริง",
            short_name="อบต.ไม่มีจริง",
            district="สันติสุข",
            province="น่าน",
        ),
        # พงษ์ is in น่าน, not in เชียงใหม่
        old_row(
            old_schema,
            "b.example",
            name="องค์การบริหารส่วนตำบลพงษ์",
            short_name="อบต.พงษ์",
            district="สันติสุข",
            province="เชียงใหม่",
        ),
        old_row(old_schema, "c.example", name="อบต.พงษ์", short_name="อบต.พงษ์"),  # no province
        old_row(old_schema, "d.example", name="ร้านค้าชุมชน", short_name="ร้าน", province="น่าน"),
    ]

    migrate(latest())

    for site_id in rows:
        assert codes(site_id) == ("sao", "", "", "")


def test_upgrading_keeps_the_groups_rights_on_the_organization(schema_changes_in_a_test, db):
    editors = Group.objects.create(name="ผู้แก้ไขข้อมูลหน่วยงาน")
    editors.permissions.add(Permission.objects.get(codename="change_organization"))

    migrate(BEFORE)
    assert list(editors.permissions.values_list("codename", flat=True)) == [
        "change_organizationsettings"
    ]
    migrate(latest())
    assert list(editors.permissions.values_list("codename", flat=True)) == ["change_organization"]
