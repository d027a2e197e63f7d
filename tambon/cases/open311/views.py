"""The GeoReport v2 endpoints. Each answers in the format its address ends with (.json or
.xml), for the organization of the host it is asked on; a problem is the spec's list of
errors with the HTTP status the spec names, never a page or a stack trace."""

import copy
import functools
import json
from pathlib import Path

from django.http.request import split_domain_port
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from tambon.core.addresses import client_ip, count_in_window, keyed_hash, limits
from tambon.core.replica import reads_from_replica
from tambon.core.scoping import organization_for_request

from .. import conf
from . import catalogue, filing, listing
from .formats import JSON, XML, errors, respond

SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this API last changed in a way a client would notice (the discovery's changeset).
CHANGESET = "2026-12-03T00:00:00+07:00"
MINUTE = 60


def _jurisdiction_error(request, organization, fmt):
    """jurisdiction_id is optional (one organization per host); given, it must be this one's
    host name (its site's, or the one the request came to)."""
    given = (
        (request.GET.get("jurisdiction_id") or request.POST.get("jurisdiction_id") or "")
        .strip()
        .lower()
    )
    known = {jurisdiction_of(organization).lower(), split_domain_port(request.get_host())[0]}
    if given and given not in known:
        return errors(
            fmt,
            404,
            _("jurisdiction_id not found: this address serves %(id)s.")
            % {"id": jurisdiction_of(organization)},
        )
    return None


def jurisdiction_of(organization):
    return organization.site.hostname


def _reads_refusal(request, fmt):
    key = "open311:reads:" + keyed_hash(f"open311:{client_ip(request.META)}")
    if limits().get(key, 0) >= conf.open311_reads_per_minute():
        response = errors(
            fmt, 429, _("Too many requests from this address. Try again in a minute.")
        )
        response["Retry-After"] = str(MINUTE)
        return response
    count_in_window(limits(), key, MINUTE)
    return None


def endpoint(methods=("GET",)):
    """An Open311 view: `view(request, organization, fmt, **kwargs)`. Checks the method, the
    organization of the host, jurisdiction_id and the per-address limit of reads."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, fmt, **kwargs):
            if request.method not in methods:
                response = errors(
                    fmt,
                    405,
                    _("This address does not take %(method)s.") % {"method": request.method[:10]},
                )
                response["Allow"] = ", ".join(methods)
                return response
            organization = organization_for_request(request)
            if organization is None:
                return errors(fmt, 404, _("No organization is served on this address."))
            refusal = _jurisdiction_error(request, organization, fmt)
            if refusal is None and request.method == "GET":
                refusal = _reads_refusal(request, fmt)
            if refusal is not None:
                return refusal
            return view(request, organization, fmt, **kwargs)

        return csrf_exempt(never_cache(wrapper))

    return decorate


@endpoint()
@reads_from_replica
def discovery(request, organization, fmt):
    contact = " ".join(
        part for part in (organization.name, organization.phone, organization.email) if part
    )
    return respond(
        fmt,
        "discovery",
        {
            "changeset": CHANGESET,
            "contact": contact,
            "key_service": _(
                "Ask %(organization)s for an API key (needed to file requests): %(contact)s"
            )
            % {"organization": organization.short_name or organization.name, "contact": contact},
            "endpoints": [
                {
                    "specification": SPECIFICATION,
                    "url": request.build_absolute_uri("/open311/v2/"),
                    "changeset": CHANGESET,
                    "type": "production",
                    "formats": ["text/xml", "application/json"],
                }
            ],
        },
    )


@endpoint()
@reads_from_replica
def services(request, organization, fmt):
    offered = [service.as_listed() for service in catalogue.offered(organization)]
    return respond(fmt, "services", offered)


@endpoint()
def service_definition(request, organization, fmt, code):
    service = catalogue.find(organization, code)
    if service is None:
        return errors(fmt, 404, _("service_code not found."))
    return respond(fmt, "service_definition", service.as_definition())


@endpoint(methods=("GET", "POST"))
@reads_from_replica
def service_requests(request, organization, fmt):
    """GET lists the requests, POST files one (filing.py)."""
    if request.method == "POST":
        return filing.file_request(request, organization, fmt)
    try:
        query = listing.read_query(request.GET)
    except listing.BadQuery as error:
        return errors(fmt, 400, error)
    cases = listing.search(organization, query)
    return respond(
        fmt, "service_requests", [listing.describe(case, organization) for case in cases]
    )


@endpoint()
def service_request(request, organization, fmt, request_id):
    case = listing.by_id(organization, request_id)
    if case is None:
        return errors(fmt, 404, _("service_request_id not found."))
    return respond(fmt, "service_requests", [listing.describe(case, organization)])


@endpoint()
def token(request, organization, fmt, token):
    """Requests get their id at once, so a token is the id itself: a client written for
    tokens still finds its request."""
    case = listing.by_id(organization, token)
    if case is None:
        return errors(fmt, 404, _("token not found."))
    return respond(
        fmt,
        "service_requests",
        [{"service_request_id": case.display_code, "token": case.display_code}],
    )


@functools.cache
def _openapi():
    return json.loads((Path(__file__).with_name("openapi.json")).read_text(encoding="utf-8"))


@never_cache
def openapi(request):
    """The OpenAPI description of these endpoints (openapi.json beside this module), with this
    host's address as its server."""
    description = copy.deepcopy(_openapi())
    description["servers"] = [{"url": request.build_absolute_uri("/open311/v2")}]
    organization = organization_for_request(request)
    if organization is not None:
        description["info"]["title"] += f" ({organization.name})"
    return respond(JSON, "", description)


@csrf_exempt
def not_found(request, rest=""):
    """Any other address under /open311/v2/: the error list, in XML unless it asked JSON."""
    fmt = JSON if rest.endswith(".json") else XML
    return errors(fmt, 404, _("Unknown Open311 address. Start from discovery.xml."))
