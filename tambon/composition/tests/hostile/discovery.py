"""Where hostile input goes in, found rather than listed: every public address of the project
from Django's URL resolver and Wagtail's page tree (with the sub-routes of routable pages), and
every form on the pages they answer, parsed from their HTML. A new view, page type or form is
covered without anyone adding it here; a new kind of route argument must get an answer in
``ROUTE_ARGUMENTS`` (the tests report it as unfillable until it does).

Three visitors look: a newcomer, and two citizens who have opened their case on this device:
the tracking page then shows the form to add information to a case, or to rate a resolved one.
"""

import re
import uuid
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.urls import URLPattern
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.views import serve as wagtail_serve

from tambon.cases.models import CaseKind, ServiceType
from tambon.cases.open311 import catalogue as open311_catalogue
from tambon.core.models import Organization
from tambon.participation import opendata as participation_opendata
from tambon.participation.models import (
    Forum,
    PlanCycle,
    PlanEdition,
    Proposal,
    ProposalPhoto,
    Village,
)

from ..isolation.routes import ARGUMENT, all_routes

SKIPPED = ("admin/", "django-admin/", "static/", "media/", "^media/")

NEWCOMER = "newcomer"
CITIZEN = "citizen with a case open"
RESOLVED = "citizen with a resolved case open"

# Query parameters sent to every public page, besides the fields of its GET forms.
COMMON_PARAMETERS = ("q", "page", "code", "year", "category", "format", "tag", "export")

# Inputs whose value a person does not type.
NOT_TYPED = {"hidden", "checkbox", "radio", "file", "submit", "button", "image", "reset"}


@dataclass(frozen=True)
class Endpoint:
    host: str
    url: str
    kind: str  # what answers it: a route, or a page type and its sub-route


@dataclass(frozen=True)
class FormField:
    name: str
    tag: str  # input, textarea or select
    type: str  # the input's type; "select" for a select, "textarea" for a textarea
    value: str = ""  # what the page filled in
    options: tuple = ()  # a select's option values, a radio group's values
    for_people: bool = True  # False for a spam trap that people cannot reach (tabindex -1)

    @property
    def typed(self):
        """A field a person types into, whose text must come back if the form is shown again
        (a password is not shown again, on purpose)."""
        return self.for_people and (
            self.tag == "textarea"
            or (self.tag == "input" and self.type not in NOT_TYPED | {"password"})
        )


@dataclass(frozen=True)
class Form:
    visitor: str
    host: str
    page: str  # the address it was found on
    action: str
    method: str
    fields: tuple

    def __str__(self):
        return f"{self.method.upper()} {self.action} ({self.visitor}, on {self.host})"

    @property
    def file_fields(self):
        return [f for f in self.fields if f.type == "file"]

    @property
    def value_fields(self):
        """Every field that carries a value the visitor chooses or types (not files)."""
        return [f for f in self.fields if f.type not in {"file", "submit", "button", "image"}]


@dataclass
class Discovered:
    endpoints: list = field(default_factory=list)
    forms: list = field(default_factory=list)
    get_parameters: dict = field(default_factory=dict)  # url -> names its GET forms send
    unfillable: list = field(default_factory=list)
    crashed: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)  # (host, url) -> the newcomer's status

    def representatives(self):
        """One endpoint of each kind: the query-string sweep need not ask all 20 people pages."""
        chosen = {}
        for endpoint in self.endpoints:
            chosen.setdefault(endpoint.kind, endpoint)
        return list(chosen.values())

    def post_forms(self):
        return [form for form in self.forms if form.method == "post"]


class PageParser(HTMLParser):
    """The forms and the links of a page, with html.parser (as a browser would see them)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []  # (attributes, [FormField])
        self.links = []
        self._form = None
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = (attrs, [])
            self.forms.append(self._form)
        elif self._form is None or not attrs.get("name"):
            if tag == "option" and self._select is not None:
                self._select[1].append(attrs)
        elif tag == "input":
            kind = attrs.get("type", "text").lower()
            if kind in ("checkbox", "radio") and "value" not in attrs:
                attrs["value"] = "on"
            self._form[1].append((tag, kind, attrs))
        elif tag == "textarea":
            self._textarea = [attrs, ""]
        elif tag == "select":
            self._select = (attrs, [])

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "textarea" and self._textarea is not None:
            attrs, text = self._textarea
            # A browser drops the newline right after <textarea>; so does the form's value.
            text = text[1:] if text.startswith("\n") else text
            self._form[1].append(("textarea", "textarea", {**attrs, "value": text}))
            self._textarea = None
        elif tag == "select" and self._select is not None:
            attrs, options = self._select
            self._form[1].append(("select", "select", {**attrs, "options": options}))
            self._select = None


def parse(html):
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser


def form_fields(raw_fields):
    """FormFields from the parser's rows; a radio group is one field with its values."""
    fields = {}
    for tag, kind, attrs in raw_fields:
        name = attrs["name"]
        if tag == "select":
            options = tuple(o.get("value", "") for o in attrs["options"])
            selected = [o.get("value", "") for o in attrs["options"] if "selected" in o]
            fields[name] = FormField(name, tag, "select", (selected or [""])[0], options)
        elif kind == "radio" and name in fields:
            known = fields[name]
            fields[name] = FormField(name, tag, kind, known.value, (*known.options, attrs["value"]))
        elif kind == "radio":
            fields[name] = FormField(name, tag, kind, attrs["value"], (attrs["value"],))
        else:
            for_people = attrs.get("tabindex") != "-1"
            fields.setdefault(
                name, FormField(name, tag, kind, attrs.get("value", ""), (), for_people)
            )
    return tuple(fields.values())


def forms_in(html, visitor, host, page_url):
    """The forms of a page, their action made absolute (a form without one posts to its page)."""
    found = []
    for attrs, raw_fields in parse(html).forms:
        action = urlsplit(urljoin(page_url, attrs.get("action") or page_url))
        found.append(
            Form(
                visitor=visitor,
                host=host,
                page=page_url,
                action=action.path + (f"?{action.query}" if action.query else ""),
                method=(attrs.get("method") or "get").lower(),
                fields=form_fields(raw_fields),
            )
        )
    return found


# --- Addresses from the URL resolver ----------------------------------------------------------


def _organization(site):
    return Organization.for_site(site)


def _service_slugs(site, route):
    organization = _organization(site)
    return list(
        ServiceType.objects.for_organization(organization).live().values_list("slug", flat=True)
    )


def _cycle_ids(site, route):
    """participation/<pk>/...: every planning cycle of the organization."""
    cycles = PlanCycle.objects.for_organization(_organization(site))
    return [str(pk) for pk in cycles.values_list("pk", flat=True)]


def _pk_ids(site, route):
    """<pk>: a proposal's in participation/<cycle_pk>/proposals/<pk>/, else a cycle's."""
    if "/proposals/<int:pk>/" in route:
        proposals = Proposal.objects.for_organization(_organization(site)).order_by("pk")
        return [str(pk) for pk in proposals.values_list("pk", flat=True)[:3]]
    return _cycle_ids(site, route)


def _edition_ids(site, route):
    """participation/<pk>/plan/<edition>/...: every plan edition of the organization."""
    editions = PlanEdition.objects.for_organization(_organization(site))
    return [str(pk) for pk in editions.values_list("pk", flat=True)]


def _village_numbers(site, route):
    villages = Village.objects.for_organization(_organization(site)).order_by("number")
    return [str(number) for number in villages.values_list("number", flat=True)[:3]]


def _plan_years(site, route):
    """participation/<pk>/monitoring/<year>/: the first plan year of each cycle."""
    cycles = PlanCycle.objects.for_organization(_organization(site))
    return sorted({str(year) for year in cycles.values_list("first_year_be", flat=True)})


def _forum_ids(site, route):
    """participation/<pk>/forums/<forum_pk>/: every forum of the organization."""
    forums = Forum.objects.for_organization(_organization(site))
    return [str(pk) for pk in forums.values_list("pk", flat=True)]


def _photo_ids(site, route):
    """participation/<pk>/photos/<photo_pk>/: every photo of a proposal of the organization."""
    photos = ProposalPhoto.objects.for_organization(_organization(site))
    return [str(pk) for pk in photos.values_list("pk", flat=True)]


# The values each argument of a route takes, on a site: every value worth asking.
ROUTE_ARGUMENTS = {
    "kind": lambda site, route: list(CaseKind.values),
    "slug": _service_slugs,  # cases/new/eservice/<slug>/: every e-service of the organization
    "public_id": lambda site, route: [str(uuid.UUID(int=12))],  # a case file nobody has
    "restriction_id": lambda site, route: _restrictions(),
    "page_view_restriction_id": lambda site, route: _restrictions(),
    "page_id": lambda site, route: [str(site.root_page_id)],
    "pk": _pk_ids,  # participation/<pk>/... and participation/<cycle_pk>/proposals/<pk>/
    "cycle_pk": _cycle_ids,
    "edition": _edition_ids,
    "table": lambda site, route: sorted(participation_opendata.TABLES),
    "file_format": lambda site, route: ["csv", "json"],
    "number": _village_numbers,
    "year": _plan_years,
    "forum_pk": _forum_ids,
    "photo_pk": _photo_ids,
}


def _restrictions():
    """Password restrictions of pages or documents: the demo has none, so one nobody has."""
    return [str(pk) for pk in PageViewRestriction.objects.values_list("pk", flat=True)[:1]] or ["1"]


def _documents(site):
    organization = _organization(site)
    documents = get_document_model().objects.filter(
        collection__path__startswith=organization.collection.path
    )
    return [document.url for document in documents.order_by("pk")[:3]]


def _old_exports(site):
    urls = []
    for page in _live_pages(site):
        if type(page).__name__ == "InfoCenterPage":
            urls += [f"{_path(page, site)}records.csv", f"{_path(page, site)}records.json"]
    return urls


def _open311(*paths):
    """Open311 addresses (cases/open311/urls.py), in both formats where the route takes one."""

    def examples(site):
        return [f"/open311/v2/{path}" for path in paths]

    return examples


def _open311_services(site):
    codes = [service.code for service in open311_catalogue.offered(_organization(site))[:2]]
    return [f"/open311/v2/services/{code}.{fmt}" for code in codes for fmt in ("json", "xml")]


# Routes written as regular expressions, by their name: the addresses they answer on a site.
REGEX_ROUTES = {
    "discovery": _open311("discovery.json", "discovery.xml"),
    "services": _open311("services.json", "services.xml"),
    "service": _open311_services,
    "requests": _open311("requests.json", "requests.xml"),
    "request": _open311("requests/999999999.json", "requests/999999999.xml"),
    "token": _open311("tokens/999999999.json", "tokens/999999999.xml"),
    "openapi": _open311("openapi.json"),
    "not-found": _open311("nothing-here.json"),
    "wagtaildocs_serve": _documents,
    "infocenter-old-records-export": _old_exports,
    "infocenter-old-folder-export": lambda site: [],  # the demo has no old folder addresses
}


def _route_urls(route, pattern: URLPattern, site, unfillable):
    if pattern.callback is wagtail_serve:
        return None  # the page tree answers these
    if "^" in route or "(?P<" in route:
        examples = REGEX_ROUTES.get(pattern.name)
        if examples is None:
            unfillable.append(f"{route} (a regular expression: add it to REGEX_ROUTES)")
            return []
        return examples(site)
    urls = ["/" + route]
    for match in ARGUMENT.finditer(route):
        values = ROUTE_ARGUMENTS.get(match.group("name"))
        if values is None:
            unfillable.append(f"{route} (argument {match.group('name')}: see ROUTE_ARGUMENTS)")
            return []
        urls = [url.replace(match.group(0), value) for url in urls for value in values(site, route)]
    return urls


def resolver_endpoints(site, unfillable):
    host = host_of(site)
    endpoints = []
    for route, pattern in all_routes():
        if route.startswith(SKIPPED):
            continue
        for url in _route_urls(route, pattern, site, unfillable) or []:
            endpoints.append(Endpoint(host, url, kind=f"route {route}"))
    return endpoints


# --- Addresses from the page tree ----------------------------------------------------------


def host_of(site):
    return site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"


def _live_pages(site):
    return Page.objects.live().descendant_of(site.root_page, inclusive=True).specific()


def _path(page, site):
    _site_id, _root, path = page.get_url_parts()
    return path


def page_endpoints(site):
    """Every live page, and the sub-routes without arguments of routable pages."""
    host = host_of(site)
    endpoints = []
    for page in _live_pages(site):
        path = _path(page, site)
        endpoints.append(Endpoint(host, path, kind=f"page {type(page).__name__}"))
        if isinstance(page, RoutablePageMixin):
            for sub in page.get_subpage_urls():
                if not ARGUMENT.search(str(sub.pattern)) and str(sub.pattern):
                    endpoints.append(
                        Endpoint(host, path + str(sub.pattern), kind=_subroute_kind(page, sub))
                    )
    return endpoints


def _subroute_kind(page, sub):
    return f"page {type(page).__name__} {sub.callback.__name__}"


def subroutes_with_arguments(site):
    """{(page path, sub-route kind): page} for the sub-routes that need an argument."""
    wanted = {}
    for page in _live_pages(site):
        if isinstance(page, RoutablePageMixin):
            for sub in page.get_subpage_urls():
                if ARGUMENT.search(str(sub.pattern)):
                    wanted[(_path(page, site), _subroute_kind(page, sub))] = page
    return wanted


def subroute_kind_of_link(href, wanted):
    """The (page path, kind) a link fills, or None."""
    path = urlsplit(href).path
    for (page_path, kind), page in wanted.items():
        if path.startswith(page_path) and path != page_path:
            try:
                view, _args, _kwargs = page.resolve_subpage(path[len(page_path) - 1 :])
            except Exception:  # noqa: BLE001, S112  Http404 or Resolver404: not this page's
                continue
            if _subroute_kind(page, type("Sub", (), {"callback": view})) == kind:
                return page_path, kind
    return None


# --- Looking ------------------------------------------------------------------------------


def discover(visitors):
    """Everything public, for the visitors {name: test client}."""
    found = Discovered()
    missing = set()
    sites = list(Site.objects.order_by("-is_default_site", "pk"))
    for site in sites:
        host = host_of(site)
        queue = resolver_endpoints(site, found.unfillable) + page_endpoints(site)
        wanted = subroutes_with_arguments(site)
        seen = set()
        while queue:
            endpoint = queue.pop(0)
            if (endpoint.host, endpoint.url) in seen:
                continue
            seen.add((endpoint.host, endpoint.url))
            found.endpoints.append(endpoint)
            from_resolver = endpoint.kind.startswith("route ")
            for visitor, client in visitors.items():
                if visitor != NEWCOMER and not from_resolver:
                    continue  # a case open on this device changes only the cases' own views
                response = client.get(endpoint.url, HTTP_HOST=host)
                if visitor == NEWCOMER:
                    found.statuses[(host, endpoint.url)] = response.status_code
                if response.status_code >= 500:
                    found.crashed.append(f"GET {endpoint.url} on {host}: {response.status_code}")
                if not _is_html(response):
                    continue
                html = response.content.decode("utf-8", "replace")
                for form in forms_in(html, visitor, host, endpoint.url):
                    _add_form(found, form)
                for href in parse(html).links:
                    filled = subroute_kind_of_link(urljoin(endpoint.url, href), wanted)
                    if filled is not None:
                        wanted.pop(filled)
                        link = urlsplit(urljoin(endpoint.url, href)).path
                        queue.append(Endpoint(host, link, kind=filled[1]))
        missing.update((kind, path) for path, kind in wanted)
    # A sub-route is asked where some organization links to it (a small one may have no
    # projects yet); a sub-route no page links to anywhere is reported.
    asked = {endpoint.kind for endpoint in found.endpoints}
    found.unfillable += [
        f"{path} {kind}: no page links to it" for kind, path in missing if kind not in asked
    ]
    return found


def _is_html(response):
    return response.status_code == 200 and response.get("Content-Type", "").startswith("text/html")


def _add_form(found, form):
    if form.method == "get":
        names = found.get_parameters.setdefault(form.page, set())
        names.update(f.name for f in form.fields if f.type not in {"submit", "button"})
        names = found.get_parameters.setdefault(form.action, set())
        names.update(f.name for f in form.fields if f.type not in {"submit", "button"})
    # The same form seen by another visitor, on another page or on another organization's
    # site (where its e-service questions are numbered on), is asked once.
    if all(_form_key(other) != _form_key(form) for other in found.forms):
        found.forms.append(form)


def _form_key(form):
    shape = sorted((re.sub(r"\d+", "#", f.name), f.type) for f in form.fields)
    return (form.action, form.method, tuple(shape))
