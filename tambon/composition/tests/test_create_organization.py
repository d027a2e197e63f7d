"""`create_organization`: a working site for a new organization in one step, again changes
nothing, a mistake changes nothing and says what is wrong in Thai."""

from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks import default_task_backend
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
    Site,
)

from tambon.core import memberships
from tambon.core.models import FooterSettings, Organization, OrganizationGroup, Role
from tambon.people.models import Division, Position
from tambon.search.indexing import rebuild_organization

pytestmark = pytest.mark.django_db

HOST = "banhaet.localhost"
BAN_HAET = "402401"  # ตำบลบ้านแฮด อำเภอบ้านแฮด จังหวัดขอนแก่น
PASSWORD = "a-long-pass-phrase-2568"  # noqa: S105 - a test's own


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "password"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return str(path)


def create(capsys=None, **options):
    arguments = {
        "domain": HOST,
        "subdistrict": BAN_HAET,
        "kind": "subdistrict-municipality",
    } | options
    call_command("create_organization", **arguments)
    return capsys.readouterr().out if capsys else None


def snapshot():
    """Rows of every kind the command makes."""
    models = [
        Page,
        Revision,
        Site,
        Organization,
        FooterSettings,
        Group,
        GroupPagePermission,
        GroupCollectionPermission,
        Collection,
        get_user_model(),
    ]
    counts = {model.__name__: model.objects.count() for model in models}
    for model in (Division, Position, OrganizationGroup):
        counts[model.__name__] = model.objects.all_organizations().count()
    counts["memberships"] = get_user_model().groups.through.objects.count()
    return counts


def test_it_builds_a_working_site_named_for_the_organization(client, site, password_file, capsys):
    out = create(capsys, admin_username="banhaet-admin", admin_password_file=password_file)

    assert "เทศบาลตำบลบ้านแฮด" in out
    assert PASSWORD not in out
    soup = BeautifulSoup(client.get("/", HTTP_HOST=HOST).content, "html.parser")
    assert soup.h1.get_text(strip=True) == "ยินดีต้อนรับเข้าสู่เทศบาลตำบลบ้านแฮด จังหวัดขอนแก่น"
    org = Organization.objects.get(site__hostname=HOST)
    assert (org.name, org.short_name, org.kind) == (
        "เทศบาลตำบลบ้านแฮด",
        "ทต.บ้านแฮด",
        "subdistrict-municipality",
    )
    assert (org.province_code, org.district_code, org.subdistrict_code) == ("40", "4024", "402401")
    assert org.name_en == "Ban Haet Subdistrict Municipality"


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/about/", "เทศบาลตำบลบ้านแฮดมีอำนาจหน้าที่ตามพระราชบัญญัติเทศบาล พ.ศ. 2496"),
        ("/privacy/", "ทต.บ้านแฮด เก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคล"),
        ("/cookies/", "csrftoken"),
        ("/accessibility/", "WCAG 2.1"),
        ("/contact/", "ติดต่อ ทต.บ้านแฮด ได้ตามช่องทางด้านล่าง"),
        ("/sitemap/", "ประกาศความเป็นส่วนตัว"),
        ("/news/", "กิจกรรมของ ทต.บ้านแฮด"),
        ("/people/", "พนักงานของ ทต.บ้านแฮด"),
        ("/people/org-chart/", "กองช่าง"),
    ],
)
def test_its_standard_pages_answer_with_neutral_text_naming_it(client, site, path, text):
    create()
    response = client.get(path, HTTP_HOST=HOST)
    assert response.status_code == 200
    html = response.content.decode()
    # The text as read: Thai words may be wrapped for line breaking (<span class="tw">, <wbr>).
    assert text in BeautifulSoup(html, "html.parser").get_text()
    assert "พงษ์" not in html
    assert "อบต.ทดสอบ" not in html  # the default site's organization


def test_its_footer_links_the_privacy_notice_cookies_accessibility_and_site_map(client, site):
    create()
    soup = BeautifulSoup(client.get("/", HTTP_HOST=HOST).content, "html.parser")
    links = [urlparse(a["href"]).path for a in soup.select("footer a")]
    for path in ("/privacy/", "/cookies/", "/accessibility/", "/sitemap/"):
        assert path in links


def test_its_administrator_signs_in_to_its_admin_and_sees_its_pages_only(
    client, site, password_file
):
    create(admin_username="banhaet-admin", admin_password_file=password_file)
    admin = get_user_model().objects.get(username="banhaet-admin")
    org = Organization.objects.get(site__hostname=HOST)
    assert not admin.is_superuser
    assert memberships.roles_in(admin, org) == {Role.ADMINISTRATOR}

    response = client.post(
        "/admin/login/",
        {"username": "banhaet-admin", "password": PASSWORD},
        HTTP_HOST=HOST,
    )
    assert response.status_code == 302
    home = org.site.root_page
    pages = client.get(f"/admin/pages/{home.pk}/", HTTP_HOST=HOST)
    assert pages.status_code == 200
    html = pages.content.decode()
    assert "เกี่ยวกับ ทต.บ้านแฮด" in html
    # The default site's home page is not theirs to open.
    assert client.get(f"/admin/pages/{site.root_page_id}/", HTTP_HOST=HOST).status_code != 200
    assert client.get("/admin/", HTTP_HOST="localhost").status_code != 200


def test_running_it_again_changes_nothing_and_says_so(site, password_file, capsys):
    create(admin_username="banhaet-admin", admin_password_file=password_file)
    before = snapshot()
    out = create(capsys, admin_username="banhaet-admin", admin_password_file=password_file)
    assert snapshot() == before
    assert "มีอยู่แล้ว" in out and "ไม่มีการเปลี่ยนแปลง" in out


def test_the_cost_of_a_new_organization_does_not_grow_with_those_already_there(site):
    """A thousand organizations on one deployment: the hundredth costs what the first did."""
    costs = []
    for host, code in [("a.localhost", "402401"), ("b.localhost", "551103")]:
        with CaptureQueriesContext(connection) as queries:
            create(domain=host, subdistrict=code, kind="sao")
        costs.append(len(queries))
    assert costs[1] <= costs[0] + 5


# --- Mistakes: a clear Thai message, and nothing made ---------------------------------------------


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"subdistrict": "999999"}, "ไม่มีตำบลที่ใช้รหัส 999999"),
        ({"subdistrict": "4024"}, "ไม่มีตำบลที่ใช้รหัส 4024"),
        ({"subdistrict": None}, "ระบุรหัสตำบล"),
        ({"domain": None}, "ระบุชื่อโดเมน"),
        ({"domain": "http://banhaet.localhost/"}, "ไม่ใช่ชื่อโดเมน"),
        ({"domain": "localhost"}, "โดเมน localhost ใช้กับองค์การบริหารส่วนตำบลทดสอบอยู่แล้ว"),
        ({"kind": "village"}, "ประเภทต้องเป็นหนึ่งใน: sao, subdistrict-municipality"),
        ({"kind": "pao", "subdistrict": "99"}, "ไม่มีจังหวัด อำเภอ หรือตำบลใดมีรหัส 99"),
        ({"admin_username": "somchai"}, "ระบุรหัสผ่านของผู้ดูแล"),
        ({"admin_password_file": "/nonexistent/password"}, "อ่านไฟล์รหัสผ่าน"),
    ],
)
def test_a_mistake_gets_a_thai_message_and_changes_nothing(site, options, message):
    before = snapshot()
    with pytest.raises(CommandError, match=message):
        create(**options)
    assert snapshot() == before


def test_an_organization_of_the_same_kind_and_area_is_refused_on_another_domain(site):
    create()
    before = snapshot()
    with pytest.raises(CommandError, match=f"เทศบาลตำบลบ้านแฮดมีอยู่แล้ว ที่ {HOST}"):
        create(domain="other.localhost")
    assert snapshot() == before


def test_an_existing_user_name_is_refused_and_keeps_its_password(site, password_file):
    someone = get_user_model().objects.create_user("somchai", password="their-own-secret-1")
    before = snapshot()
    with pytest.raises(CommandError, match="ชื่อผู้ใช้ somchai มีผู้ใช้แล้ว"):
        create(admin_username="somchai", admin_password_file=password_file)
    assert snapshot() == before
    someone.refresh_from_db()
    assert someone.check_password("their-own-secret-1")


def test_a_weak_password_is_refused(site, tmp_path):
    weak = tmp_path / "weak"
    weak.write_text("1234\n", encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError):
        create(admin_username="banhaet-admin", admin_password_file=str(weak))
    assert snapshot() == before


# --- Kinds, places, and two organizations side by side ------------------------------------------


@pytest.mark.parametrize("code", ["40", "4024", "402401"])
def test_a_provincial_organization_is_placed_by_any_code_of_its_province(site, code):
    create(domain="kkpao.localhost", kind="pao", subdistrict=code)
    org = Organization.objects.get(site__hostname="kkpao.localhost")
    assert (org.name, org.short_name) == ("องค์การบริหารส่วนจังหวัดขอนแก่น", "อบจ.ขอนแก่น")
    assert (org.province_code, org.district_code, org.subdistrict_code) == ("40", "", "")


@pytest.mark.parametrize(
    ("kind", "name"),
    [
        ("sao", "องค์การบริหารส่วนตำบลบ้านแฮด"),
        ("town-municipality", "เทศบาลเมืองบ้านแฮด"),
        ("city-municipality", "เทศบาลนครบ้านแฮด"),
    ],
)
def test_the_name_comes_from_the_kind_and_the_subdistrict(site, kind, name):
    create(kind=kind)
    assert Organization.objects.get(site__hostname=HOST).name == name


def test_a_development_port_is_part_of_the_domain(client, site):
    create(domain=f"{HOST}:8000")
    assert Site.objects.get(hostname=HOST).port == 8000
    response = client.get("/", HTTP_HOST=f"{HOST}:8000")
    assert "เทศบาลตำบลบ้านแฮด" in response.content.decode()


def test_two_organizations_built_side_by_side_are_separate(client, site):
    create()
    create(domain="pong.localhost", subdistrict="551103", kind="sao")
    haet = Organization.objects.get(site__hostname=HOST)
    pong = Organization.objects.get(site__hostname="pong.localhost")

    assert haet.site.root_page_id != pong.site.root_page_id
    assert haet.collection_id and pong.collection_id and haet.collection_id != pong.collection_id
    haet_groups = set(memberships.ensure_role_groups(haet).values())
    pong_groups = set(memberships.ensure_role_groups(pong).values())
    assert len(haet_groups) == len(Role) and not haet_groups & pong_groups
    assert "เทศบาลตำบลบ้านแฮด" in client.get("/", HTTP_HOST=HOST).content.decode()
    pong_home = client.get("/", HTTP_HOST="pong.localhost").content.decode()
    assert "องค์การบริหารส่วนตำบลพงษ์" in pong_home
    assert "บ้านแฮด" not in pong_home
    assert Division.objects.for_organization(haet).count() == 3
    assert Division.objects.for_organization(pong).count() == 3
    # Positions are titled for the kind: a municipality's mayor, a subdistrict's.
    haet_titles = set(Position.objects.for_organization(haet).values_list("title", flat=True))
    pong_titles = set(Position.objects.for_organization(pong).values_list("title", flat=True))
    assert {"นายกเทศมนตรี", "ปลัดเทศบาล"} <= haet_titles
    assert {"นายกองค์การบริหารส่วนตำบล", "ปลัดองค์การบริหารส่วนตำบล"} <= pong_titles


# --- The same from the admin, for operators -------------------------------------------------------

URL = "/admin/create_organization/"


def operator():
    user = get_user_model().objects.create_user("operator", password="x" * 12)
    group = Group.objects.create(name="ผู้ให้บริการ")
    group.permissions.set(
        Permission.objects.filter(codename__in=["access_admin", "add_organization"])
    )
    user.groups.add(group)
    return user


def form(**fields):
    return {
        "domain": HOST,
        "subdistrict": BAN_HAET,
        "kind": "subdistrict-municipality",
        "admin_username": "banhaet-admin",
        "admin_password": PASSWORD,
        "admin_password_again": PASSWORD,
    } | fields


def test_an_operator_builds_an_organization_from_the_admin(client, site):
    client.force_login(operator())
    assert URL in client.get("/admin/").content.decode()
    response = client.post(URL, form())
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    links = {a.get_text(strip=True): a["href"] for a in soup.select("[role=status] a")}
    assert links == {
        "เปิดเว็บไซต์": f"http://{HOST}/",
        "เปิดหน้าผู้ดูแลระบบ": f"http://{HOST}/admin/",
    }
    org = Organization.objects.get(site__hostname=HOST)
    admin = get_user_model().objects.get(username="banhaet-admin")
    assert memberships.roles_in(admin, org) == {Role.ADMINISTRATOR}
    assert admin.check_password(PASSWORD)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"subdistrict": "999999"}, "ไม่มีตำบลที่ใช้รหัส 999999"),
        ({"domain": "localhost"}, "โดเมน localhost ใช้กับองค์การบริหารส่วนตำบลทดสอบอยู่แล้ว"),
        ({"admin_password_again": "something-else-2568"}, "รหัสผ่านทั้งสองช่องไม่ตรงกัน"),
    ],
)
def test_a_mistake_in_the_admin_form_is_shown_in_thai_keeps_what_was_typed_and_makes_nothing(
    client, site, fields, message
):
    client.force_login(operator())
    before = snapshot()
    response = client.post(URL, form(**fields))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    soup = BeautifulSoup(html, "html.parser")
    typed = form(**fields)
    for name in ("domain", "subdistrict", "admin_username"):
        assert soup.find("input", {"name": name})["value"] == typed[name]
    assert soup.find("option", selected=True)["value"] == typed["kind"]
    assert snapshot() == before


def test_an_organizations_administrator_neither_sees_nor_opens_the_screen(client, site):
    somchai = get_user_model().objects.create_user("somchai", password="x" * 12)
    memberships.add_member(somchai, Organization.for_site(site), Role.ADMINISTRATOR)
    client.force_login(somchai)
    assert client.get("/admin/").status_code == 200
    assert URL not in client.get("/admin/").content.decode()
    assert client.get(URL).status_code in (302, 403)
    before = snapshot()
    client.post(URL, form())
    assert snapshot() == before


def test_a_new_organization_is_indexed_once_for_search_and_found_there(client, site, settings):
    """Its hundreds of saves enqueue no indexing of their own: one rebuild of the whole
    organization follows (a worker's time grows with the tasks, not with what they find), and
    its pages are then found by the site search on its own host."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    create()
    enqueued = [result.task.name for result in default_task_backend.results]
    assert enqueued.count("rebuild_organization") == 1
    assert "reindex_keys" not in enqueued

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    rebuild_organization.enqueue(Organization.objects.get(site__hostname=HOST).pk)
    page = client.get("/search/", {"q": "อำนาจหน้าที่"}, HTTP_HOST=HOST).content
    found = [a["href"] for a in BeautifulSoup(page, "html.parser").select("ol.results > li > a")]
    assert "/about/" in found
