"""The demo's two organizations answer on their own hosts, and each demo administrator signs
in on their own organization's host only."""

import re
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tambon.composition.demo import DEMO_PASSWORDS, ensure_demo_logins
from tambon.core import memberships
from tambon.core.models import Organization, Role

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

PONG = "127.0.0.1:8000"
BAN_HAET = "banhaet.localhost:8000"


def welcome(client, host):
    soup = BeautifulSoup(client.get("/", HTTP_HOST=host).content, "html.parser")
    return soup.h1.get_text(strip=True)


def test_both_organizations_answer_on_their_own_hosts(client):
    assert welcome(client, PONG) == "ยินดีต้อนรับเข้าสู่องค์การบริหารส่วนตำบลพงษ์ จังหวัดน่าน"
    assert welcome(client, BAN_HAET) == "ยินดีต้อนรับเข้าสู่เทศบาลตำบลบ้านแฮด จังหวัดขอนแก่น"
    assert welcome(client, "banhaet.localhost") == welcome(client, BAN_HAET)


def test_the_second_organization_is_a_municipality_of_another_province_with_two_posts(client):
    second = Organization.objects.get(site__hostname="banhaet.localhost")
    assert second.kind == Organization.Kind.SUBDISTRICT_MUNICIPALITY
    assert second.province_name == "ขอนแก่น"
    news = client.get("/news/", HTTP_HOST=BAN_HAET).content.decode()
    assert "ตลาดนัดชุมชน" in news and "นายกเทศมนตรีตำบลบ้านแฮด" in news
    assert "อบต.พงษ์" not in news
    assert "ตลาดนัดชุมชน" not in client.get("/news/", HTTP_HOST=PONG).content.decode()


def sign_in(client, host, username):
    return client.post(
        "/admin/login/",
        {"username": username, "password": DEMO_PASSWORDS[username]},
        HTTP_HOST=host,
    )


@pytest.mark.parametrize(
    ("host", "username", "other_host"),
    [(PONG, "admin", BAN_HAET), (BAN_HAET, "banhaet-admin", PONG)],
)
def test_each_demo_administrator_works_on_their_own_host_only(
    client, monkeypatch, host, username, other_host
):
    monkeypatch.delenv("TAMBON_DEMO_ADMIN_PASSWORD", raising=False)
    pong = Organization.objects.get(site__is_default_site=True)
    second = Organization.objects.get(site__hostname="banhaet.localhost")
    ensure_demo_logins(pong, second)
    user = get_user_model().objects.get(username=username)
    assert not user.is_superuser
    assert [set(memberships.roles_in(user, org)) for org in (pong, second)].count(
        {Role.ADMINISTRATOR}
    ) == 1

    assert sign_in(client, host, username).status_code == 302
    assert client.get("/admin/", HTTP_HOST=host).status_code == 200
    assert client.get("/admin/", HTTP_HOST=other_host).status_code != 200


def test_the_demo_operator_may_add_organizations(client, monkeypatch):
    monkeypatch.delenv("TAMBON_DEMO_ADMIN_PASSWORD", raising=False)
    pong = Organization.objects.get(site__is_default_site=True)
    second = Organization.objects.get(site__hostname="banhaet.localhost")
    ensure_demo_logins(pong, second)
    assert sign_in(client, PONG, "operator").status_code == 302
    assert client.get("/admin/create_organization/", HTTP_HOST=PONG).status_code == 200


def demo_sign_ins(settings, two_factor):
    settings.DEBUG, settings.TAMBON_STAFF_2FA = True, two_factor
    out = StringIO()
    call_command("load_demo", "--with-admin", stdout=out)
    return out.getvalue()


def test_with_two_factor_on_the_demo_prints_an_enrolment_code_that_works(
    client, settings, monkeypatch
):
    monkeypatch.delenv("TAMBON_DEMO_ADMIN_PASSWORD", raising=False)
    printed = demo_sign_ins(settings, two_factor=True)

    line = next(line for line in printed.splitlines() if "user: admin " in line)
    code = re.search(r"enrolment code: (\S+)", line)[1]
    sign_in(client, PONG, "admin")
    setup = "/admin/two-factor/setup/"
    assert client.post(setup, {"enrolment_code": code}, HTTP_HOST=PONG)["Location"].startswith(
        setup
    )
    assert "two-factor-qr" in client.get(setup, HTTP_HOST=PONG).content.decode()


def test_with_two_factor_off_the_demo_says_the_password_alone_opens_the_admin(
    settings, monkeypatch
):
    monkeypatch.delenv("TAMBON_DEMO_ADMIN_PASSWORD", raising=False)
    printed = demo_sign_ins(settings, two_factor=False)

    assert "enrolment code:" not in printed
    assert "the password alone opens the admin" in printed
