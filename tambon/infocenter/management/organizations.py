"""Which organization an ITA command works on: the one whose site answers at --domain, else the
default site's."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from tambon.core.models import Organization


def add_domain_argument(parser):
    parser.add_argument(
        "--domain",
        help="host name of the organization's site (default: the default site)",
    )


def organization_of(domain):
    if domain:
        site = Site.objects.filter(hostname=domain).first()
        if site is None:
            raise CommandError(_("No site answers at %(domain)s.") % {"domain": domain})
    else:
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError(_("No site has been set up yet."))
    return Organization.for_site(site)
