"""ITA evidence this app answers: the public forms (e-service, questions, complaint channels),
the statistics page of the fiscal year assessed (service statistics, satisfaction,
corruption-complaint statistics), the Q&A page and the corruption-complaint guideline page."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from tambon.core.ita.evidence import Suggestion, finds, live_pages, site_path_suggestion
from tambon.core.ita.topics import ItaTopic

from .guideline import GUIDELINE_SLUG

FORM_PATH = "/cases/new/{kind}/"


def form(label, kind):
    return lambda site, fiscal_year, current_only: [
        site_path_suggestion(str(label), site, FORM_PATH.format(kind=kind))
    ]


finds(ItaTopic.CORRUPTION_CHANNEL)(form(gettext_lazy("Corruption complaint form"), "corruption"))
finds(ItaTopic.E_SERVICE)(form(gettext_lazy("E-Service requests"), "eservice"))
finds(ItaTopic.QA)(form(gettext_lazy("Ask a question"), "question"))
finds(ItaTopic.FEEDBACK_CHANNEL)(form(gettext_lazy("Complaint and opinion form"), "complaint"))


@finds(ItaTopic.SERVICE_STATISTICS, ItaTopic.SATISFACTION, ItaTopic.CORRUPTION_STATISTICS)
def statistics_of_the_year(site, fiscal_year, current_only):
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
def questions_and_answers(site, fiscal_year, current_only):
    from .models import QuestionAnswerPage

    return [Suggestion(page.title, page=page) for page in live_pages(QuestionAnswerPage, site)]


@finds(ItaTopic.CORRUPTION_GUIDELINE, ItaTopic.CORRUPTION_CHANNEL)
def corruption_guideline(site, fiscal_year, current_only):
    # A text page of the site with the guideline's slug, whichever app's page type it is.
    pages = live_pages(Page, site).filter(slug=GUIDELINE_SLUG)
    return [Suggestion(page.title, page=page) for page in pages]
