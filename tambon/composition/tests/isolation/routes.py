"""Every URL of the project, from Django's URL resolver, with its arguments filled in so that
it points at B's rows: a new view is covered by the isolation tests without anyone listing it.

``filled(world)`` gives each route as ``Address(route, url, points_at_b)``. A route whose
arguments cannot be filled is reported by the tests (``Unfillable``), so that a new kind of
argument gets an answer here rather than going untested.
"""

import re
from dataclasses import dataclass

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.settings.registry import registry as settings_registry

ARGUMENT = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>")

# Arguments that name nothing of an organization, with a harmless value.
NEUTRAL = {
    "action_name": "publish",
    "action": "delete",
    "filter_spec": "original",
    "fiscal_year_be": "2569",
    "extension": "csv",
    "uidb64": "MQ",
    "token": "set-password",
    "content_type_app_name": "pages",
    "content_type_model_name": "standardpage",
    "kind": "complaint",
    "table": "proposals",
    "file_format": "json",
    "year": "2571",  # the first plan year of B's cycle (participation monitoring report)
    # Platform-wide objects (workflows, tasks, editing sessions, uploads): no role has them.
    "task_state_id": "1",
    "task_id": "1",
    "workflow_state_id": "1",
    "workflow_pk": "1",
    "session_id": "1",
    "uploaded_file_id": "1",
    "restriction_id": "1",
    "page_view_restriction_id": "1",
}


# Routes left out, with why.
NOT_ASKED = {
    "admin/failwhale/": "Wagtail's deliberate error, to try the error page",
}


# Routes whose id names a platform-wide object (no organization's): no role may touch them.
PLATFORM_WIDE = ("admin/workflows/",)


class Unfillable(Exception):
    pass


@dataclass(frozen=True)
class Address:
    route: str
    url: str
    points_at_b: bool


def all_routes():
    """(route text, URLPattern) of every URL pattern, nested includes flattened."""

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern

    return list(walk(get_resolver().url_patterns, ""))


def _route_model(route):
    """The model a snippet (or bulk action) route is about, from its app and model names."""
    match = re.search(r"snippets/(?:choose/)?(\w+)/(\w+)/", route)
    return apps.get_model(match.group(1), match.group(2)) if match else None


def _b_object(route, name, world):
    """B's object that argument `name` of `route` names (None when it names none of B's)."""
    b = world.b
    page_args = {"page_id", "parent_page_id", "page_to_move_id", "page_pk", "destination_id"}
    if name in page_args:
        return world.b_page.pk
    if name == "revision_id":
        return world.b_page.latest_revision_id
    if name == "image_id":
        return world.b_image.pk
    if name in ("document_id", "doc_id"):
        return world.b_document.pk
    if name == "collection_id":
        return b.collection_id
    if name == "object_id" and route.startswith("admin/editing-sessions/"):
        return world.b_page.pk
    if name == "redirect_id":
        return world.b_redirect.pk
    if name == "edition":
        return world.b_rows["participation.PlanEdition"].pk
    if name == "cycle_pk":
        return world.b_rows["participation.PlanCycle"].pk
    if name == "number" and route.startswith("participation/villages/"):
        return world.b_rows["participation.Village"].number
    if name == "forum_pk":  # participation/<pk>/forums/<forum_pk>/
        return getattr(world.b_rows.get("participation.Forum"), "pk", None)
    if name == "photo_pk":  # participation/<pk>/photos/<photo_pk>/
        return getattr(world.b_rows.get("participation.ProposalPhoto"), "pk", None)
    if name not in ("pk", "object_id", "public_id", "slug"):
        return None
    model = _route_model(route)
    if model is not None:
        return getattr(world.b_rows.get(model._meta.label), "pk", None)
    for prefix, value in _by_prefix(world):
        if route.startswith(prefix):
            return value
    return None


def _by_prefix(world):
    """Routes whose `pk`-like argument names one of B's objects, by the start of the route."""
    rows = world.b_rows
    return [
        ("admin/api/main/^pages/", world.b_page.pk),
        ("admin/api/main/^documents/", world.b_document.pk),
        ("admin/api/main/^images/", world.b_image.pk),
        ("admin/collections/", world.b.collection_id),
        ("admin/documents/chooser/chosen/", world.b_document.pk),
        ("admin/images/chooser/chosen/", world.b_image.pk),
        ("admin/users/", world.b_member.pk),
        ("admin/groups/", rows["core.OrganizationGroup"].group_id),
        ("admin/sites/", world.b.site_id),
        ("admin/host_names/", world.b_host_name.pk),
        *[(prefix, value(rows)) for prefix, value in ROUTES_OF_APPS.items() if _has(rows, value)],
    ]


def _has(rows, value):
    try:
        value(rows)
    except KeyError:
        return False
    return True


# Our own apps' views with an id, by route start: which of B's rows the id is.
ROUTES_OF_APPS = {
    "admin/cases/": lambda rows: rows["cases.Case"].pk,
    "cases/files/": lambda rows: rows["cases.Attachment"].public_id,
    "cases/new/eservice/": lambda rows: rows["cases.ServiceType"].slug,
    "admin/procurement_import/": lambda rows: rows["procurement.ImportJob"].pk,
    # Longer prefixes first: the first that fits is used.
    "participation/<int:cycle_pk>/proposals/": lambda rows: rows["participation.Proposal"].pk,
    "participation/": lambda rows: rows["participation.PlanCycle"].pk,
    "admin/participation-ranking/": lambda rows: rows["participation.PlanCycle"].pk,
    "admin/participation/photos/": lambda rows: rows["participation.ProposalPhoto"].pk,
}


def _settings_models():
    return list(settings_registry)


def filled(world):
    """Every route, filled to point at B wherever it takes an argument: (addresses, the
    routes that could not be filled, with why)."""
    addresses, unfillable = [], []
    for route, _pattern in all_routes():
        if route in NOT_ASKED:
            continue
        if "(?P<" in route:
            # Regular-expression routes: media files by name (development only) and the old
            # export addresses, which redirect to the request's own pages.
            continue
        for expanded in _expand(route):
            try:
                addresses.append(_fill(expanded, world))
            except Unfillable as error:
                unfillable.append(str(error))
    return addresses, unfillable


def _expand(route):
    """A settings route is one route per setting model."""
    if "<slug:app_name>/<slug:model_name>" in route and route.startswith("admin/settings/"):
        return [
            route.replace(
                "<slug:app_name>/<slug:model_name>",
                f"{model._meta.app_label}/{model._meta.model_name}",
            )
            for model in _settings_models()
        ]
    generics = (
        "<str:app_label>/<str:model_name>",
        "<slug:app_name>/<slug:model_name>",
        "<slug:app_label>/<slug:model_name>",
    )
    for generic in generics:
        if generic in route:
            return [route.replace(generic, "pages/newspage")]
    return [route]


def _fill(route, world):
    points_at_b = False

    def value(match):
        nonlocal points_at_b
        name = match.group("name")
        if route.startswith("admin/settings/") and name == "pk":
            points_at_b = True
            return str(world.b.site_id)
        found = _b_object(route, name, world)
        if found is not None:
            points_at_b = True
            return str(found)
        if name in NEUTRAL:
            return NEUTRAL[name]
        if name == "pk" and route.startswith(PLATFORM_WIDE):
            return "1"
        raise Unfillable(f"{route}: no value for <{name}>")

    url = "/" + ARGUMENT.sub(value, route).replace("^", "").replace("$", "")
    url = url.replace("\\.", ".").replace("\\", "")
    return Address(route, url, points_at_b)
