"""Which site an admin screen speaks of."""

from django.http import Http404
from wagtail.models import Site


def site_for_request(request):
    """The site of the address the admin was opened at, else the default site. Reports and
    dashboards are per site, even when the admin is reached under another host name."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        raise Http404("No site has been set up yet.")
    return site
