"""Admin screens of core: the staff sign-in code (two_factor.py), host names (hostnames.py)."""

from wagtail import hooks

from . import hostnames, two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.admin_urls()


@hooks.register("register_admin_viewset")
def register_host_names():
    return hostnames.HostNameViewSet("host_names")
