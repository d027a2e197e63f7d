"""The coverage logic: missing, out of date at fiscal-year boundaries, suggestions."""

import datetime
from decimal import Decimal

import pytest

from tambon.cases.tests.factories import CaseStatisticsPageFactory
from tambon.core.tests.factories import default_organization
from tambon.infocenter.ita.coverage import Coverage, link_all_suggestions, summary, year_coverage
from tambon.infocenter.ita.loading import copy_year
from tambon.infocenter.models import ItaEvidence, ItaItem
from tambon.pages.models import NewsIndexPage, NewsPage
from tambon.people.tests.factories import OrgChartPageFactory
from tambon.procurement.models import AnnouncementKind
from tambon.procurement.tests.factories import (
    ProcurementAnnouncementFactory,
    ProcurementIndexPageFactory,
    ProcurementProjectFactory,
)

pytestmark = pytest.mark.django_db


def status_of(year, site, code):
    return next(c for c in year_coverage(year) if c.item.code == code)


@pytest.fixture
def empty_year(fy2568):
    """A copy of FY 2568's list with no evidence at all, as FY 2569."""
    return copy_year(default_organization(), 2568, 2569)


def add_news(date, slug):
    index = NewsIndexPage.objects.get(slug="news")
    post = NewsPage(title=f"ข่าว {slug}", slug=slug, date=date, category="news")
    index.add_child(instance=post)
    post.save_revision().publish()
    return post


def link(item, **fields):
    return ItaEvidence.objects.create(item=item, label="หลักฐาน", **fields)


def test_an_item_without_evidence_is_missing(empty_year, site):
    coverage = status_of(empty_year, site, "O19")

    assert coverage.status == Coverage.MISSING
    assert coverage.evidence == []


def test_a_page_that_was_unpublished_no_longer_counts(fy2568, site, answering_pages):
    assert status_of(fy2568, site, "O3").status == Coverage.COVERED

    answering_pages["contact"].unpublish()

    coverage = status_of(fy2568, site, "O3")
    assert coverage.status == Coverage.MISSING
    assert coverage.evidence[0].usable is False


def test_news_item_is_covered_only_by_news_of_the_fiscal_year_assessed(empty_year, site):
    o4 = ItaItem.objects.all_organizations().of_year(2569).get(code="O4")
    assert o4.needs_current_year
    news = NewsIndexPage.objects.get(slug="news")

    # 30 September 2569 (Gregorian 2026) is the last day of fiscal year 2569 ...
    last_day = add_news(datetime.date(2026, 9, 30), "last-day-2569")
    evidence = link(o4, kind="page", page=last_day)
    assert status_of(empty_year, site, "O4").status == Coverage.COVERED

    # ... and 1 October 2569 is already fiscal year 2570.
    evidence.delete()
    first_day = add_news(datetime.date(2026, 10, 1), "first-day-2570")
    link(o4, kind="page", page=first_day)
    assert status_of(empty_year, site, "O4").status == Coverage.OUT_OF_DATE

    link(o4, kind="page", page=news, subpath="fiscal-year/2569/", covers_fiscal_year=2569)
    assert status_of(empty_year, site, "O4").status == Coverage.COVERED


def test_the_publication_date_decides_when_no_covered_year_is_given(empty_year, site):
    o19 = ItaItem.objects.all_organizations().of_year(2569).get(code="O19")
    evidence = link(o19, kind="url", external_url="https://example.org/stats.pdf")
    evidence.published_on = datetime.date(2025, 9, 30)  # fiscal year 2568
    evidence.save()
    assert status_of(empty_year, site, "O19").status == Coverage.OUT_OF_DATE

    evidence.published_on = datetime.date(2025, 10, 1)  # fiscal year 2569
    evidence.save()
    assert status_of(empty_year, site, "O19").status == Coverage.COVERED


def test_an_item_that_does_not_need_this_year_accepts_old_evidence(empty_year, site):
    o3 = ItaItem.objects.all_organizations().of_year(2569).get(code="O3")
    assert not o3.needs_current_year
    evidence = link(o3, kind="url", external_url="https://example.org/contact")
    evidence.published_on = datetime.date(2019, 1, 1)
    evidence.save()

    assert status_of(empty_year, site, "O3").status == Coverage.COVERED


def test_suggestions_find_the_executives_contact_page_and_news_of_the_year(empty_year, site):
    coverages = {c.item.code: c for c in year_coverage(empty_year)}

    executives = [s.page.slug for s in coverages["O2"].suggestions]
    assert executives == ["mayor", "deputy-mayor-1", "deputy-mayor-2"]
    assert [s.page.slug for s in coverages["O3"].suggestions] == ["contact"]
    # The site has no news dated in fiscal year 2569 (Oct 2025 - Sep 2026).
    assert coverages["O4"].suggestions == []

    add_news(datetime.date(2026, 3, 1), "news-2569")
    o4 = status_of(empty_year, site, "O4")
    assert [s.url() for s in o4.suggestions] == ["/news/fiscal-year/2569/"]


def test_linking_all_suggestions_twice_adds_nothing_the_second_time(empty_year, site):
    before = summary(year_coverage(empty_year))

    added = link_all_suggestions(empty_year)

    after = summary(year_coverage(empty_year))
    assert added > 0
    assert after["covered"] > before["covered"]
    assert link_all_suggestions(empty_year) == 0


def test_fy_2568_is_covered_by_the_pages_of_every_app_and_lists_the_rest(site, home, fy2568):
    OrgChartPageFactory(parent=home.get_children().get(slug="people"))
    CaseStatisticsPageFactory(parent=home)
    ProcurementIndexPageFactory(parent=home)
    project = ProcurementProjectFactory(
        fiscal_year=2568,
        title="ก่อสร้างถนนทดสอบ",
        budget=Decimal("100000"),
        winner="ห้างทดสอบ",
        contract_date=datetime.date(2025, 2, 1),
    )
    ProcurementAnnouncementFactory(
        kind=AnnouncementKind.INVITATION,
        title="ประกาศเชิญชวนทดสอบ",
        date=datetime.date(2024, 12, 1),
        project=project,
    )
    link_all_suggestions(fy2568)

    coverages = {c.item.code: c for c in year_coverage(fy2568)}

    for code in ("O1", "O2", "O3", "O4", "O10", "O12", "O13", "O18"):
        assert coverages[code].status == Coverage.COVERED, code
    assert coverages["O1"].evidence[0].url == "/people/org-chart/"
    assert coverages["O4"].evidence[0].url == "/news/fiscal-year/2568/"
    assert coverages["O10"].evidence[0].url == "/cases/new/eservice/"
    assert "/cases/new/corruption/" in {link.url for link in coverages["O18"].evidence}
    assert {link.url for link in coverages["O12"].evidence} == {
        "/procurement/?year=2568",
        "/procurement/summary/2568/",
    }
    assert coverages["O13"].evidence[0].url == "/procurement/report/2568/"
    assert coverages["O19"].status == Coverage.COVERED  # the case statistics page
    assert coverages["O19"].evidence[0].url == "/case-statistics/2568/"
    assert coverages["O6"].status == Coverage.MISSING
