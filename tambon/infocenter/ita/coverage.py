"""How well one ITA fiscal year is covered: per item, the evidence, what is missing, what is out
of date, and what the site could link already. The admin's dashboard and the public ITA page both
read `year_coverage`, so an assessor and a clerk always see the same status for an item.

"Out of date" means: the item needs information of the fiscal year assessed (news, complaint
statistics, reports of the year) and none of its evidence is of that year. The year of a piece of
evidence is the year it says it covers; failing that, the fiscal year of its publication date;
failing that, of the linked page's own date (a news post's date, or when the page was published).
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import pgettext_lazy

from tambon.core.ita.evidence import EvidenceKind, Suggestion, suggestions_for
from tambon.core.pagecache import purge
from tambon.thai.fiscal import fiscal_year

# The module, not the package: the package imports the ITA page, which imports this module.
from ..models.ita import ItaEvidence, ItaItem


class Coverage(models.TextChoices):
    COVERED = "covered", pgettext_lazy("ITA coverage", "Published")
    OUT_OF_DATE = "out-of-date", pgettext_lazy("ITA coverage", "Not of the fiscal year assessed")
    MISSING = "missing", pgettext_lazy("ITA coverage", "Missing")


@dataclass
class LinkedEvidence:
    evidence: ItaEvidence
    url: str
    usable: bool

    @cached_property
    def fiscal_year(self):
        """Read when needed only: a linked page's own date costs a query."""
        return evidence_fiscal_year(self.evidence)


@dataclass
class ItemCoverage:
    item: ItaItem
    status: str
    evidence: list[LinkedEvidence]
    suggestions: list[Suggestion] = field(default_factory=list)

    @property
    def status_label(self):
        return str(Coverage(self.status).label)


def is_usable(evidence):
    """A link the assessor can open: a live page, an existing document, an outside address."""
    if evidence.kind == EvidenceKind.PAGE:
        return evidence.page is not None and evidence.page.live
    if evidence.kind == EvidenceKind.DOCUMENT:
        return evidence.document is not None
    return bool(evidence.external_url)


def evidence_fiscal_year(evidence):
    """The one rule of the year of a piece of evidence (Oct-Sep fiscal years,
    tambon.thai.fiscal), for the dashboard and the public page alike."""
    if evidence.covers_fiscal_year:
        return evidence.covers_fiscal_year
    if evidence.published_on:
        return fiscal_year(evidence.published_on)
    if evidence.kind == EvidenceKind.PAGE and evidence.page is not None:
        page = evidence.page.specific
        own_date = getattr(page, "date", None) or page.last_published_at
        return fiscal_year(own_date) if own_date else None
    if evidence.kind == EvidenceKind.DOCUMENT and evidence.document is not None:
        return fiscal_year(evidence.document.created_at)
    return None


def item_status(item, linked, assessed_year):
    usable = [link for link in linked if link.usable]
    if not usable:
        return Coverage.MISSING
    if item.needs_current_year and not any(link.fiscal_year == assessed_year for link in usable):
        return Coverage.OUT_OF_DATE
    return Coverage.COVERED


def site_of(year):
    """The site whose content answers the items of `year`: its organization's, never another."""
    return year.organization.site


def year_coverage(year, request=None, with_suggestions=True):
    """One ItemCoverage per item of the year, in the order of the assessment."""
    evidence = ItaEvidence.objects.for_organization(year.organization_id)
    evidence = evidence.select_related("page", "document").order_by("sort_order")
    items = (
        year.items.select_related("indicator", "year__organization__site")
        .order_by("indicator__sort_order", "indicator__code", "sort_order", "code")
        .prefetch_related(Prefetch("evidence", queryset=evidence))
    )
    site = site_of(year)
    return item_coverages(items, lambda link: link.get_url(request, site), with_suggestions)


def item_coverages(items, url_of, with_suggestions=False):
    """The coverage of each item (with its year and prefetched evidence), each judged against
    its own fiscal year: the public ITA page calls this with the items it already has."""
    result = []
    for item in items:
        linked = [
            LinkedEvidence(evidence=link, url=url_of(link), usable=is_usable(link))
            for link in item.evidence.all()
        ]
        coverage = ItemCoverage(item, item_status(item, linked, item.year.fiscal_year), linked)
        if with_suggestions:
            already = [link.evidence for link in linked]
            coverage.suggestions = new_suggestions(item, already)
        result.append(coverage)
    return result


def new_suggestions(item, evidence):
    """What the site of the item's organization could link for it, less what `evidence` already
    links: the apps' finders look in that site only."""
    if not item.topic:
        return []
    year = item.year
    found = suggestions_for(item.topic, site_of(year), year.fiscal_year, item.needs_current_year)
    return [
        suggestion
        for suggestion in found
        if not any(suggestion.same_place_as(link) for link in evidence)
    ]


def summary(coverages):
    """How many items have each status, zeros included: {"covered": 20, "out_of_date": 2, ...}."""
    counts = {status.name.lower(): 0 for status in Coverage}
    for coverage in coverages:
        counts[Coverage(coverage.status).name.lower()] += 1
    return counts


def link_suggestion(item, suggestion):
    """Link a suggestion as evidence of the item; the public ITA page shows it at once."""
    evidence = _add_evidence(item, suggestion)
    purge()
    return evidence


def _add_evidence(item, suggestion):
    evidence = ItaEvidence(  # of the item's organization (organization_parent)
        item=item,
        kind=suggestion.kind,
        page=suggestion.page,
        subpath=suggestion.subpath,
        external_url=suggestion.external_url,
        label=suggestion.label[:250],
        covers_fiscal_year=suggestion.covers_fiscal_year,
        published_on=suggestion.published_on,
        sort_order=item.evidence.count(),
    )
    evidence.save()
    return evidence


def link_all_suggestions(year):
    """Link every suggestion of every item of the year; returns how many links were added."""
    added = 0
    for coverage in year_coverage(year):
        for suggestion in coverage.suggestions:
            _add_evidence(coverage.item, suggestion)
            added += 1
    if added:
        purge()
    return added
