"""Upgrade in place: the cases, reporters, files, events, categories, e-service types and
published answers of a database of the release before they belonged to an organization are
given to its organization (the approach of tambon/core/tests/test_organization_upgrade.py:
schema changes inside the test's transaction)."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.db.migrations.loader import MigrationLoader
from django.test import Client

from tambon.cases.models import Case, Category, PublishedQuestion, ServiceType
from tambon.core.models import Organization
from tambon.core.tests.upgrade import another_organization, default_site_id, migrate

BEFORE = [("cases", "0007_case_admins_edit_case_rules")]
AFTER = [("cases", "0010_organization_required")]
# The site of today reads today's schema (a later migration may add a column it shows).
CURRENT = MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes("cases")
# By name: ReporterView is read as the upgraded schema has it (0012 later drops it).
OWNED = [
    "Case",
    "Reporter",
    "ReporterView",
    "Attachment",
    "CaseEvent",
    "Category",
    "PublishedQuestion",
    "ServiceType",
    "ServiceDocument",
    "ServiceField",
]
RECEIVED = datetime.datetime(2025, 11, 3, 3, 0, tzinfo=datetime.UTC)


@pytest.fixture
def old_schema(schema_changes_in_a_test, db):
    return migrate(BEFORE)


def old_rows(apps):
    """One of each, as the last release wrote them."""

    def model(name):
        return apps.get_model("cases", name)

    category = model("Category").objects.create(kind="complaint", name="ไฟฟ้าส่องสว่าง")
    service = model("ServiceType").objects.create(name="ขอถังขยะ", slug="garbage-bin")
    model("ServiceDocument").objects.create(service_type=service, name="สำเนาทะเบียนบ้าน")
    model("ServiceField").objects.create(service_type=service, label="จำนวนถัง", kind="number")
    case = model("Case").objects.create(
        kind="question",
        category=category,
        subject="ไฟถนนดับ",
        details="สามคืนแล้ว",
        tracking_code="ABCD2345",
        secret_hash="x",
        created=RECEIVED,
    )
    model("Reporter").objects.create(case=case, name="สมชาย ใจดี", phone="0812345678")
    model("ReporterView").objects.create(case=case)
    model("Attachment").objects.create(
        case=case, file="cases/2025/11/a.pdf", original_name="a.pdf", content_type="pdf", size=1
    )
    model("CaseEvent").objects.create(case=case, kind="state_change", to_state="submitted")
    model("PublishedQuestion").objects.create(
        case=case, code="abc123", question="ไฟถนนดับแจ้งที่ไหน", answer="แจ้งทางเว็บไซต์"
    )


def owners(apps):
    """{model name: its rows' organizations}, read with the models of the state `apps`."""
    return {
        name: {row.organization_id for row in apps.get_model("cases", name).objects.all()}
        for name in OWNED
    }


def test_every_row_goes_to_the_one_organization(old_schema):
    site_id = default_site_id(old_schema)
    Organization.objects.filter(site_id=site_id).delete()
    organization = Organization.objects.create(
        site_id=site_id, name="องค์การบริหารส่วนตำบลพงษ์", short_name="อบต.พงษ์"
    )
    old_rows(old_schema)

    upgraded = migrate(AFTER)

    assert owners(upgraded) == {name: {organization.pk} for name in OWNED}
    migrate(CURRENT)  # today's Case has later fields (channel)
    case = Case.objects.for_organization(organization).get()
    assert (case.subject, case.category.name, case.tracking_code) == (
        "ไฟถนนดับ",
        "ไฟฟ้าส่องสว่าง",
        "ABCD2345",
    )
    assert Organization.objects.count() == 1


def test_without_an_organization_the_default_site_gets_one_for_the_rows(old_schema):
    Organization.objects.all().delete()
    old_rows(old_schema)

    upgraded = migrate(AFTER)

    made = Organization.objects.get()
    assert made.site_id == default_site_id(old_schema)
    assert owners(upgraded) == {name: {made.pk} for name in OWNED}


def test_without_rows_no_organization_is_made(old_schema):
    Organization.objects.all().delete()

    migrate(AFTER)

    assert not Organization.objects.exists()


def test_the_upgraded_cases_are_tracked_and_answered_on_the_site(old_schema):
    Organization.objects.all().delete()
    old_rows(old_schema)
    migrate(CURRENT)
    organization = Organization.objects.get()

    answer = PublishedQuestion.objects.for_organization(organization).get()
    assert answer.case.reporter.name == "สมชาย ใจดี"
    assert ServiceType.objects.for_organization(organization).get().fields.count() == 1
    client = Client()
    opened = client.post(
        "/cases/track/", {"action": "open", "code": "ABCD-2345", "secret": "081 234 5678"}
    )
    assert opened.status_code == 302
    assert "ไฟถนนดับ" in client.get("/cases/track/").content.decode()


def test_names_and_addresses_are_unique_per_organization_after_the_upgrade(old_schema):
    Organization.objects.all().delete()
    old_rows(old_schema)
    migrate(AFTER)
    ours = Organization.objects.get()
    other = another_organization(old_schema)

    Category.objects.for_organization(other).create(kind="complaint", name="ไฟฟ้าส่องสว่าง")
    ServiceType.objects.for_organization(other).create(name="ขอถังขยะ", slug="garbage-bin")
    with pytest.raises(IntegrityError), transaction.atomic():
        Category.objects.for_organization(ours).create(kind="complaint", name="ไฟฟ้าส่องสว่าง")
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceType.objects.for_organization(ours).create(name="ขอถัง", slug="garbage-bin")


def test_the_logged_showings_of_a_reporter_move_into_the_access_trail(old_schema):
    """0011: ReporterView's rows become rows of the access trail, with the account's name."""
    from django.contrib.auth import get_user_model

    from tambon.cases.models import AccessAction, AccessRecord

    Organization.objects.all().delete()
    old_rows(old_schema)
    officer = get_user_model().objects.create_user("integrity", password="x" * 12)
    before = migrate(AFTER)
    view = before.get_model("cases", "ReporterView").objects.get()
    before.get_model("cases", "ReporterView").objects.filter(pk=view.pk).update(user=officer.pk)

    migrate([("cases", "0012_remove_reporterview")])

    record = AccessRecord.objects.all_organizations().get()
    assert (record.user, record.username, record.action, record.case_code) == (
        officer,
        "integrity",
        AccessAction.VIEWED_IDENTITY,
        "ABCD-2345",
    )
    assert record.created == view.viewed_at
    assert record.organization == Organization.objects.get()
