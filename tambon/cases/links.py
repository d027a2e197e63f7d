"""The address of an organization's site, for the links in the mails the cases send."""

from django.conf import settings


def organization_url(organization):
    """The root of the organization's site, without a trailing slash. The default site's is
    the deployment's own address (WAGTAILADMIN_BASE_URL); another one's, its site's root."""
    site = organization.site
    if site.is_default_site:
        return settings.WAGTAILADMIN_BASE_URL
    return site.root_url
