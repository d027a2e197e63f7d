"""Issue 14: every new site offers the complaint form and the e-services one tap away, in its
menu and as the first tiles of its home page, and keeps them where its clerk put them."""

from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Site

from tambon.composition import service_links

from .test_create_organization import HOST, create

pytestmark = pytest.mark.django_db

COMPLAINT, ESERVICE = "/cases/new/complaint/", "/cases/new/eservice/"
PARTICIPATION = "/participation/"


def home_soup(client):
    return BeautifulSoup(client.get("/", HTTP_HOST=HOST).content, "html.parser")


def test_the_menu_and_the_home_tiles_start_with_the_services(client, site):
    create()
    soup = home_soup(client)
    menu = [(a.get_text(strip=True), a["href"]) for a in soup.select("nav.main-menu a")]
    assert menu[1:4] == [
        ("แจ้งเรื่องร้องเรียน / ติดตามเรื่อง", COMPLAINT),
        ("E-Service", ESERVICE),
        ("การมีส่วนร่วมจัดทำแผนพัฒนา", PARTICIPATION),
    ]
    tiles = [urlparse(a["href"]).path for a in soup.select("nav.quick-links a")]
    assert tiles[:3] == [COMPLAINT, ESERVICE, PARTICIPATION]


def test_the_menu_items_own_address_leads_to_the_form(client, site):
    create()
    response = client.get("/complaints/", HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"] == COMPLAINT
    response = client.get("/community-planning/", HTTP_HOST=HOST)
    assert response.status_code == 302 and response["Location"] == PARTICIPATION
    assert client.get(PARTICIPATION, HTTP_HOST=HOST).status_code == 200


def test_a_clerk_who_reordered_or_removed_them_keeps_the_order_on_the_next_build(client, site):
    create()
    home = Site.objects.get(hostname=HOST).root_page.specific
    # The clerk moves the e-service tile to the end and the complaint menu item last.
    blocks = [(b.block_type, b.value) for b in home.quick_links]
    home.quick_links = blocks[1:] + blocks[:1]
    home.save_revision().publish()
    complaints = home.get_children().get(slug="complaints")
    complaints.move(home, pos="last-child")

    service_links.ensure_service_links(None, home, timezone.localdate())
    home.refresh_from_db()
    assert [urlparse(b.value["link"]["address"]).path for b in home.quick_links][-1] == COMPLAINT
    assert len(home.quick_links) == len(service_links.SERVICES)
    assert home.get_children().last().slug == "complaints"


def test_the_site_map_page_lists_every_online_form(client, site):
    create()
    soup = BeautifulSoup(client.get("/sitemap/", HTTP_HOST=HOST).content, "html.parser")
    links = {a["href"] for a in soup.select("main a")}
    assert {COMPLAINT, ESERVICE, "/cases/new/information/", "/cases/track/"} <= links
