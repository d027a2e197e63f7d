"""The demo's information center: every folder the ITA asks for has something, its rulings and
ITA page show what it has, and loading the demo again changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.models import Page

from tambon.core.models import Organization
from tambon.infocenter.ita.coverage import Coverage, year_coverage
from tambon.infocenter.models import (
    CourtRuling,
    CourtRulingsPage,
    GiftRegisterEntry,
    InfoRecord,
    InfoRecordFile,
    ItaYear,
    RecordCategory,
)
from tambon.pages.models import HomePage

# The demo is the subject of these tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def snapshot():
    return {
        "records": sorted(
            InfoRecord.objects.all_organizations().values_list("category__slug", "title")
        ),
        "files": InfoRecordFile.objects.all_organizations().count(),
        "documents": Document.objects.count(),
        "categories": RecordCategory.objects.all_organizations().count(),
        "rulings": CourtRuling.objects.all_organizations().count(),
        "gifts": GiftRegisterEntry.objects.all_organizations().count(),
        "pages": Page.objects.count(),
    }


def test_loading_the_demo_again_adds_no_record_ruling_gift_or_document():
    before = snapshot()

    call_command("load_demo", verbosity=0)

    assert snapshot() == before


def test_demo_has_five_laws_and_records_in_the_folders_the_ita_asks_for():
    assert InfoRecord.objects.all_organizations().filter(category__slug="laws").count() >= 5
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
        assert InfoRecord.objects.all_organizations().filter(category__slug=slug).exists(), slug


def test_every_demo_record_has_a_small_pdf_that_says_it_is_a_sample():
    for record in InfoRecord.objects.all_organizations().all():
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


def test_demo_has_sample_rulings_on_the_page(client, demo_site):
    # The demo's first organization (the second has no rulings of its own).
    rulings_page = CourtRulingsPage.objects.descendant_of(demo_site.root_page).get(
        slug="court-rulings"
    )
    rulings = CourtRuling.objects.for_organization(Organization.for_site(demo_site))

    html = client.get(rulings_page.get_url(current_site=demo_site)).content.decode()

    assert rulings.count() >= 3
    assert html.count('class="record"') == rulings.count()


def test_the_demo_fy_2568_covers_every_item_from_its_own_content(demo_site):
    fy2568 = ItaYear.objects.all_organizations().get(fiscal_year=2568)
    coverages = {c.item.code: c for c in year_coverage(fy2568)}

    for code in ("O1", "O2", "O3", "O4", "O10", "O12", "O13", "O18"):
        assert coverages[code].status == Coverage.COVERED, code
    assert coverages["O4"].evidence[0].url == "/news/fiscal-year/2568/"
    assert coverages["O10"].evidence[0].url == "/cases/new/eservice/"
    assert "/cases/new/corruption/" in {link.url for link in coverages["O18"].evidence}
    assert {link.url for link in coverages["O12"].evidence} == {
        "/procurement/?year=2568",
        "/procurement/summary/2568/",
    }
    assert coverages["O13"].evidence[0].url == "/procurement/report/2568/"
    assert coverages["O19"].status == Coverage.COVERED  # the case statistics page
    # Its plans and reports of FY 2568 are in the information center (demo_fiscal_years).
    for code in ("O6", "O7", "O14", "O15", "O16", "O20", "O21", "O22", "O25", "O26"):
        assert coverages[code].status == Coverage.COVERED, code
    assert "year=2568" in coverages["O6"].evidence[0].url
    assert {c.status for c in coverages.values()} == {Coverage.COVERED}
