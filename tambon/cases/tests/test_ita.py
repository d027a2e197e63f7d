"""The ITA dashboard finds the cases' public pages as evidence."""

import pytest

from tambon.core.ita.evidence import suggestions_for
from tambon.core.ita.topics import ItaTopic

pytestmark = pytest.mark.django_db


def urls(topic, site, year=2568):
    return [suggestion.url() for suggestion in suggestions_for(topic, site, year)]


def test_statistics_of_the_assessed_year_answer_the_statistics_items(demo_site):
    for topic in (
        ItaTopic.SERVICE_STATISTICS,
        ItaTopic.SATISFACTION,
        ItaTopic.CORRUPTION_STATISTICS,
    ):
        assert "/case-statistics/2568/" in urls(topic, demo_site), topic


def test_the_q_and_a_and_the_guideline_pages_are_found(demo_site):
    assert "/questions/" in urls(ItaTopic.QA, demo_site)
    for topic in (ItaTopic.CORRUPTION_GUIDELINE, ItaTopic.CORRUPTION_CHANNEL):
        assert "/corruption-complaint-guideline/" in urls(topic, demo_site)
