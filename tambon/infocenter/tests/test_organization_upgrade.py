"""Upgrade in place: the folders, records, files, court rulings, gift register and ITA lists of a
database of the release before they belonged to an organization are given to its organization
(the approach of tambon/people/tests/test_organization_upgrade.py)."""

import datetime

import pytest
from django.db import IntegrityError, transaction

from tambon.core.models import Organization
from tambon.core.tests.upgrade import another_organization, default_site_id, migrate
from tambon.infocenter.models import (
    CourtRuling,
    GiftRegisterEntry,
    InfoRecord,
    InfoRecordFile,
    ItaEvidence,
    ItaIndicator,
    ItaItem,
    ItaYear,
    RecordCategory,
)

BEFORE = [("infocenter", "0004_record_categories")]
AFTER = [("infocenter", "0007_organization_required")]
OWNED = [
    RecordCategory,
    InfoRecord,
    InfoRecordFile,
    CourtRuling,
    GiftRegisterEntry,
    ItaYear,
    ItaIndicator,
    ItaItem,
    ItaEvidence,
]


@pytest.fixture
def old_schema(schema_changes_in_a_test, db):
    return migrate(BEFORE)


def the_one_organization(apps):
    site_id = default_site_id(apps)
    Organization.objects.all().delete()
    return Organization.objects.create(
        site_id=site_id, name="องค์การบริหารส่วนตำบลพงษ์", short_name="อบต.พงษ์"
    )


def old_rows(apps):
    """One of each, as the last release stored them (historical models)."""

    def model(name):
        return apps.get_model("infocenter", name)

    folder = model("RecordCategory").objects.create(name="กฎหมายที่เกี่ยวข้อง", slug="laws")
    record = model("InfoRecord").objects.create(
        title="พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        category=folder,
        published_on=datetime.date(2023, 1, 16),
        fiscal_year=2566,
    )
    document = apps.get_model("wagtaildocs", "Document").objects.create(
        title="พ.ร.บ.", file="documents/act.pdf"
    )
    model("InfoRecordFile").objects.create(record=record, document=document, sort_order=0)
    model("CourtRuling").objects.create(
        case_number="อ.1/2566",
        ruling_date=datetime.date(2023, 6, 1),
        subject="เรื่องทดสอบ",
        url="https://www.admincourt.go.th/",
    )
    model("GiftRegisterEntry").objects.create(
        received_on=datetime.date(2024, 5, 1),
        fiscal_year=2567,
        giver="ผู้ให้",
        recipient_position="ปลัด",
        description="กระเช้า",
    )
    year = model("ItaYear").objects.create(fiscal_year=2568, title="ITA 2568")
    indicator = model("ItaIndicator").objects.create(year=year, code="9.1", title="ข้อมูลพื้นฐาน")
    item = model("ItaItem").objects.create(
        indicator=indicator, year=year, code="O1", title="โครงสร้าง"
    )
    model("ItaEvidence").objects.create(
        item=item, kind="url", external_url="https://example.org/", label="หลักฐาน"
    )


def owners():
    """{model name: the organizations its rows belong to}."""
    return {
        model.__name__: {row.organization_id for row in model.objects.all_organizations()}
        for model in OWNED
    }


def test_every_row_goes_to_the_one_organization(old_schema):
    organization = the_one_organization(old_schema)
    old_rows(old_schema)

    migrate(AFTER)

    assert owners() == {model.__name__: {organization.pk} for model in OWNED}
    record = InfoRecord.objects.for_organization(organization).get()
    assert record.category.slug == "laws"
    assert record.files.get().document.title == "พ.ร.บ."
    year = ItaYear.objects.for_organization(organization).get()
    assert [item.code for item in year.items.all()] == ["O1"]
    assert Organization.objects.count() == 1


def test_without_an_organization_the_default_site_gets_one_for_the_rows(old_schema):
    Organization.objects.all().delete()
    old_rows(old_schema)

    migrate(AFTER)

    made = Organization.objects.get()
    assert made.site_id == default_site_id(old_schema)
    assert owners() == {model.__name__: {made.pk} for model in OWNED}


def test_a_new_database_drops_its_preloaded_folders_and_makes_no_organization(old_schema):
    """No organization has ever shown a page, and the folders are those 0004 loaded: each
    organization gets its own when it is created (starter.py)."""
    Organization.objects.all().delete()
    old_schema.get_model("infocenter", "RecordCategory").objects.create(name="กฎหมาย", slug="laws")

    migrate(AFTER)

    assert not Organization.objects.exists()
    assert not RecordCategory.objects.all_organizations().exists()


def test_the_folders_alone_of_a_used_site_go_to_its_organization(old_schema):
    organization = the_one_organization(old_schema)
    old_schema.get_model("infocenter", "RecordCategory").objects.create(name="กฎหมาย", slug="laws")

    migrate(AFTER)

    assert RecordCategory.objects.for_organization(organization).get().slug == "laws"


def test_slugs_and_fiscal_years_are_unique_per_organization_after_the_upgrade(old_schema):
    ours = the_one_organization(old_schema)
    old_rows(old_schema)
    migrate(AFTER)
    other = another_organization(old_schema)

    RecordCategory.objects.for_organization(other).create(name="กฎหมาย", slug="laws")
    ItaYear.objects.for_organization(other).create(fiscal_year=2568, title="ITA 2568")
    with pytest.raises(IntegrityError), transaction.atomic():
        RecordCategory.objects.for_organization(ours).create(name="ซ้ำ", slug="laws")
    with pytest.raises(IntegrityError), transaction.atomic():
        ItaYear.objects.for_organization(ours).create(fiscal_year=2568, title="ซ้ำ")
