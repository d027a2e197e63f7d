"""Nothing crosses between organizations (issue 10, item 7), table-driven over every URL of the
project and every organization-owned model.

A member of A who holds every role in A, signed in on A's admin, asks for every URL; wherever a
URL takes an id, it is filled with B's (routes.py). They must not be shown B's rows (the marker
``CANARY-B-`` in their text), must not get a 2xx answer for a URL that names B's object, and
posting to such a URL must change nothing of B's. The public side: every page of A, every
public URL, search, feeds and the sitemap, on A's host, show nothing of B.

Each test goes through all URLs and reports every failure at once.
"""

import pytest
from django.apps import apps
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from tambon.core.scoping import OrganizationOwned

from .routes import filled
from .world import A_HOST, CANARY, OWNED_ROWS, VISITS_CANARY, build_world

pytestmark = pytest.mark.django_db

REFUSED = {301, 302, 400, 403, 404, 405}


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def a_client(client, world):
    client.force_login(world.a_member)
    client.raise_request_exception = False  # a crash is reported as a failure, not raised
    return client


def shows_b(response):
    body = b"".join(response) if response.streaming else response.content
    body = body.lower()  # host names are lower-case
    return CANARY.lower().encode() in body or f"{VISITS_CANARY:,}".encode() in body


def test_isolation_covers_every_owned_model():
    owned = {
        model._meta.label
        for model in apps.get_models()
        if issubclass(model, OrganizationOwned) and not model._meta.abstract
    }
    assert owned - set(OWNED_ROWS) == set(), "give world.OWNED_ROWS a builder for them"


def test_every_route_can_be_pointed_at_b(world):
    addresses, unfillable = filled(world)
    assert not unfillable, "\n".join(unfillable)
    # The tables above did reach B: its objects are named by a few hundred addresses.
    assert sum(address.points_at_b for address in addresses) > 200


def test_a_member_of_a_gets_nothing_of_b_from_any_admin_url(a_client, world):
    addresses, _ = filled(world)
    failures = []
    for address in addresses:
        if not address.url.startswith("/admin/"):
            continue
        for url in _variants(address):
            response = a_client.get(url, HTTP_HOST=A_HOST)
            if response.status_code >= 500:
                failures.append(f"GET {url}: {response.status_code}")
            elif shows_b(response):
                failures.append(f"GET {url}: shows B's data")
            elif address.points_at_b and response.status_code not in REFUSED:
                failures.append(f"GET {url}: {response.status_code} for B's object")
    assert not failures, "\n".join(failures)


def test_posting_to_bs_objects_from_as_admin_changes_nothing(a_client, world):
    addresses, _ = filled(world)
    before = snapshot_of_b(world)
    failures = []
    for address in addresses:
        if not (address.url.startswith("/admin/") and address.points_at_b):
            continue
        response = a_client.post(address.url, {}, HTTP_HOST=A_HOST)
        if response.status_code >= 500:
            failures.append(f"POST {address.url}: {response.status_code}")
        elif shows_b(response):
            failures.append(f"POST {address.url}: shows B's data")
        elif response.status_code not in REFUSED:
            failures.append(f"POST {address.url}: {response.status_code} for B's object")
    assert not failures, "\n".join(failures)
    assert snapshot_of_b(world) == before


def test_the_public_side_of_a_shows_nothing_of_b(client, world):
    addresses, _ = filled(world)
    urls = [a.url for a in addresses if not a.url.startswith("/admin/")]
    urls += [page.url for page in Page.objects.live().descendant_of(world.a.site.root_page)]
    urls += ["/", "/search/?q=CANARY-B", "/sitemap.xml", "/feeds/news.rss", "/feeds/news.atom"]
    client.raise_request_exception = False
    failures = []
    for url in urls:
        response = client.get(url, HTTP_HOST=A_HOST)
        if response.status_code >= 500:
            failures.append(f"GET {url}: {response.status_code}")
        elif shows_b(response):
            failures.append(f"GET {url}: shows B's data")
    assert not failures, "\n".join(failures)


def test_bs_files_are_not_served_on_as_host(client, world):
    document = world.b_document
    response = client.get(f"/documents/{document.pk}/{document.filename}", HTTP_HOST=A_HOST)
    assert response.status_code == 404


def _variants(address):
    """A list is also searched and exported; an object's address is asked as it is."""
    if address.points_at_b or "<" in address.route:
        return [address.url]
    return [address.url, f"{address.url}?q=CANARY-B", f"{address.url}?export=csv"]


def snapshot_of_b(world):
    """What of B's can be seen to change: every row's fields, the page, the files."""
    rows = {
        label: _fields(type(row)._base_manager.filter(pk=row.pk).first())
        for label, row in world.b_rows.items()
    }
    return {
        "rows": rows,
        "page": Page.objects.filter(pk=world.b_page.pk).values("title", "live").first(),
        "image": get_image_model().objects.filter(pk=world.b_image.pk).values("title").first(),
        "document": get_document_model()
        .objects.filter(pk=world.b_document.pk)
        .values("title")
        .first(),
        "member roles": sorted(world.b_member.groups.values_list("name", flat=True)),
    }


def _fields(row):
    if row is None:
        return None
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}
