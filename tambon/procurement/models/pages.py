"""The public procurement page: announcements, projects, plans, form สขร.1, the annual report
and open data, all as routes of one page so their URLs stay stable for the ITA assessor.

Downloads end in a folder such as `csv/` rather than `.csv`: Wagtail's page URLs have no dots.
"""

from functools import cached_property

from django.core.paginator import InvalidPage, Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from tambon.core.models import Organization
from tambon.core.pages import BasePage
from tambon.core.replica import ServedFromReplica
from tambon.thai.dates import is_buddhist_year
from tambon.thai.fiscal import fiscal_year

from .. import opendata, summary
from ..forms import AnnouncementFilterForm
from .plans import PlanLine, ProcurementPlan
from .projects import Bid, ProcurementAnnouncement, ProcurementProject

ANNOUNCEMENTS_PER_PAGE = 20
MAX_ID = 2**63 - 1


def known_fiscal_year(year):
    if not is_buddhist_year(year):
        raise Http404
    return year


class ProcurementIndexPage(ServedFromReplica, RoutablePageMixin, BasePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("procurement page")
        verbose_name_plural = _("procurement pages")

    def route_url(self, name, *args):
        return self.url + self.reverse_subpage(name, args=args)

    def project_url(self, project):
        return self.route_url("project", project.pk)

    @cached_property
    def organization(self):
        """The organization whose procurement this page shows: its site's."""
        return Organization.for_site(self.get_site())

    def projects(self):
        return ProcurementProject.objects.for_organization(self.organization)

    def plans(self):
        return ProcurementPlan.objects.for_organization(self.organization)

    def announcements_shown(self):
        return ProcurementAnnouncement.objects.for_organization(self.organization)

    def bids(self):
        return Bid.objects.for_organization(self.organization)

    def known_years(self):
        """Fiscal years that have anything to show, newest first, with the current one."""
        years = {fiscal_year()}
        years.update(self.projects().values_list("fiscal_year", flat=True))
        years.update(self.plans().values_list("fiscal_year", flat=True))
        years.update(fiscal_year(day) for day in self.announcements_shown().dates("date", "month"))
        return sorted(years, reverse=True)

    def ita_evidence_urls(self, fy_be):
        """Where the assessor finds each procurement item of a fiscal year (page-relative URLs):
        O21 the plan, O22 the announcements, O23 the monthly summaries, O24 the annual report
        (FY 2564-2565 numbering; FY 2568 asks for the same under O12-O13)."""
        return {
            "plan": self.route_url("plan", fy_be),
            "announcements": f"{self.url}?year={fy_be}",
            "monthly_summaries": self.route_url("summary_months", fy_be),
            "annual_report": self.route_url("report", fy_be),
        }

    def get_sitemap_urls(self, request=None):
        """The page, and the plan, monthly summaries and report of every year with data."""
        urls = super().get_sitemap_urls(request)
        root = self.get_full_url(request)
        for year in self.known_years():
            for name in ("plan", "summary_months", "report"):
                urls.append({"location": root + self.reverse_subpage(name, args=[year])})
        return urls

    # --- Announcements ----------------------------------------------------------------------

    def filtered_announcements(self, request, years=None):
        years = self.known_years() if years is None else years
        form = AnnouncementFilterForm(request.GET or None, years=years)
        announcements = (
            self.announcements_shown().newest_first().select_related("project", "document")
        )
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            if data["year"]:
                announcements = announcements.of_fiscal_year(data["year"])
            if data["kind"]:
                announcements = announcements.filter(kind=data["kind"])
            if data["q"].strip():
                announcements = announcements.matching(data["q"].strip())
        return form, announcements

    @path("")
    def announcements(self, request):
        years = self.known_years()
        form, announcements = self.filtered_announcements(request, years)
        try:
            listing = Paginator(announcements, ANNOUNCEMENTS_PER_PAGE).page(
                request.GET.get("page") or 1
            )
        except InvalidPage:
            raise Http404 from None
        query = request.GET.copy()
        query.pop("page", None)
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "announcements": listing,
                "filter_query": query.urlencode(),
                "years": years,
            },
        )

    @path("announcements/csv/", name="announcements_csv")
    def announcements_csv(self, request):
        _form, announcements = self.filtered_announcements(request)
        records = opendata.announcement_records(announcements, request.build_absolute_uri)
        return opendata.csv_response(
            records, opendata.ANNOUNCEMENT_FIELDS, "procurement-announcements.csv"
        )

    @path("announcements/json/", name="announcements_json")
    def announcements_json(self, request):
        _form, announcements = self.filtered_announcements(request)
        records = opendata.announcement_records(announcements, request.build_absolute_uri)
        return opendata.json_response(records, "procurement-announcements.json")

    # --- Projects ---------------------------------------------------------------------------

    def projects_for_export(self, request):
        projects = (
            self.projects()
            .order_by("-fiscal_year", "-contract_date", "-pk")
            .prefetch_related(Prefetch("bids", self.bids()))
        )
        year = request.GET.get("year", "")
        if year.isdigit() and is_buddhist_year(int(year)):
            projects = projects.of_fiscal_year(int(year))
        return projects

    @path("projects/csv/", name="projects_csv")
    def projects_csv(self, request):
        records = opendata.project_records(
            self.projects_for_export(request), request.build_absolute_uri, self.project_url
        )
        return opendata.csv_response(records, opendata.PROJECT_FIELDS, "procurement-projects.csv")

    @path("projects/json/", name="projects_json")
    def projects_json(self, request):
        records = opendata.project_records(
            self.projects_for_export(request), request.build_absolute_uri, self.project_url
        )
        return opendata.json_response(records, "procurement-projects.json")

    @path("project/<int:pk>/", name="project")
    def project_page(self, request, pk):
        if pk > MAX_ID:  # the database cannot even compare such a number
            raise Http404
        bids = self.bids().order_by("sort_order", "pk")
        project = (
            self.projects()
            .select_related("division")
            .prefetch_related(Prefetch("bids", queryset=bids), "announcements__document")
            .filter(pk=pk)
            .first()
        )
        if project is None:
            raise Http404
        return self.render(
            request,
            template="procurement/project.html",
            context_overrides={
                "project": project,
                "announcements": project.announcements.order_by("date", "pk"),
            },
        )

    # --- Plan, form สขร.1 and the annual report ---------------------------------------------

    @path("plan/<int:year>/", name="plan")
    def plan_page(self, request, year):
        known_fiscal_year(year)
        plans = (
            self.plans()
            .of_fiscal_year(year)
            .prefetch_related(
                Prefetch("lines", PlanLine.objects.for_organization(self.organization))
            )
            .select_related("document")
        )
        return self.render(
            request,
            template="procurement/plan.html",
            context_overrides={"fiscal_year": year, "plans": plans, "years": self.known_years()},
        )

    @path("summary/<int:year>/", name="summary_months")
    def summary_months(self, request, year):
        known_fiscal_year(year)
        return self.render(
            request,
            template="procurement/summary_months.html",
            context_overrides={
                "fiscal_year": year,
                "months": summary.months_of_fiscal_year(self.organization, year),
                "years": self.known_years(),
            },
        )

    def summary_for(self, request, year, month):
        try:
            gregorian, month = summary.checked_month(year, month)
        except ValueError:
            raise Http404 from None
        return summary.monthly_summary(self.organization, gregorian, month)

    @path("summary/<int:year>/<int:month>/", name="summary")
    def summary_page(self, request, year, month):
        month_summary = self.summary_for(request, year, month)
        return self.render(
            request,
            template="procurement/summary.html",
            context_overrides={"summary": month_summary, "headings": summary.column_headings()},
        )

    @path("summary/<int:year>/<int:month>/csv/", name="summary_csv")
    def summary_csv(self, request, year, month):
        return summary.csv_response(self.summary_for(request, year, month))

    @path("summary/<int:year>/<int:month>/xlsx/", name="summary_xlsx")
    def summary_xlsx(self, request, year, month):
        return summary.xlsx_response(self.summary_for(request, year, month))

    @path("report/<int:year>/", name="report")
    def report_page(self, request, year):
        known_fiscal_year(year)
        return self.render(
            request,
            template="procurement/report.html",
            context_overrides={
                "report": summary.annual_report(self.organization, year),
                "years": self.known_years(),
            },
        )
