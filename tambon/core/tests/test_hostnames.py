"""Extra host names of a site: a visitor who opens one is sent to the site's main host name; a
deployment that leaves its hosts to the database refuses a host that no site has."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import Site

from tambon.core.models import HostName
from tambon.pages.tests.factories import second_organization_site

pytestmark = pytest.mark.django_db

OURS, THEIRS = "องค์การบริหารส่วนตำบลทดสอบ", "องค์การบริหารส่วนตำบลอื่น"  # names in the header
MAIN_HOST = "localhost"  # the default site's host name (core/tests/factories.py)
OTHER_HOST = "127.0.0.1"  # the second organization's site
ALIASES = ["pong.example", "www.pong.example", "other.example"]


@pytest.fixture
def aliases_allowed(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, *ALIASES, "unknown.example"]


@pytest.fixture
def two(site, aliases_allowed):
    other = second_organization_site(OTHER_HOST)
    HostName.objects.create(site=site, hostname="pong.example")
    HostName.objects.create(site=site, hostname="www.pong.example")
    HostName.objects.create(site=other, hostname="other.example")
    return site, other


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


# Redirects ----------------------------------------------------------------------------------


def test_an_extra_host_name_redirects_permanently_with_path_and_query(client, two):
    # A browser sends งาน in the query as %E0%B8%87%E0%B8%B2%E0%B8%99.
    address = "/news/?page=2&tag=%E0%B8%87%E0%B8%B2%E0%B8%99"
    response = client.get(address, HTTP_HOST="pong.example")
    assert response.status_code == 301
    assert response["Location"] == f"http://localhost{address}"


def test_the_redirect_keeps_the_scheme(client, two):
    response = client.get("/contact/", HTTP_HOST="www.pong.example", secure=True)
    assert response["Location"] == "https://localhost/contact/"


def test_the_redirect_keeps_the_sites_port_unless_a_default_one(client, two):
    _site, other = two
    other.port = 8000
    other.save()
    response = client.get("/", HTTP_HOST="other.example")
    assert response["Location"] == "http://127.0.0.1:8000/"
    other.port = 443
    other.save()
    response = client.get("/", HTTP_HOST="other.example", secure=True)
    assert response["Location"] == "https://127.0.0.1/"


def test_the_host_names_port_does_not_matter(client, two):
    response = client.get("/", HTTP_HOST="pong.example:8080")
    assert response.status_code == 301
    assert response["Location"] == "http://localhost/"


def test_the_main_host_name_serves_the_site(client, two):
    response = client.get("/", HTTP_HOST=MAIN_HOST)
    assert response.status_code == 200
    assert OURS in response.content.decode()


def test_each_organizations_extra_host_names_lead_to_its_own_site(client, two):
    assert client.get("/", HTTP_HOST="pong.example")["Location"] == "http://localhost/"
    assert client.get("/", HTTP_HOST="other.example")["Location"] == "http://127.0.0.1/"
    page = client.get("/", HTTP_HOST="other.example", follow=True)
    assert page.redirect_chain == [("http://127.0.0.1/", 301)]
    assert THEIRS in page.content.decode()
    assert OURS not in page.content.decode()


def test_an_unknown_host_is_served_as_before(client, two):
    response = client.get("/", HTTP_HOST="unknown.example")
    assert response.status_code == 200  # Wagtail's default site, as without host names


def test_a_host_not_allowed_is_refused_as_before(client, two):
    assert client.get("/", HTTP_HOST="not-allowed.example").status_code == 400


def test_adding_and_removing_an_extra_host_name_takes_effect_at_once(client, site, aliases_allowed):
    assert client.get("/", HTTP_HOST="pong.example").status_code == 200  # now remembered
    extra = HostName.objects.create(site=site, hostname="pong.example")
    assert client.get("/", HTTP_HOST="pong.example").status_code == 301
    extra.delete()
    assert client.get("/", HTTP_HOST="pong.example").status_code == 200


def test_a_sites_own_host_name_is_never_redirected(client, two):
    site, _other = two
    # A superuser moves the site to a host name that was an extra one.
    site.hostname = "pong.example"
    site.save()
    assert client.get("/", HTTP_HOST="pong.example").status_code == 200


# Validation ---------------------------------------------------------------------------------


def errors_of(host_name):
    with pytest.raises(ValidationError) as error:
        host_name.full_clean()
    return error.value.message_dict["hostname"]


@pytest.mark.parametrize(
    "typed",
    ["https://pong.example", "pong.example/news", "pong.example:8080", "pong example", "-pong.ex"],
)
def test_only_a_host_name_is_accepted(two, typed):
    site, _other = two
    assert errors_of(HostName(site=site, hostname=typed)) == [
        "กรอกเฉพาะชื่อโดเมน เช่น www.pong.go.th (ตัวอักษร ตัวเลข ขีด - และจุด) "
        "ไม่ต้องใส่ http:// เครื่องหมาย / หรือหมายเลขพอร์ต"
    ]


def test_a_host_name_is_stored_lowercase_and_thai_names_in_their_ascii_form(two):
    site, _other = two
    typed = HostName(site=site, hostname="  WWW.Pong.Go.TH. ")
    typed.full_clean()
    typed.save()
    assert HostName.objects.get(pk=typed.pk).hostname == "www.pong.go.th"
    thai = HostName(site=site, hostname="อบต.ไทย")
    thai.full_clean()
    assert thai.hostname.startswith("xn--")


def test_a_sites_main_host_name_is_refused(two):
    site, _other = two
    assert errors_of(HostName(site=site, hostname="127.0.0.1")) == [
        "127.0.0.1 เป็นชื่อโดเมนหลักของเว็บไซต์หนึ่งอยู่แล้ว"
    ]


def test_another_sites_extra_host_name_is_refused(two):
    _site, other = two
    assert errors_of(HostName(site=other, hostname="WWW.pong.example")) == [
        "ชื่อโดเมนนี้เป็นชื่อโดเมนเพิ่มเติมของเว็บไซต์หนึ่งอยู่แล้ว"
    ]


# The admin ----------------------------------------------------------------------------------

LIST = "/admin/host_names/"


def test_the_admin_lists_the_host_names_of_the_staff_members_site_only(admin_client, two):
    html = admin_client.get(LIST).content.decode()
    assert "www.pong.example" in html
    assert "other.example" not in html
    html = admin_client.get(LIST, HTTP_HOST=OTHER_HOST).content.decode()
    assert "other.example" in html
    assert "pong.example" not in html


def test_the_list_is_in_the_settings_menu_in_thai(admin_client, two):
    assert LIST in admin_client.get("/admin/").content.decode()  # the sidebar's settings menu
    assert "ชื่อโดเมนเพิ่มเติม" in admin_client.get(LIST).content.decode()
    html = admin_client.get(f"{LIST}new/").content.decode()
    assert "เช่น pong.go.th เมื่อชื่อโดเมนหลักของเว็บไซต์คือ www.pong.go.th" in html


def test_a_host_name_added_in_the_admin_belongs_to_the_staff_members_site(admin_client, two):
    _site, other = two
    response = admin_client.post(
        f"{LIST}new/", {"hostname": "Old.Other.example"}, HTTP_HOST=OTHER_HOST
    )
    assert response.status_code == 302
    assert HostName.objects.get(hostname="old.other.example").site == other


def test_the_admin_shows_why_a_host_name_is_refused(admin_client, two):
    response = admin_client.post(f"{LIST}new/", {"hostname": "other.example"})
    assert response.status_code == 200
    assert "ชื่อโดเมนนี้เป็นชื่อโดเมนเพิ่มเติมของเว็บไซต์หนึ่งอยู่แล้ว" in response.content.decode()
    assert HostName.objects.filter(hostname="other.example").count() == 1


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_another_sites_host_name_is_not_found_by_its_id(admin_client, two, view):
    ours = HostName.objects.get(hostname="pong.example")
    theirs = HostName.objects.get(hostname="other.example")
    assert admin_client.get(f"{LIST}{view}/{ours.pk}/").status_code == 200
    assert admin_client.get(f"{LIST}{view}/{theirs.pk}/").status_code == 404


def test_another_sites_host_name_cannot_be_deleted_or_changed_by_its_id(admin_client, two):
    theirs = HostName.objects.get(hostname="other.example")
    assert admin_client.post(f"{LIST}delete/{theirs.pk}/").status_code == 404
    response = admin_client.post(f"{LIST}edit/{theirs.pk}/", {"hostname": "taken.example"})
    assert response.status_code == 404
    assert HostName.objects.get(pk=theirs.pk).hostname == "other.example"


# Hosts from the database ("*" in ALLOWED_HOSTS) -----------------------------------------------


@pytest.fixture
def hosts_from_database(settings, two):
    settings.ALLOWED_HOSTS = ["*", ".health.internal"]
    return two


def test_with_the_wildcard_an_unknown_host_is_refused_with_a_thai_page(client, hosts_from_database):
    response = client.get("/", HTTP_HOST="unknown.example")
    assert response.status_code == 400
    assert "ที่อยู่นี้ไม่มีเว็บไซต์ให้บริการ" in response.content.decode()


def test_with_the_wildcard_every_sites_hosts_are_served(client, hosts_from_database):
    assert client.get("/", HTTP_HOST=MAIN_HOST).status_code == 200
    assert client.get("/", HTTP_HOST=OTHER_HOST).status_code == 200
    assert client.get("/", HTTP_HOST="other.example")["Location"] == "http://127.0.0.1/"


def test_with_the_wildcard_the_hosts_listed_beside_it_are_served(client, hosts_from_database):
    assert client.get("/", HTTP_HOST="web1.health.internal").status_code == 200


def test_with_the_wildcard_a_new_sites_host_is_served_at_once(client, hosts_from_database):
    assert client.get("/", HTTP_HOST="new.example").status_code == 400
    second_organization_site("new.example")
    assert client.get("/", HTTP_HOST="new.example").status_code == 200


# Each page's own address (canonical link), made from every site's root path -------------------


def canonical_of(client, host):
    html = client.get("/", HTTP_HOST=host).content.decode()
    return html.split('rel="canonical" href="', 1)[1].split('"', 1)[0]


def test_each_sites_home_page_names_its_own_address(client, two):
    assert canonical_of(client, MAIN_HOST) == "http://localhost/"
    assert canonical_of(client, OTHER_HOST) == "http://127.0.0.1/"


def test_a_sites_new_host_name_is_its_address_from_the_next_request(client, hosts_from_database):
    _, other = hosts_from_database
    assert canonical_of(client, OTHER_HOST) == "http://127.0.0.1/"  # now remembered
    other.hostname = "new.example"
    other.save()
    assert canonical_of(client, "new.example") == "http://new.example/"


def test_a_page_names_its_address_without_reading_every_sites_root_path_again(
    client, two, monkeypatch
):
    # With a thousand sites, Wagtail's list of them cost about 1 ms per request to read back.
    client.get("/", HTTP_HOST=OTHER_HOST)  # the worker remembers the list
    reads = []
    read = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: reads.append(1) or read())
    client.cookies["sessionid"] = "not-a-session"  # rendered by Django, not the page cache
    assert canonical_of(client, MAIN_HOST) == "http://localhost/"
    assert reads == []
