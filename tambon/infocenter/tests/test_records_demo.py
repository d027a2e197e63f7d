"""The demo's information center: every folder the ITA asks for has something, and loading the
demo again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.models import Page

from tambon.infocenter.models import (
    CourtRuling,
    GiftRegisterEntry,
    InfoRecord,
    InfoRecordFile,
    RecordCategory,
)
from tambon.pages.models import HomePage

# The demo is the subject of these tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def snapshot():
    return {
        "records": sorted(InfoRecord.objects.values_list("category__slug", "title")),
        "files": InfoRecordFile.objects.count(),
        "documents": Document.objects.count(),
        "categories": RecordCategory.objects.count(),
        "rulings": CourtRuling.objects.count(),
        "gifts": GiftRegisterEntry.objects.count(),
        "pages": Page.objects.count(),
    }


def test_loading_the_demo_again_adds_no_record_ruling_gift_or_document():
    before = snapshot()

    call_command("load_demo", verbosity=0)

    assert snapshot() == before


def test_demo_has_five_laws_and_records_in_the_folders_the_ita_asks_for():
    assert InfoRecord.objects.filter(category__slug="laws").count() >= 5
    for slug in [
        "operations-plan",
        "performance-reports",
        "staff-manuals",
        "service-manuals",
        "human-resources",
        "anti-corruption-plan",
        "risk-assessment",
        "no-gift-policy",
        "ethics",
        "pdpa",
    ]:
        assert InfoRecord.objects.filter(category__slug=slug).exists(), slug


def test_every_demo_record_has_a_small_pdf_that_says_it_is_a_sample():
    for record in InfoRecord.objects.all():
        assert "ตัวอย่าง" in record.title
        item = record.files.get()
        with item.document.file.open("rb") as handle:
            content = handle.read()
        assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
        assert b"SAMPLE" in content and len(content) < 2000


def test_home_quick_links_lead_to_the_new_pages(demo_home):
    links = {block.value["label"]: block.value["link"]["page"] for block in demo_home.quick_links}

    assert links["ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์"].specific_class.__name__ == "InfoCenterPage"
    assert links["คำพิพากษาของศาลปกครอง"].specific_class.__name__ == "CourtRulingsPage"
    assert links["ปราบปรามทุจริต"].specific_class.__name__ == "AntiCorruptionPage"
    assert isinstance(demo_home, HomePage)
