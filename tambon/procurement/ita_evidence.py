"""ITA evidence this app answers: the procurement plan, announcements, monthly summaries
(form สขร.1) and the annual report of the fiscal year assessed."""

from django.utils.translation import gettext as _

from tambon.core.ita.evidence import Suggestion, finds, live_pages
from tambon.core.ita.topics import ItaTopic
from tambon.core.models import Organization

from .models import (
    ProcurementAnnouncement,
    ProcurementIndexPage,
    ProcurementPlan,
    ProcurementProject,
)


def _of_site(model, site):
    """The rows of the organization of the site assessed."""
    return model.objects.for_organization(Organization.for_site(site))


def _on_each_page(site, fiscal_year, label, route, exists):
    if not exists:
        return []
    return [
        Suggestion(
            label % {"year": fiscal_year},
            page=page,
            subpath=route(page),
            covers_fiscal_year=fiscal_year,
        )
        for page in live_pages(ProcurementIndexPage, site)
    ]


@finds(ItaTopic.PROCUREMENT_PLAN)
def plan(site, fiscal_year, current_only):
    return _on_each_page(
        site,
        fiscal_year,
        _("Procurement plan, fiscal year %(year)s"),
        lambda page: page.reverse_subpage("plan", args=[fiscal_year]),
        _of_site(ProcurementPlan, site).of_fiscal_year(fiscal_year).exists(),
    )


@finds(ItaTopic.PROCUREMENT_ANNOUNCEMENTS)
def announcements(site, fiscal_year, current_only):
    found = _on_each_page(
        site,
        fiscal_year,
        _("Procurement announcements, fiscal year %(year)s"),
        lambda page: f"?year={fiscal_year}",
        _of_site(ProcurementAnnouncement, site).of_fiscal_year(fiscal_year).exists(),
    )
    # FY 2568 asks for "procurement and its progress" under one item: the monthly summaries too.
    return found + monthly_summaries(site, fiscal_year, current_only)


@finds(ItaTopic.PROCUREMENT_MONTHLY)
def monthly_summaries(site, fiscal_year, current_only):
    return _on_each_page(
        site,
        fiscal_year,
        _("Monthly procurement summaries (form สขร.1), fiscal year %(year)s"),
        lambda page: page.reverse_subpage("summary_months", args=[fiscal_year]),
        _of_site(ProcurementProject, site).concluded_in_fiscal_year(fiscal_year).exists(),
    )


@finds(ItaTopic.PROCUREMENT_REPORT)
def annual_report(site, fiscal_year, current_only):
    return _on_each_page(
        site,
        fiscal_year,
        _("Annual procurement report, fiscal year %(year)s"),
        lambda page: page.reverse_subpage("report", args=[fiscal_year]),
        _of_site(ProcurementProject, site).concluded_in_fiscal_year(fiscal_year).exists(),
    )
