"""The public pages of the cases: statistics per fiscal year (with open data) and the Q&A.
Downloads end in a folder such as `csv/`: Wagtail's page URLs have no dots."""

from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from tambon.core.models import Organization
from tambon.core.pages import BasePage
from tambon.core.query import query_text
from tambon.thai.dates import is_buddhist_year
from tambon.thai.fiscal import fiscal_year

from .. import charts, opendata, statistics
from .choices import CaseKind
from .publication import PublishedQuestion

QUESTIONS_PER_PAGE = 10
MAX_SEARCH_LENGTH = 100


def known_fiscal_year(year):
    if not is_buddhist_year(year):
        raise Http404
    return year


class CaseStatisticsPage(RoutablePageMixin, BasePage):
    """Received, completed and in-progress cases of each kind per month, quarter and half of a
    fiscal year, service statistics and satisfaction results, with open data of the same."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case statistics page")
        verbose_name_plural = _("case statistics pages")

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def organization(self):
        """The organization of the site the page is in: its cases are counted."""
        return Organization.for_site(self.get_site())

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        root = self.get_full_url(request)
        for year in statistics.known_years(self.organization(), fiscal_year()):
            urls.append({"location": root + self.reverse_subpage("year", args=[year])})
        return urls

    @path("")
    def current_year(self, request):
        return self.year_page(request, fiscal_year())

    @path("<int:year>/", name="year")
    def year_page(self, request, year):
        known_fiscal_year(year)
        organization = self.organization()
        kinds = statistics.case_figures(organization, year)
        for item in kinds:
            item.chart = charts.received_chart(item)
        satisfaction = statistics.satisfaction(organization, year)
        response = self.render(
            request,
            template="cases/case_statistics_page.html",
            context_overrides={
                "fiscal_year": year,
                "years": statistics.known_years(organization, fiscal_year()),
                "kinds": kinds,
                "services": statistics.service_figures(organization, year),
                "no_services": statistics.NONE_SENTENCES[CaseKind.ESERVICE],
                "service_months": [period for period, _figures in kinds[0].months],
                "satisfaction": satisfaction,
                "satisfaction_chart": charts.satisfaction_chart(satisfaction),
            },
        )
        # The figures move with every case: never kept by the full-page cache.
        add_never_cache_headers(response)
        return response

    @path("<int:year>/csv/", name="csv")
    def year_csv(self, request, year):
        return opendata.csv_response(self.organization(), "cases", known_fiscal_year(year))

    @path("<int:year>/json/", name="json")
    def year_json(self, request, year):
        return opendata.json_response(self.organization(), "cases", known_fiscal_year(year))

    @path("<int:year>/<slug:table>/csv/", name="table_csv")
    def table_csv(self, request, year, table):
        if table not in opendata.TABLES:
            raise Http404
        return opendata.csv_response(self.organization(), table, known_fiscal_year(year))

    @path("<int:year>/<slug:table>/json/", name="table_json")
    def table_json(self, request, year, table):
        if table not in opendata.TABLES:
            raise Http404
        return opendata.json_response(self.organization(), table, known_fiscal_year(year))


class QuestionAnswerPage(RoutablePageMixin, BasePage):
    """Questions citizens asked and the answers, as staff rewrote them for everyone."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("questions and answers page")
        verbose_name_plural = _("questions and answers pages")

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def published(self):
        """The published questions of the organization of the site the page is in."""
        organization = Organization.for_site(self.get_site())
        return PublishedQuestion.objects.for_organization(organization).published()

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        root = self.get_full_url(request)
        for code in self.published().values_list("code", flat=True):
            urls.append({"location": root + self.reverse_subpage("answer", args=[code])})
        return urls

    def ask_url(self):
        return reverse("cases:new", args=[CaseKind.QUESTION])

    @path("")
    def listing(self, request):
        query = query_text(request, "q", MAX_SEARCH_LENGTH)
        answers = self.published().newest_first()
        if query:
            answers = answers.matching(query)
        try:
            items = Paginator(answers, QUESTIONS_PER_PAGE).page(request.GET.get("page") or 1)
        except InvalidPage:
            raise Http404 from None
        return self.render(
            request,
            context_overrides={"items": items, "search_query": query, "ask_url": self.ask_url()},
        )

    @path("<slug:code>/", name="answer")
    def answer(self, request, code):
        item = self.published().filter(code=code).first()
        if item is None:
            raise Http404
        return self.render(
            request,
            template="cases/question_answer_detail.html",
            context_overrides={"item": item, "ask_url": self.ask_url()},
        )
