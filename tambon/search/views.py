"""The public site search: /search/?q= as a page, /search.json?q= as the same results in JSON.

Both read the organization from the site the request is on and ask the engine for that
organization's documents only. Filters (kind, fiscal year) and pages are plain GET parameters,
so everything works without JavaScript and every result list has its own address.
"""

import json
import re
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from tambon.core.replica import reads_from_replica
from tambon.core.scoping import organization_for_request
from tambon.core.searching import sources
from tambon.thai.dates import is_buddhist_year
from tambon.thai.fiscal import fiscal_year

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_PAGE = 1000  # a bigger number is past the end anyway, and too big for the database
YEARS_OFFERED = 6  # the fiscal year filter offers this one and the five before
# Control characters are never part of a word, and PostgreSQL refuses a NUL in any text.
CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass
class Search:
    """One search as asked: the query, filters, page, and what the engine answered."""

    query: str = ""
    kind: str = ""
    year: int | None = None
    exact: bool = False  # the query exactly as typed, not a correction of it
    page: object = None  # a Django Page over the result count: numbers and links
    results: object = None  # engine.Results of the shown page
    notices: tuple = ()

    @property
    def hits(self):
        return self.results.hits if self.results else []


def _page_number(value):
    try:
        return min(max(int(value), 1), MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def read_search(request):
    """Run the search the request asks for (nothing if there is no query or no organization)."""
    query = " ".join(CONTROL.sub(" ", request.GET.get("q", "")).split())
    kinds = sources()
    notices = []
    if len(query) > MAX_QUERY_LENGTH:
        query = query[:MAX_QUERY_LENGTH]
        notices.append(
            _("Only the first %(count)d characters of the search were used.")
            % {"count": MAX_QUERY_LENGTH}
        )
    kind = request.GET.get("kind", "")
    if kind and kind not in kinds:
        notices.append(_("There is no such kind of result: showing every kind."))
        kind = ""
    year = None
    year_text = request.GET.get("year", "").strip()
    if year_text:
        if year_text.isdigit() and is_buddhist_year(int(year_text)):
            year = int(year_text)
        else:
            notices.append(
                _("Give the fiscal year in the Buddhist Era, for example %(year)s.")
                % {"year": fiscal_year()}
            )
    exact = request.GET.get("exact") == "1"
    search = Search(query=query, kind=kind, year=year, exact=exact, notices=tuple(notices))
    organization = organization_for_request(request)
    if not query or organization is None:
        return search

    from . import engine  # noqa: PLC0415 (the engine comes from the search-engine branch)

    def ask(number):
        return engine.search(
            organization.pk,
            query,
            kinds=(kind,) if kind else (),
            fiscal_year=year,
            offset=(number - 1) * RESULTS_PER_PAGE,
            limit=RESULTS_PER_PAGE,
            exact=exact,
        )

    number = _page_number(request.GET.get("page"))
    results = ask(number)
    # A page past the end (an old link) shows the last page rather than nothing.
    page = Paginator(range(results.total), RESULTS_PER_PAGE).get_page(number)
    if page.number != number and results.total:
        results = ask(page.number)
    search.page, search.results = page, results
    return search


def _kind_labels():
    return {kind: str(a_source.label or kind) for kind, a_source in sources().items()}


@reads_from_replica
def search(request):
    found = read_search(request)
    this_year = fiscal_year()
    labels = _kind_labels()
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": found.query,
            "search": found,
            "results": found.page,
            "hits": [(hit, labels.get(hit.kind, hit.kind)) for hit in found.hits],
            "kinds": sorted(labels.items(), key=lambda item: item[1]),
            "years": [this_year - n for n in range(YEARS_OFFERED)],
        },
    )


def _hit_json(hit, labels):
    return {
        "title": hit.title,
        "url": hit.url,
        "kind": hit.kind,
        "kind_label": labels.get(hit.kind, hit.kind),
        "snippet_html": str(hit.snippet),
        "date": hit.date.isoformat() if hit.date else None,
        "fiscal_year": hit.fiscal_year,
        "score": hit.score,
    }


@reads_from_replica
def search_json(request):
    found = read_search(request)
    labels = _kind_labels()
    page = found.page
    body = {
        "query": found.query,
        "kind": found.kind or None,
        "fiscal_year": found.year,
        "total": found.results.total if found.results else 0,
        "page": page.number if page else 1,
        "pages": page.paginator.num_pages if page else 0,
        "per_page": RESULTS_PER_PAGE,
        "suggestion": found.results.suggestion if found.results else None,
        "corrected": found.results.corrected if found.results else False,
        "message": found.results.message if found.results else None,
        "notices": list(found.notices),
        "results": [_hit_json(hit, labels) for hit in found.hits],
    }
    return HttpResponse(safe_json(body), content_type="application/json")


def safe_json(data):
    """JSON with Thai as it is, and <, > and & as \\u escapes: a query echoed back stays inert
    even where a careless client puts the text into a page."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
