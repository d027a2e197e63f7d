"""Admin screens of core: the staff sign-in code (two_factor.py)."""

from wagtail import hooks

from . import two_factor


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return two_factor.admin_urls()
