"""The ITA evidence contract: what any app may offer as evidence for an ITA topic.

A finder takes the site and the fiscal year assessed and returns suggestions; the information
center's dashboard shows those not yet linked, and one click links them. Each app keeps its
finders in its own `ita_evidence.py`, registered per topic with @finds and loaded when Django
starts (CoreConfig.ready). It lives in core so that the apps answering the ITA and the app keeping
the ITA lists (infocenter) depend on it, not on each other; it knows no app's pages.
"""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy
from wagtail.models import Page

_finders = defaultdict(list)


class EvidenceKind(models.TextChoices):
    PAGE = "page", gettext_lazy("Page of this website")
    DOCUMENT = "document", gettext_lazy("Document")
    URL = "url", gettext_lazy("External address")


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str = EvidenceKind.PAGE
    page: Page | None = None
    subpath: str = ""
    external_url: str = ""
    covers_fiscal_year: int | None = None
    published_on: date | None = None

    def same_place_as(self, evidence):
        """True if the evidence already links where this suggestion points."""
        if self.kind == EvidenceKind.PAGE:
            return evidence.page_id == self.page.pk and evidence.subpath == self.subpath
        return evidence.kind == self.kind and evidence.external_url == self.external_url

    def url(self, request=None):
        if self.page is not None:
            return self.page.get_url(request) + self.subpath
        return self.external_url


def finds(*topics):
    """Register a finder for these topics: `function(site, fiscal_year, current_only)` returns
    [Suggestion]; `current_only` is true when the item needs information of that fiscal year."""

    def register(function):
        for topic in topics:
            _finders[topic].append(function)
        return function

    return register


def suggestions_for(topic, site, fiscal_year, current_only=False):
    found = []
    for finder in _finders.get(topic, ()):
        found.extend(finder(site, fiscal_year, current_only))
    return found


def live_pages(model, site):
    return model.objects.live().public().descendant_of(site.root_page, inclusive=True)


def site_path_suggestion(label, site, path):
    """A suggestion for an address of this site that is not a page (a form, a report): kept
    as the site's root page plus the path, so it follows the site's address."""
    return Suggestion(label, page=site.root_page, subpath=path.lstrip("/"))
