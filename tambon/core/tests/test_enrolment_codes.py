"""An administrator gives a member of staff the one-time enrolment code with which they set up
their sign-in app (core/staff_admin.py, EnrolmentCodeView); the code is shown to the
administrator once, and works for that person's first setup."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from tambon.core import memberships
from tambon.core.models import EnrolmentCode, Organization, Role
from tambon.pages.tests.factories import second_organization_site

pytestmark = pytest.mark.django_db
PASSWORD = "Ch@ng-Pueak-2567"
USERS = "/admin/users/"
SETUP = "/admin/two-factor/setup/"
CODE = re.compile(r'<code class="enrolment-code"[^>]*>([A-Z0-9-]+)</code>')


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.TAMBON_STAFF_2FA = True


def person(username, organization=None, role=None):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username
    )
    if organization is not None:
        memberships.add_member(user, organization, role)
    return user


@pytest.fixture
def org(site):
    return Organization.for_site(site)


def signed_in_with_app(user):
    """A browser of `user`, past the password and the app's code."""
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    client = Client()
    client.force_login(user)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    assert client.post("/admin/two-factor/verify/", {"code": code}).status_code == 302
    return client


@pytest.fixture
def administrator(org):
    return signed_in_with_app(person("amnat", org, Role.ADMINISTRATOR))


def issuing_page(user):
    return f"{USERS}enrolment-code/{user.pk}/"


def refused(response):
    """Wagtail answers a refused admin page by going back to the dashboard with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_the_administrator_gives_a_new_clerk_a_code_shown_once_that_sets_up_their_app(
    administrator, org
):
    clerk = person("aruni", org, Role.CLERK)

    edit = administrator.get(f"{USERS}edit/{clerk.pk}/").content.decode()
    assert issuing_page(clerk) in edit  # the button on the person's edit page
    asked = administrator.get(issuing_page(clerk))
    assert asked.status_code == 200 and not CODE.search(asked.content.decode())
    assert not EnrolmentCode.objects.filter(user=clerk).exists()  # nothing before the button

    given = administrator.post(issuing_page(clerk))

    assert given.status_code == 200  # shown in the answer itself: not carried by an address
    assert "no-store" in given["Cache-Control"]
    code = CODE.search(given.content.decode())[1]
    assert code not in EnrolmentCode.objects.get(user=clerk).code_hash
    assert not CODE.search(administrator.get(issuing_page(clerk)).content.decode())
    history = ModelLogEntry.objects.filter(object_id=str(clerk.pk), action="tambon.enrolment_code")
    assert history.count() == 1 and code not in str(history.get().data)

    # The clerk's first sign-in: the code opens the setup of the app.
    browser = Client()
    browser.post("/admin/login/", {"username": "aruni", "password": PASSWORD})
    response = browser.post(SETUP, {"enrolment_code": code})
    assert response["Location"].startswith(SETUP)
    assert "two-factor-qr" in browser.get(SETUP).content.decode()


def test_a_new_code_for_a_lost_phone_replaces_the_app_and_the_old_code(administrator, org):
    clerk = person("aruni", org, Role.CLERK)
    old_code = CODE.search(administrator.post(issuing_page(clerk)).content.decode())[1]
    TOTPDevice.objects.create(user=clerk, name="lost phone", confirmed=True)

    warning = administrator.get(issuing_page(clerk)).content.decode()
    assert "หยุดทำงาน" in warning  # their app stops working: for a lost or new phone only
    new_code = CODE.search(administrator.post(issuing_page(clerk)).content.decode())[1]

    assert not TOTPDevice.objects.filter(user=clerk).exists()
    browser = Client()
    browser.post("/admin/login/", {"username": "aruni", "password": PASSWORD})
    assert "ไม่ถูกต้อง" in browser.post(SETUP, {"enrolment_code": old_code}).content.decode()
    assert browser.post(SETUP, {"enrolment_code": new_code})["Location"].startswith(SETUP)


@pytest.mark.parametrize("role", [Role.CLERK, Role.EDITOR, Role.EXECUTIVE])
def test_staff_who_do_not_manage_users_cannot_give_codes(org, role):
    colleague = person("aruni", org, Role.CLERK)
    browser = signed_in_with_app(person("somsak", org, role))

    assert refused(browser.get(issuing_page(colleague)))
    assert refused(browser.post(issuing_page(colleague)))
    assert (
        issuing_page(colleague) not in browser.get(f"{USERS}edit/{colleague.pk}/").content.decode()
    )
    assert not EnrolmentCode.objects.filter(user=colleague).exists()


def test_no_code_for_oneself_another_organizations_staff_or_a_shared_account(administrator, org):
    me = get_user_model().objects.get(username="amnat")
    other = Organization.for_site(second_organization_site("b.localhost"))
    theirs = person("boonmee", other, Role.CLERK)
    shared = person("both", org, Role.EDITOR)
    memberships.add_member(shared, other, Role.EXECUTIVE)

    assert refused(administrator.post(issuing_page(me)))
    assert administrator.post(issuing_page(theirs)).status_code == 404
    assert refused(administrator.post(issuing_page(shared)))
    assert not EnrolmentCode.objects.exists()
    assert (
        issuing_page(shared) not in administrator.get(f"{USERS}edit/{shared.pk}/").content.decode()
    )


def test_a_superuser_gives_codes_to_anyone_but_themselves(org):
    root = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    browser = signed_in_with_app(root)
    shared = person("both", org, Role.EDITOR)
    memberships.add_member(
        shared, Organization.for_site(second_organization_site("b.localhost")), Role.EXECUTIVE
    )

    assert CODE.search(browser.post(issuing_page(shared)).content.decode())
    assert refused(browser.post(issuing_page(root)))
    assert TOTPDevice.objects.filter(user=root).exists()  # their own app still works


def test_the_command_prints_a_code_for_a_new_member_of_staff(org, capsys):
    person("aruni", org, Role.CLERK)

    call_command("reset_two_factor", "aruni")

    printed = capsys.readouterr().out
    assert re.search(r"enrolment code [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4} ", printed)
    assert EnrolmentCode.objects.filter(user__username="aruni", used_at=None).exists()
