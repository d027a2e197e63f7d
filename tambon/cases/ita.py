"""Where the ITA dashboard finds the cases' evidence: the statistics page of the fiscal year
assessed (service statistics, satisfaction, corruption-complaint statistics), the Q&A page and
the corruption-complaint guideline page (which also gives the channels). Registered by
CasesConfig.ready."""

from django.utils.translation import gettext as _

from tambon.infocenter.ita.finders import Suggestion, finds, live_pages
from tambon.infocenter.ita.topics import ItaTopic

from .guideline import GUIDELINE_SLUG


@finds(ItaTopic.SERVICE_STATISTICS, ItaTopic.SATISFACTION, ItaTopic.CORRUPTION_STATISTICS)
def statistics_of_the_year(site, fiscal_year):
    from .models import CaseStatisticsPage

    return [
        Suggestion(
            _("%(page)s, fiscal year %(year)s") % {"page": page.title, "year": fiscal_year},
            page=page,
            subpath=page.reverse_subpage("year", args=[fiscal_year]),
            covers_fiscal_year=fiscal_year,
        )
        for page in live_pages(CaseStatisticsPage, site)
    ]


@finds(ItaTopic.QA)
def questions_and_answers(site, fiscal_year):
    from .models import QuestionAnswerPage

    return [Suggestion(page.title, page=page) for page in live_pages(QuestionAnswerPage, site)]


@finds(ItaTopic.CORRUPTION_GUIDELINE, ItaTopic.CORRUPTION_CHANNEL)
def corruption_guideline(site, fiscal_year):
    from tambon.pages.models import StandardPage

    pages = live_pages(StandardPage, site).filter(slug=GUIDELINE_SLUG)
    return [Suggestion(page.title, page=page) for page in pages]
