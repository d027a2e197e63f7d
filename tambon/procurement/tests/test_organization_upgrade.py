"""Upgrade in place: the procurement of a database of the release before it belonged to an
organization is given to its organization; plan lines and bids go with their plan and project
(the approach of tambon/people/tests/test_organization_upgrade.py)."""

import datetime
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from tambon.core.models import Organization
from tambon.core.tests.upgrade import another_organization, default_site_id, migrate
from tambon.procurement.models import (
    AnnualProcurementReport,
    Bid,
    ImportJob,
    PlanLine,
    ProcurementAnnouncement,
    ProcurementPlan,
    ProcurementProject,
)

BEFORE = [("procurement", "0001_initial")]
AFTER = [("procurement", "0004_organization_required")]
EVERY_MODEL = (
    ProcurementPlan,
    PlanLine,
    ProcurementProject,
    Bid,
    ProcurementAnnouncement,
    AnnualProcurementReport,
    ImportJob,
)


@pytest.fixture
def old_schema(schema_changes_in_a_test, db):
    return migrate(BEFORE)


def old_rows(apps):
    """One of everything, as the last release's load_demo and clerks made them."""

    def model(name):
        return apps.get_model("procurement", name)

    plan = model("ProcurementPlan").objects.create(
        fiscal_year=2568, title="แผนจัดซื้อ 2568", published_on=datetime.date(2024, 10, 15)
    )
    model("PlanLine").objects.create(
        plan=plan, project="ซื้อวัสดุสำนักงาน", budget=Decimal("60000"), method="e_market"
    )
    project = model("ProcurementProject").objects.create(
        fiscal_year=2568,
        title="ก่อสร้างถนน หมู่ 3",
        egp_number="67019999999",
        method="e_bidding",
        budget=Decimal("2500000"),
    )
    model("Bid").objects.create(project=project, bidder="หจก. ตัวอย่าง", price=Decimal("2350000"))
    model("ProcurementAnnouncement").objects.create(
        kind="result", title="ประกาศผู้ชนะ", date=datetime.date(2025, 3, 1), project=project
    )
    model("AnnualProcurementReport").objects.create(fiscal_year=2567, problems="ผู้ค้าน้อย")
    model("ImportJob").objects.create(filename="list.csv", content=b"x", encoding="UTF-8")


def owners():
    return {
        row.organization_id for model in EVERY_MODEL for row in model.objects.all_organizations()
    }


def test_every_row_goes_to_the_one_organization(old_schema):
    site_id = default_site_id(old_schema)
    Organization.objects.filter(site_id=site_id).delete()
    organization = Organization.objects.create(
        site_id=site_id, name="องค์การบริหารส่วนตำบลพงษ์", short_name="อบต.พงษ์"
    )
    old_rows(old_schema)

    migrate(AFTER)

    assert owners() == {organization.pk}
    for model in EVERY_MODEL:
        assert model.objects.for_organization(organization).count() == 1, model
    project = ProcurementProject.objects.for_organization(organization).get()
    assert project.egp_number == "67019999999"
    assert [bid.bidder for bid in project.bids.all()] == ["หจก. ตัวอย่าง"]
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


def test_egp_numbers_and_report_years_are_unique_per_organization_after_the_upgrade(old_schema):
    Organization.objects.all().delete()
    old_rows(old_schema)
    migrate(AFTER)
    ours = Organization.objects.get()
    other = another_organization(old_schema)
    fields = {"fiscal_year": 2568, "title": "โครงการอื่น", "method": "specific", "budget": 1}

    # The other organization may use our e-GP number and report year; we may not twice.
    ProcurementProject.objects.for_organization(other).create(egp_number="67019999999", **fields)
    AnnualProcurementReport.objects.for_organization(other).create(fiscal_year=2567)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProcurementProject.objects.for_organization(ours).create(egp_number="67019999999", **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        AnnualProcurementReport.objects.for_organization(ours).create(fiscal_year=2567)
