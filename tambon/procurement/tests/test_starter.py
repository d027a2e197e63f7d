"""A new organization starts with an empty, published procurement page; running again changes
nothing."""

import datetime

import pytest
from wagtail.models import Page

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.procurement.models import ProcurementIndexPage, ProcurementProject
from tambon.procurement.starter import ensure_starter_content

pytestmark = pytest.mark.django_db
NEW_HOST = "127.0.0.1"


def test_a_new_organization_gets_its_procurement_page_once(client, site):
    new_site = second_organization_site(NEW_HOST, short_name="ทต.ใหม่")
    organization = Organization.for_site(new_site)
    home = new_site.root_page.specific

    ensure_starter_content(organization, home, datetime.date(2026, 12, 1))
    pages_before = Page.objects.count()
    ensure_starter_content(organization, home, datetime.date(2026, 12, 1))

    assert Page.objects.count() == pages_before
    page = ProcurementIndexPage.objects.child_of(home).get()
    assert page.live
    assert "ทต.ใหม่" in page.summary
    assert not ProcurementProject.objects.for_organization(organization).exists()
    response = client.get("/procurement/", HTTP_HOST=NEW_HOST)
    assert response.status_code == 200
    assert client.get("/procurement/").status_code == 404  # the other site has none
