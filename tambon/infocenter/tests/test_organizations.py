"""Two organizations on two sites: the information center of one never shows, exports, finds or
lets a member act on the folders, records, files, rulings, gifts or ITA lists of the other.

A is the default site (the test client's host), B answers at OTHER_HOST. Both start as every
organization does (starter.py), then each gets rows of its own, named so a page shows whose
they are.
"""

import datetime
import json

import pytest
from django.urls import reverse

from tambon.core.models import Organization
from tambon.infocenter.ita.coverage import year_coverage
from tambon.infocenter.ita.loading import copy_year
from tambon.infocenter.models import (
    AntiCorruptionPage,
    CourtRuling,
    GiftRegisterEntry,
    InfoCenterPage,
    InfoRecord,
    ItaEvidence,
    ItaYear,
    RecordCategory,
)
from tambon.infocenter.starter import ensure_starter_content
from tambon.infocenter.tests.factories import (
    CourtRulingFactory,
    GiftRegisterEntryFactory,
    InfoRecordFactory,
    ItaEvidenceFactory,
    PdfDocumentFactory,
    RecordCategoryFactory,
)
from tambon.pages.tests.factories import second_organization_site

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1"
START = datetime.date(2024, 10, 1)  # fiscal year 2568


def build(organization, whose):
    """The starter content and one row of each kind, named after `whose`."""
    ensure_starter_content(organization, organization.site.root_page.specific, START)
    folders = RecordCategory.objects.for_organization(organization)
    year = ItaYear.objects.for_organization(organization).get(fiscal_year=2568)
    return {
        "organization": organization,
        "record": InfoRecordFactory(
            title=f"ประกาศของ{whose}",
            category=folders.get(slug="staff-manuals"),
            published_on=datetime.date(2024, 11, 1),
            with_file=True,
        ),
        "draft": InfoRecordFactory(
            title=f"ร่างของ{whose}", category=folders.get(slug="laws"), live=False
        ),
        "folder": RecordCategoryFactory(
            organization=organization, name=f"แฟ้มของ{whose}", slug=f"folder-{organization.pk}"
        ),
        "ruling": CourtRulingFactory(organization=organization, subject=f"คำพิพากษาของ{whose}"),
        "gift": GiftRegisterEntryFactory(
            organization=organization,
            received_on=datetime.date(2024, 12, 1),
            description=f"ของขวัญของ{whose}",
        ),
        "year": year,
        "item": year.items.get(code="O8"),
        "evidence": ItaEvidenceFactory(item=year.items.get(code="O1"), label=f"หลักฐานของ{whose}"),
    }


@pytest.fixture
def two(site):
    ours = build(Organization.for_site(site), "เรา")
    theirs = build(Organization.for_site(second_organization_site(OTHER_HOST)), "เขา")
    return ours, theirs


def html(client, url, **kwargs):
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response.content.decode()


# --- Public pages ----------------------------------------------------------------------------


PUBLIC_URLS = [
    "/infocenter/",
    "/infocenter/records/",
    "/infocenter/records/?q=ประกาศของ",
    "/infocenter/records/?year=2568",
    "/infocenter/category/staff-manuals/",
    "/infocenter/records/csv/",
    "/infocenter/records/json/",
    "/infocenter/category/staff-manuals/csv/",
    "/infocenter/category/staff-manuals/json/?q=ประกาศ",
    "/court-rulings/",
    "/court-rulings/?q=คำพิพากษา",
    "/anti-corruption/",
    "/ita-2568/",
    "/sitemap.xml",
]


def test_a_public_page_of_one_organization_shows_nothing_of_the_other(client, two):
    ours, theirs = two

    for url in PUBLIC_URLS:
        text = html(client, url)
        their_text = html(client, url, HTTP_HOST=OTHER_HOST)

        assert "ของเขา" not in text, url
        assert "ของเรา" not in their_text, url
        assert f"/record/{theirs['record'].pk}/" not in text, url
        assert f"/record/{ours['record'].pk}/" not in their_text, url


def test_each_organization_lists_and_exports_its_own_records(client, two):
    ours, theirs = two

    assert "ประกาศของเรา" in html(client, "/infocenter/category/staff-manuals/")
    assert "ประกาศของเขา" in html(
        client, "/infocenter/category/staff-manuals/", HTTP_HOST=OTHER_HOST
    )
    data = json.loads(html(client, "/infocenter/records/json/"))
    assert [record["id"] for record in data["records"]] == [ours["record"].pk]
    data = json.loads(html(client, "/infocenter/records/json/", HTTP_HOST=OTHER_HOST))
    assert [record["id"] for record in data["records"]] == [theirs["record"].pk]
    assert "คำพิพากษาของเรา" in html(client, "/court-rulings/")
    assert "ของขวัญของเรา" in html(client, "/anti-corruption/")
    assert "หลักฐานของเรา" in html(client, "/ita-2568/")
    assert "หลักฐานของเขา" in html(client, "/ita-2568/", HTTP_HOST=OTHER_HOST)


def test_another_organizations_record_or_folder_is_not_found_by_its_address(client, two):
    ours, theirs = two
    record, folder = theirs["record"], theirs["folder"]

    assert client.get(f"/infocenter/record/{record.pk}/").status_code == 404
    for suffix in ("", "csv/", "json/"):
        assert client.get(f"/infocenter/category/{folder.slug}/{suffix}").status_code == 404
    # On its own host each is there.
    assert client.get(f"/infocenter/record/{record.pk}/", HTTP_HOST=OTHER_HOST).status_code == 200
    url = f"/infocenter/category/{folder.slug}/"
    assert client.get(url, HTTP_HOST=OTHER_HOST).status_code == 200
    assert client.get(f"/infocenter/record/{ours['record'].pk}/").status_code == 200


def test_an_ita_page_set_to_another_organizations_year_shows_none_of_its_items(client, two):
    ours, theirs = two
    page = ours["year"].pages.get()
    page.year = theirs["year"]
    page.save_revision().publish()

    text = html(client, page.url)

    assert "หลักฐานของเขา" not in text
    assert 'id="ita-o1"' not in text


def test_the_anti_corruption_page_shows_no_folder_of_another_organization(client, two):
    ours, theirs = two
    page = AntiCorruptionPage.objects.descendant_of(ours["organization"].site.root_page).get()
    topic = page.topics.first()
    topic.category = theirs["record"].category  # as a page copied between sites would keep it
    topic.save()

    text = html(client, "/anti-corruption/?again=1")

    assert "ประกาศของเขา" not in text
    assert f"/category/{theirs['record'].category.slug}/" not in text


# --- ITA evidence found for an organization's year ---------------------------------------------


def test_evidence_is_suggested_from_the_organization_of_the_ita_year_only(two):
    ours, theirs = two
    our_manuals = InfoRecord.objects.for_organization(ours["organization"]).get(
        title="ประกาศของเรา"
    )
    our_manuals.delete()  # now only B has a staff manual

    ours_found = {c.item.code: c for c in year_coverage(ours["year"])}["O8"]
    theirs_found = {c.item.code: c for c in year_coverage(theirs["year"])}["O8"]

    assert ours_found.suggestions == []
    their_center = InfoCenterPage.objects.descendant_of(theirs["organization"].site.root_page)
    assert [s.page.pk for s in theirs_found.suggestions] == [their_center.get().pk]


# --- The admin -------------------------------------------------------------------------------


def snippet_url(model, view, pk=None):
    name = f"wagtailsnippets_infocenter_{model._meta.model_name}:{view}"
    return reverse(name, args=[pk] if pk is not None else [])


@pytest.mark.parametrize("name", ["record", "folder", "ruling", "gift", "year", "item"])
def test_another_organizations_row_is_not_found_in_the_admin_by_its_id(admin_client, two, name):
    ours, theirs = two
    row = theirs[name]
    model = type(row)

    for view in ("edit", "delete", "history", "usage", "copy"):
        url = snippet_url(model, view, row.pk)
        assert admin_client.get(snippet_url(model, view, ours[name].pk)).status_code == 200, view
        assert admin_client.get(url).status_code == 404, view
        assert admin_client.post(url).status_code == 404, view
    assert model.objects.all_organizations().get(pk=row.pk) == row


def test_the_admin_lists_searches_and_filters_the_members_organizations_rows(admin_client, two):
    ours, theirs = two
    listing = snippet_url(InfoRecord, "list")

    for query in ("", "?q=ประกาศ", f"?category={theirs['folder'].pk}", "?live=false"):
        text = html(admin_client, listing + query)
        assert "ของเขา" not in text, query
    assert "ประกาศของเรา" in html(admin_client, listing)
    assert "ประกาศของเขา" in html(admin_client, listing, HTTP_HOST=OTHER_HOST)
    for name in ("folder", "ruling", "gift", "year"):
        model = type(ours[name])
        assert "ของเขา" not in html(admin_client, snippet_url(model, "list")), name
    # The ITA items of both have the same codes and titles: tell them apart by their addresses.
    item_model = type(ours["item"])
    for query in ("", f"?year={theirs['year'].pk}", "?q=O8"):
        text = html(admin_client, snippet_url(item_model, "list") + query)
        assert snippet_url(item_model, "edit", theirs["item"].pk) not in text, query
    text = html(admin_client, snippet_url(item_model, "list") + "?q=O8")
    assert snippet_url(item_model, "edit", ours["item"].pk) in text


def record_form(folder, title):
    return {
        "title": title,
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
        "files-0-document": PdfDocumentFactory().pk,
        "files-0-title": "",
        "files-0-ORDER": "1",
        "files-0-id": "",
        "files-0-DELETE": "",
    }


def test_a_record_added_in_the_admin_belongs_to_the_members_organization(admin_client, two):
    ours, theirs = two
    add = snippet_url(InfoRecord, "add")

    response = admin_client.post(add, record_form(ours["folder"], "ใหม่ของเรา"))
    assert response.status_code == 302
    added = InfoRecord.objects.all_organizations().get(title="ใหม่ของเรา")
    assert added.organization == ours["organization"]
    assert added.files.get().organization == ours["organization"]

    response = admin_client.post(add, record_form(theirs["folder"], "ใส่แฟ้มของเขา"))
    assert response.status_code == 200  # their folder is no choice here
    assert not InfoRecord.objects.all_organizations().filter(title="ใส่แฟ้มของเขา").exists()

    response = admin_client.post(
        add, record_form(theirs["folder"], "ใหม่ของเขา"), HTTP_HOST=OTHER_HOST
    )
    assert response.status_code == 302
    added = InfoRecord.objects.all_organizations().get(title="ใหม่ของเขา")
    assert added.organization == theirs["organization"]


def test_a_ruling_and_a_gift_added_in_the_admin_belong_to_the_sites_organization(admin_client, two):
    ours, theirs = two
    ruling = {
        "case_number": "อ.77/2568",
        "ruling_date": "2025-01-10",
        "court": "ศาลปกครองสูงสุด",
        "subject": "เรื่องใหม่",
        "summary": "",
        "url": "https://www.admincourt.go.th/",
        "document": "",
    }
    gift = {
        "received_on": "2024-12-25",
        "estimated_value": "800",
        "giver": "ร้านค้า",
        "recipient_position": "ปลัด",
        "description": "ขนมใหม่",
        "disposal": "donated",
        "notes": "",
    }

    assert admin_client.post(snippet_url(CourtRuling, "add"), ruling).status_code == 302
    response = admin_client.post(snippet_url(GiftRegisterEntry, "add"), gift, HTTP_HOST=OTHER_HOST)
    assert response.status_code == 302

    assert (
        CourtRuling.objects.all_organizations().get(subject="เรื่องใหม่").organization
        == (ours["organization"])
    )
    assert (
        GiftRegisterEntry.objects.all_organizations().get(description="ขนมใหม่").organization
        == (theirs["organization"])
    )


def test_the_ita_dashboard_and_its_actions_stay_within_the_organization(admin_client, two):
    ours, theirs = two
    copy_year(theirs["organization"], 2568, 2569)  # a year only they have

    text = html(admin_client, reverse("ita_coverage"))
    assert "หลักฐานของเรา" in text and "หลักฐานของเขา" not in text
    response = admin_client.get(reverse("ita_coverage") + "?year=2569")
    assert response.status_code == 302  # "there is no ITA list for that fiscal year"
    export = reverse("ita_export", args=[2569, "csv"])
    assert admin_client.get(export).status_code == 404
    assert admin_client.get(export, HTTP_HOST=OTHER_HOST).status_code == 200
    rows = admin_client.get(reverse("ita_export", args=[2568, "csv"])).content.decode("utf-8-sig")
    assert "หลักฐานของเรา" in rows and "หลักฐานของเขา" not in rows

    evidence_before = ItaEvidence.objects.all_organizations().count()
    link = reverse("ita_link_suggestion")
    assert admin_client.post(link, {"item": theirs["item"].pk, "url": "/"}).status_code == 404
    assert admin_client.post(link, {"year": theirs["year"].pk}).status_code == 404
    assert ItaEvidence.objects.all_organizations().count() == evidence_before


def test_a_year_is_copied_from_the_members_organization_only(admin_client, two):
    ours, theirs = two
    copy_year(theirs["organization"], 2568, 2567)  # a year only they have
    add_year = reverse("ita_add_year")

    text = html(admin_client, add_year)
    assert 'value="2567"' not in text
    response = admin_client.post(
        add_year, {"action": "copy", "source": "2567", "fiscal_year": "2570"}
    )
    assert response.status_code == 200  # their year is no choice
    assert not ItaYear.objects.all_organizations().filter(fiscal_year=2570).exists()

    response = admin_client.post(
        add_year, {"action": "copy", "source": "2568", "fiscal_year": "2570"}
    )
    assert response.status_code == 302
    copied = ItaYear.objects.all_organizations().get(fiscal_year=2570)
    assert copied.organization == ours["organization"]
    assert set(copied.items.values_list("organization_id", flat=True)) == {ours["organization"].pk}


def test_the_anti_corruption_page_editor_offers_the_sites_folders_and_records_only(
    admin_client, two
):
    ours, theirs = two
    page = AntiCorruptionPage.objects.descendant_of(ours["organization"].site.root_page).get()
    form_class = AntiCorruptionPage.get_edit_handler().get_form_class()

    form = form_class(instance=page, parent_page=page.get_parent(), for_user=None)

    topics = form.formsets["topics"]
    for topic_form in [*topics.forms, topics.empty_form]:
        folders = topic_form.fields["category"].queryset
        records = topic_form.fields["record"].queryset
        assert {row.organization for row in [*folders, *records]} == {ours["organization"]}
        assert ours["folder"] in folders and theirs["folder"] not in folders
    for model in ("recordcategory", "inforecord"):
        chooser = admin_client.get(f"/admin/snippets/choose/infocenter/{model}/").json()["html"]
        assert "ของเรา" in chooser and "ของเขา" not in chooser, model
