"""Clerks keep records, folders, court rulings and the gift register in the admin."""

import pytest
from django.urls import reverse

from tambon.infocenter.models import CourtRuling, GiftRegisterEntry, InfoRecord, RecordCategory
from tambon.infocenter.tests.factories import (
    AntiCorruptionPageFactory,
    CourtRulingFactory,
    CourtRulingsPageFactory,
    GiftRegisterEntryFactory,
    InfoCenterPageFactory,
    InfoRecordFactory,
    PdfDocumentFactory,
    RecordCategoryFactory,
)

pytestmark = pytest.mark.django_db


def test_clerks_can_open_every_list_and_edit_form(admin_client):
    record = InfoRecordFactory(title="แผนทดสอบ", with_file=True)
    CourtRulingFactory()
    GiftRegisterEntryFactory()
    screens = [
        reverse("wagtailsnippets_infocenter_inforecord:list"),
        reverse("wagtailsnippets_infocenter_inforecord:list") + "?q=แผน",
        reverse("wagtailsnippets_infocenter_inforecord:add"),
        reverse("wagtailsnippets_infocenter_inforecord:edit", args=[record.pk]),
        reverse("wagtailsnippets_infocenter_recordcategory:list"),
        reverse("wagtailsnippets_infocenter_courtruling:list"),
        reverse("wagtailsnippets_infocenter_courtruling:add"),
        reverse("wagtailsnippets_infocenter_giftregisterentry:list"),
        reverse("wagtailsnippets_infocenter_giftregisterentry:add"),
    ]
    for url in screens:
        assert admin_client.get(url).status_code == 200, url


def test_clerks_can_open_the_three_pages_in_the_editor(admin_client, home):
    for factory in (InfoCenterPageFactory, CourtRulingsPageFactory, AntiCorruptionPageFactory):
        page = factory(parent=home)
        assert (
            admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
        )


def test_a_record_with_a_file_is_added_in_the_admin_and_gets_its_fiscal_year(admin_client):
    folder = RecordCategoryFactory()
    document = PdfDocumentFactory()
    form = {
        "title": "ข้อบัญญัติใหม่",
        "category": folder.pk,
        "published_on": "2024-10-01",
        "fiscal_year": "",
        "period_start": "",
        "period_end": "",
        "summary": "",
        "division": "",
        "live": "on",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-MIN_NUM_FORMS": "0",
        "files-MAX_NUM_FORMS": "1000",
        "files-0-document": document.pk,
        "files-0-title": "",
        "files-0-ORDER": "1",
        "files-0-id": "",
        "files-0-DELETE": "",
    }

    response = admin_client.post(reverse("wagtailsnippets_infocenter_inforecord:add"), form)

    assert response.status_code == 302
    record = InfoRecord.objects.all_organizations().get(title="ข้อบัญญัติใหม่")
    assert record.fiscal_year == 2568
    assert record.files.get().document == document


def test_a_gift_register_row_is_added_in_the_admin(admin_client):
    form = {
        "received_on": "2024-12-25",
        "estimated_value": "800",
        "giver": "ร้านค้าในตำบล",
        "recipient_position": "ปลัดองค์การบริหารส่วนตำบล",
        "description": "ขนมปีใหม่",
        "disposal": "donated",
        "notes": "",
    }

    response = admin_client.post(reverse("wagtailsnippets_infocenter_giftregisterentry:add"), form)

    assert response.status_code == 302
    assert (
        GiftRegisterEntry.objects.all_organizations().get(description="ขนมปีใหม่").fiscal_year == 2568
    )


def test_a_court_ruling_without_link_or_document_is_refused_in_thai(admin_client):
    form = {
        "case_number": "อ.55/2568",
        "ruling_date": "2025-01-10",
        "court": "ศาลปกครองสูงสุด",
        "subject": "เรื่องทดสอบ",
        "summary": "",
        "url": "",
        "document": "",
    }

    response = admin_client.post(reverse("wagtailsnippets_infocenter_courtruling:add"), form)

    assert response.status_code == 200
    assert "ใส่ลิงก์ไปยังคำพิพากษา" in response.content.decode()
    assert not CourtRuling.objects.all_organizations().filter(case_number="อ.55/2568").exists()


def test_a_folder_that_holds_records_is_kept(admin_client):
    folder = InfoRecordFactory().category
    url = reverse("wagtailsnippets_infocenter_recordcategory:delete", args=[folder.pk])

    response = admin_client.post(url, follow=True)

    assert response.status_code == 200
    assert RecordCategory.objects.all_organizations().filter(pk=folder.pk).exists()


def test_records_the_usage_index_has_not_seen_still_keep_their_folder(admin_client):
    folder = RecordCategoryFactory(name="แฟ้มมีข้อมูล", slug="unindexed-folder")
    InfoRecord.objects.bulk_create(  # no signals: Wagtail's usage index does not know the row
        [
            InfoRecord(
                title="ข้อมูลเก่า",
                category=folder,
                fiscal_year=2568,
                organization=folder.organization,
            )
        ]
    )
    url = reverse("wagtailsnippets_infocenter_recordcategory:delete", args=[folder.pk])

    response = admin_client.post(url, follow=True)

    assert "แฟ้มนี้ยังมีข้อมูลข่าวสารอยู่" in response.content.decode()
    assert RecordCategory.objects.all_organizations().filter(slug="unindexed-folder").exists()


def test_deleting_a_folder_lifts_its_sub_folders_to_the_top(admin_client):
    folder = RecordCategoryFactory(slug="test-top")
    RecordCategoryFactory(slug="test-inside", parent=folder)
    url = reverse("wagtailsnippets_infocenter_recordcategory:delete", args=[folder.pk])

    admin_client.post(url)

    assert not RecordCategory.objects.all_organizations().filter(slug="test-top").exists()
    assert RecordCategory.objects.all_organizations().get(slug="test-inside").parent is None


def test_an_empty_folder_can_be_deleted(admin_client):
    folder = RecordCategoryFactory(name="แฟ้มว่าง", slug="empty-folder")
    url = reverse("wagtailsnippets_infocenter_recordcategory:delete", args=[folder.pk])

    admin_client.post(url)

    assert not RecordCategory.objects.all_organizations().filter(slug="empty-folder").exists()
