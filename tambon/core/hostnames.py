"""Host names: which site a request's host belongs to, and the hosts a deployment answers.

A Wagtail Site has one host name, its main one. An organization may be reached under others too
(its old domain, the form with or without www.): each is a ``HostName`` of the site, and
``HostNameMiddleware`` answers a request to one with a permanent redirect to the same address
on the main host name, so search engines and bookmarks move to one address.

A deployment with thousands of organizations cannot list every host in ALLOWED_HOSTS. With "*"
in it, the same middleware lets in only the host names of the sites in the database, their extra
host names and the other entries of ALLOWED_HOSTS, and refuses any other host with 400, as
Django does for a host it does not allow. "*" therefore never means "any host" here.

What a host is, and every site's root path, is remembered per process until the next purge of
the page cache (``pagecache.remember``); saving or deleting a site or a host name purges
(core/models.py).
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponsePermanentRedirect
from django.http.request import split_domain_port, validate_host
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Site

from .models import HostName
from .pagecache import remember
from .scoping import staff_organization

DEFAULT_PORTS = (80, 443)


@dataclass(frozen=True)
class KnownHost:
    """A host name of the database. ``main_host`` is where an extra host name leads (the
    site's host name, with its port unless a default one); empty for a site's own host name."""

    main_host: str = ""


def main_host_of(site):
    if site.port in DEFAULT_PORTS:
        return site.hostname
    return f"{site.hostname}:{site.port}"


def _find(hostname):
    if Site.objects.filter(hostname__iexact=hostname).exists():
        return KnownHost()  # a site's own host name wins over any extra one
    extra = HostName.objects.select_related("site").filter(hostname=hostname).first()
    if extra is not None:
        return KnownHost(main_host=main_host_of(extra.site))
    return None


def known_host(hostname):
    """The ``KnownHost`` for ``hostname`` (without port, lowercase), or None if no site has it."""
    return remember(("hostname", hostname), lambda: _find(hostname))


def site_root_paths():
    """Wagtail's list of every site's root path and address, which it needs to make a page's
    full URL. Wagtail keeps it in Django's cache and unpickles it for each request that makes
    one: with a thousand sites, about a millisecond each time. Remembered here instead, it is
    dropped with the page cache, which saving a site or moving a page purges."""
    return remember(("site-root-paths",), Site.get_site_root_paths)


def hosts_from_database():
    """Whether ALLOWED_HOSTS leaves the choice of hosts to the database ("*" in it)."""
    return "*" in settings.ALLOWED_HOSTS


def listed_hosts():
    """The hosts allowed besides the database's, in ALLOWED_HOSTS's own patterns."""
    return [host for host in settings.ALLOWED_HOSTS if host != "*"]


class HostNameMiddleware:
    """Outermost middleware: an extra host name is redirected (301) to its site's main host
    name; with "*" in ALLOWED_HOSTS, a host no site has and none listed is refused (400)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # get_host() refuses a host that ALLOWED_HOSTS does not allow (400), as without us.
        hostname, _port = split_domain_port(request.get_host())
        known = known_host(hostname)
        if known is None:
            if hosts_from_database() and not validate_host(hostname, listed_hosts()):
                raise DisallowedHost(f"No site has the host name {hostname!r}.")
        elif known.main_host:
            return HttpResponsePermanentRedirect(
                f"{request.scheme}://{known.main_host}{request.get_full_path()}"
            )
        # Where Wagtail's Page.get_url_parts looks first for the list, once per request.
        request._wagtail_cached_site_root_paths = site_root_paths()
        return self.get_response(request)


# The admin ---------------------------------------------------------------------------------
#
# Settings > Extra host names: a plain list of the host names of the staff member's own site, with
# "Add". Not an inline of Wagtail's Sites (only superusers may open those) nor of the
# organization's settings (a host name belongs to the site, which those do not show): a list
# of its own is what a clerk or an operator recognises. A row of another site is "not found".


def staff_site_id(request):
    return staff_organization(request).site_id


class OwnSiteIndexMixin:
    def get_base_queryset(self):
        return super().get_base_queryset().filter(site_id=staff_site_id(self.request))


class OwnSiteObjectMixin:
    """A view of one host name: 404 unless it is one of the staff member's site."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if obj.site_id != staff_site_id(self.request):
            raise Http404
        return obj


class OwnSiteCreateMixin:
    def get_initial_form_instance(self):
        instance = super().get_initial_form_instance() or self.model()
        instance.site_id = staff_site_id(self.request)
        return instance


def _own_site(view_class, mixin):
    return type(view_class.__name__, (mixin, view_class), {})


class HostNameViewSet(ModelViewSet):
    model = HostName
    icon = "site"
    menu_label = _("Extra host names")
    add_to_settings_menu = True
    copy_view_enabled = False  # a copy would be the same host name, which is refused
    list_display = ["hostname"]

    index_view_class = _own_site(ModelViewSet.index_view_class, OwnSiteIndexMixin)
    add_view_class = _own_site(ModelViewSet.add_view_class, OwnSiteCreateMixin)
    edit_view_class = _own_site(ModelViewSet.edit_view_class, OwnSiteObjectMixin)
    delete_view_class = _own_site(ModelViewSet.delete_view_class, OwnSiteObjectMixin)
    history_view_class = _own_site(ModelViewSet.history_view_class, OwnSiteObjectMixin)
    usage_view_class = _own_site(ModelViewSet.usage_view_class, OwnSiteObjectMixin)
