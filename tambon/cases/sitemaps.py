"""The citizen forms in sitemap.xml, beside the Wagtail pages: the forms' hub, each form, the
e-services and each e-service's own form, with the host the request came to."""

from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap

from tambon.core.scoping import organization_for_request

from .models import ServiceType
from .templatetags.case_links import form_links


class CaseFormsSitemap(Sitemap):
    def items(self):
        services = ServiceType.objects.for_organization(
            organization_for_request(self.request)
        ).live()
        return [
            reverse("cases:index"),
            *(address for _label, address in form_links()),
            *(reverse("cases:new_service", args=[service.slug]) for service in services),
        ]

    def _urls(self, page, protocol, domain):
        # Addresses, not pages: Wagtail's version asks each item for its sitemap entries.
        return [
            {"item": path, "location": self.request.build_absolute_uri(path)}
            for path in self.paginator.page(page).object_list
        ]
