"""What a new organization's information center starts with: its folders, the current fiscal
year's ITA list and the pages that show them; twice changes nothing, and each organization gets
its own."""

import datetime

import pytest
from wagtail.models import Page

from tambon.core.models import Organization
from tambon.infocenter.models import (
    AntiCorruptionPage,
    ItaIndicator,
    ItaItem,
    ItaYear,
    ItaYearPage,
    RecordCategory,
)
from tambon.infocenter.starter import ensure_starter_content
from tambon.pages.tests.factories import second_organization_site

pytestmark = pytest.mark.django_db

# 1 October 2024 starts fiscal year 2568 (it ends on 30 September 2025, B.E. 2568).
FIRST_DAY_OF_2568 = datetime.date(2024, 10, 1)


@pytest.fixture
def ours(site):
    return Organization.for_site(site)


def start(organization, today=FIRST_DAY_OF_2568):
    return ensure_starter_content(organization, organization.site.root_page.specific, today)


def content_of(organization):
    return {
        "folders": sorted(
            RecordCategory.objects.for_organization(organization).values_list("slug", "name")
        ),
        "years": sorted(
            ItaYear.objects.for_organization(organization).values_list("fiscal_year", "title")
        ),
        "indicators": ItaIndicator.objects.for_organization(organization).count(),
        "items": sorted(
            ItaItem.objects.for_organization(organization).values_list("year__fiscal_year", "code")
        ),
        "pages": sorted(
            organization.site.root_page.get_descendants().values_list("slug", flat=True)
        ),
    }


def test_the_folders_include_the_act_sections_and_the_ita_folders(ours):
    start(ours)

    folders = RecordCategory.objects.for_organization(ours)
    slugs = set(folders.values_list("slug", flat=True))
    assert {
        "oia-section-7",
        "oia-section-9",
        "laws",
        "development-plan",
        "operations-plan",
    } <= slugs
    assert {"s7-structure", "s7-powers", "s7-contact", "s7-rules"} <= slugs
    assert {"s9-decisions", "s9-policies", "s9-plans-budget", "s9-staff-manuals"} <= slugs
    assert folders.get(slug="s9-plans-budget").parent.slug == "oia-section-9"
    assert {"no-gift-policy", "ethics", "pdpa", "risk-assessment", "human-resources"} <= slugs


def test_the_ita_list_of_the_fiscal_year_is_there_with_its_public_page(ours):
    pages = start(ours)

    year = ItaYear.objects.for_organization(ours).get()
    assert year.fiscal_year == 2568
    assert sorted(year.items.values_list("code", flat=True)) == sorted(
        f"O{n}" for n in range(1, 27)
    )
    page = pages["ita-2568"]
    assert isinstance(page, ItaYearPage) and page.live and page.year == year
    assert set(pages) == {"infocenter", "court-rulings", "anti-corruption", "ita-2568"}


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2024, 9, 30), 2567),  # the last day of fiscal year 2567
        (datetime.date(2024, 10, 1), 2568),  # the first day of fiscal year 2568
        (datetime.date(2026, 3, 15), 2569),
    ],
)
def test_the_fiscal_year_is_the_thai_october_to_september_year_in_the_buddhist_era(
    ours, today, expected
):
    pages = start(ours, today)

    assert list(ItaYear.objects.for_organization(ours).values_list("fiscal_year", flat=True)) == [
        expected
    ]
    assert f"ita-{expected}" in pages
    # A year after the newest built-in list uses that list until a new one is loaded.
    assert ItaItem.objects.for_organization(ours).filter(year__fiscal_year=expected).count() > 0


def test_starting_twice_changes_nothing(ours):
    start(ours)
    before = content_of(ours)
    page_count = Page.objects.count()

    start(ours)

    assert content_of(ours) == before
    assert Page.objects.count() == page_count


def test_what_the_clerk_changed_is_left_as_it_is(ours):
    start(ours)
    laws = RecordCategory.objects.for_organization(ours).get(slug="laws")
    laws.name = "กฎหมายที่เราใช้"
    laws.save()
    RecordCategory.objects.for_organization(ours).get(slug="pdpa").delete()

    start(ours)

    assert RecordCategory.objects.for_organization(ours).get(slug="laws").name == "กฎหมายที่เราใช้"
    # A folder the clerk deleted comes back only as an empty folder of the same address name.
    assert RecordCategory.objects.for_organization(ours).filter(slug="pdpa").count() == 1


def test_two_organizations_get_separate_folders_ita_lists_and_pages(ours):
    theirs = Organization.for_site(second_organization_site("127.0.0.1"))

    start(ours)
    start(theirs)

    ours_content, theirs_content = content_of(ours), content_of(theirs)
    assert ours_content["folders"] == theirs_content["folders"]  # the same template ...
    assert ours_content["items"] == theirs_content["items"]
    our_folders = set(RecordCategory.objects.for_organization(ours).values_list("pk", flat=True))
    their_folders = set(
        RecordCategory.objects.for_organization(theirs).values_list("pk", flat=True)
    )
    assert our_folders and not our_folders & their_folders  # ... but rows of their own
    our_year = ItaYear.objects.for_organization(ours).get()
    their_year = ItaYear.objects.for_organization(theirs).get()
    assert our_year != their_year
    assert set(their_year.items.values_list("organization_id", flat=True)) == {theirs.pk}
    their_page = AntiCorruptionPage.objects.descendant_of(theirs.site.root_page).get()
    assert {topic.category.organization_id for topic in their_page.topics.all()} == {theirs.pk}
    their_ita_page = ItaYearPage.objects.descendant_of(theirs.site.root_page).get()
    assert their_ita_page.year == their_year
