"""The ITA dashboard finds the cases' public pages as evidence."""

import pytest

from tambon.cases.guideline import GUIDELINE_SLUG
from tambon.core.ita.evidence import suggestions_for
from tambon.core.ita.topics import ItaTopic
from tambon.pages.tests.factories import StandardPageFactory

from .factories import CaseStatisticsPageFactory, QuestionAnswerPageFactory

pytestmark = pytest.mark.django_db


def urls(topic, site, year=2568):
    return [suggestion.url() for suggestion in suggestions_for(topic, site, year)]


def test_statistics_of_the_assessed_year_answer_the_statistics_items(site, home):
    CaseStatisticsPageFactory(parent=home, slug="case-statistics")
    for topic in (
        ItaTopic.SERVICE_STATISTICS,
        ItaTopic.SATISFACTION,
        ItaTopic.CORRUPTION_STATISTICS,
    ):
        assert "/case-statistics/2568/" in urls(topic, site), topic


def test_the_q_and_a_and_the_guideline_pages_are_found(site, home):
    QuestionAnswerPageFactory(parent=home, slug="questions")
    StandardPageFactory(parent=home, title="แนวทางการร้องเรียนการทุจริต", slug=GUIDELINE_SLUG)
    assert "/questions/" in urls(ItaTopic.QA, site)
    for topic in (ItaTopic.CORRUPTION_GUIDELINE, ItaTopic.CORRUPTION_CHANNEL):
        assert f"/{GUIDELINE_SLUG}/" in urls(topic, site)


def test_no_page_is_suggested_before_it_exists(site, home):
    assert urls(ItaTopic.SERVICE_STATISTICS, site) == []
    assert urls(ItaTopic.CORRUPTION_GUIDELINE, site) == []
    assert urls(ItaTopic.QA, site) == ["/cases/new/question/"]  # the form answers it alone
