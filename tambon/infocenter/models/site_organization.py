"""The organization whose rows a page shows: that of the site the page is in."""

from django.utils.functional import cached_property

from tambon.core.models import Organization


class SiteOrganizationMixin:
    """For a page of the information center: its site and organization, looked up once per page
    object (a request), so a page of one organization never lists another's rows."""

    @cached_property
    def page_site(self):
        return self.get_site()

    @cached_property
    def site_organization(self):
        return Organization.for_site(self.page_site)
