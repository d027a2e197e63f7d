"""The organization boundary of Wagtail's own admin views, drawn at the address.

Wagtail checks a member's permissions, and a page's or a collection's permissions follow the
organization's tree; but several of its views show an object's title before they refuse, and
the users, sites and settings screens know nothing of organizations. So, for everyone but a
superuser, an id in an admin address that names a page, image, document, collection, site,
staff member, group or redirect outside the request's organization is "not found" (404),
before the view runs. Our own apps' views scope their rows themselves (tambon/core/scoping.py).

Lists are narrowed by Wagtail's hooks (wagtail_hooks.py: the page chooser and explorer); the
few screens that list every organization at once are for superusers only.
"""

from django.http import Http404
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from . import memberships
from .scoping import organization_for_request

PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
# Screens over every organization at once: the admin API's image and document lists (no screen
# of ours uses them) and the page-types report (it counts and names every site's pages).
SUPERUSER_ONLY_PREFIXES = (
    "/admin/api/main/images/",
    "/admin/api/main/documents/",
    "/admin/reports/page-types-usage/",
)


def pages_of(organization):
    root = organization.site.root_page
    return Page.objects.descendant_of(root, inclusive=True)


def collections_of(organization):
    if organization.collection_id is None:
        return Collection.objects.none()
    return Collection.objects.descendant_of(organization.collection, inclusive=True)


def _in(queryset, value):
    return queryset.filter(pk=value).exists()


def _image(organization, value):
    return _in(get_image_model().objects.filter(collection__in=collections_of(organization)), value)


def _document(organization, value):
    documents = get_document_model().objects.filter(collection__in=collections_of(organization))
    return _in(documents, value)


def _member(organization, value):
    return _in(memberships.members_of(organization), value)


# What an argument called "pk" (or another generic name) names, by the URL's namespace.
BY_NAMESPACE = {
    "wagtailadmin_api:pages": lambda org, pk: _in(pages_of(org), pk),
    "wagtailadmin_api:images": _image,
    "wagtailadmin_api:documents": _document,
    "wagtailadmin_collections": lambda org, pk: _in(collections_of(org), pk),
    "wagtailimages_chooser": _image,
    "wagtaildocs_chooser": _document,
    "wagtailsites": lambda org, pk: str(pk) == str(org.site_id),
    "wagtailsettings": lambda org, pk: str(pk) == str(org.site_id),
    "wagtailusers_users": _member,
    "wagtailusers_groups": lambda org, pk: _in(memberships.groups_of(org), pk),
}

# Arguments that name the same kind of thing in every view.
BY_ARGUMENT = {
    **{name: lambda org, pk: _in(pages_of(org), pk) for name in PAGE_ARGUMENTS},
    "image_id": _image,
    "document_id": _document,
    "doc_id": _document,
    "collection_id": lambda org, pk: _in(collections_of(org), pk),
    "redirect_id": lambda org, pk: _in(Redirect.objects.filter(site_id=org.site_id), pk),
}


class AdminBoundaryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith("/admin/"):
            return None
        user = request.user
        if not user.is_authenticated or user.is_superuser:
            return None
        if request.path.startswith(SUPERUSER_ONLY_PREFIXES):
            raise Http404
        organization = organization_for_request(request)
        namespace = request.resolver_match.namespace
        for name, value in view_kwargs.items():
            check = BY_ARGUMENT.get(name)
            if check is None and name in ("pk", "object_id"):
                check = BY_NAMESPACE.get(namespace)
            if check is not None and (organization is None or not check(organization, value)):
                raise Http404
        return None
