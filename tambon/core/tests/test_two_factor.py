"""Staff sign-in with a code from an authenticator app, after the password."""

import re
import time
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from tambon.core.models import EnrolmentCode
from tambon.core.two_factor import issue_enrolment_code

pytestmark = [pytest.mark.django_db]
PASSWORD = "correct-horse-battery"
SETUP = "/admin/two-factor/setup/"


@pytest.fixture(autouse=True)
def two_factor_on(settings):
    settings.TAMBON_STAFF_2FA = True


@pytest.fixture
def clerk(site):
    return get_user_model().objects.create_user(
        "clerk", password=PASSWORD, is_staff=True, is_superuser=True
    )


def code_for(device):
    """The code the phone shows now, computed as the app does (RFC 6238)."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def sign_in(client):
    return client.post("/admin/login/", {"username": "clerk", "password": PASSWORD})


def enrol(client, user):
    """The enrolment code an administrator gave `user`, typed on the setup screen: the
    response, and the device whose secret the screen now shows."""
    code, _expires_at = issue_enrolment_code(user)
    response = client.post(SETUP, {"enrolment_code": code, "next": "/admin/pages/"})
    return response, TOTPDevice.objects.filter(user=user, confirmed=False).first()


def shows_a_secret(page):
    return "two-factor-qr" in page or "<code>" in page


def refused_enrolment(client, typed):
    """The setup screen after `typed` as the enrolment code was refused: no secret on it."""
    page = client.post(SETUP, {"enrolment_code": typed}).content.decode()
    assert not shows_a_secret(page)
    return page


def test_first_sign_in_asks_for_the_enrolment_code_and_opens_nothing_before(client, clerk):
    sign_in(client)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith(SETUP)
    setup = client.get(response["Location"]).content.decode()
    assert "ตั้งค่ารหัสยืนยันตัวตน" in setup
    assert "รหัสเปิดใช้งาน" in setup  # the administrator's enrolment code, asked first
    assert not shows_a_secret(setup)
    assert not TOTPDevice.objects.filter(user=clerk).exists()


def test_without_an_enrolment_code_no_secret_is_shown_and_no_app_can_be_set_up(client, clerk):
    issue_enrolment_code(clerk)  # given to the clerk, not known to whoever signs in
    sign_in(client)

    for data in ({}, {"code": "123456"}, {"enrolment_code": ""}):
        page = client.post(SETUP, data).content.decode()
        assert not shows_a_secret(page)

    assert not TOTPDevice.objects.filter(user=clerk).exists()
    assert client.get("/admin/pages/").status_code == 302


def test_a_wrong_enrolment_code_is_refused_in_thai_and_what_was_typed_stays(client, clerk):
    issue_enrolment_code(clerk)
    sign_in(client)

    page = refused_enrolment(client, "ABCD-EFGH-JKMN")

    assert "รหัสเปิดใช้งานไม่ถูกต้อง" in page
    assert 'value="ABCD-EFGH-JKMN"' in page
    assert not TOTPDevice.objects.filter(user=clerk).exists()


def test_a_code_typed_with_a_thai_keyboard_is_refused_with_a_hint_and_not_counted(client, clerk):
    code, _expires_at = issue_enrolment_code(clerk)
    sign_in(client)

    for _ in range(6):
        assert "แป้นพิมพ์" in refused_enrolment(client, "ะพำะ")

    assert client.post(SETUP, {"enrolment_code": code})["Location"].startswith(SETUP)


def test_an_expired_enrolment_code_is_refused(client, clerk):
    code, _expires_at = issue_enrolment_code(clerk)
    EnrolmentCode.objects.filter(user=clerk).update(expires_at=timezone.now())
    sign_in(client)

    assert "หมดอายุ" in refused_enrolment(client, code)
    assert not TOTPDevice.objects.filter(user=clerk).exists()


def test_an_enrolment_code_works_once(client, clerk):
    code, _expires_at = issue_enrolment_code(clerk)
    sign_in(client)
    client.post(SETUP, {"enrolment_code": code})

    # Someone else with the password, on another machine, after the clerk:
    other = Client()
    sign_in(other)
    assert "ใช้ไปแล้ว" in refused_enrolment(other, code)
    assert TOTPDevice.objects.filter(user=clerk).count() == 1  # the clerk's, being set up


def test_wrong_enrolment_codes_pause_the_account_so_the_code_cannot_be_guessed(client, clerk):
    code, _expires_at = issue_enrolment_code(clerk)
    sign_in(client)
    for _ in range(5):
        client.post(SETUP, {"enrolment_code": "ABCD-EFGH-JKMN"})

    # Even from another machine, and even the right code, for now:
    other = Client()
    sign_in(other)
    page = refused_enrolment(other, code)

    assert "ผิดหลายครั้ง" in page and "15 นาที" in page
    assert not TOTPDevice.objects.filter(user=clerk).exists()


def test_the_right_enrolment_code_shows_the_secret_and_the_apps_code_opens_the_admin(client, clerk):
    sign_in(client)
    response, device = enrol(client, clerk)

    # Nothing but where to go next is carried in the address the screen goes on to.
    assert response.status_code == 302
    assert response["Location"] == SETUP + "?next=%2Fadmin%2Fpages%2F"
    setup = client.get(response["Location"]).content.decode()
    assert "<svg" in setup and "two-factor-qr" in setup  # the QR code, drawn on the server

    done = client.post(SETUP, {"code": code_for(device), "next": "/admin/pages/"})

    assert done.status_code == 302 and done["Location"] == "/admin/pages/"
    assert TOTPDevice.objects.get(user=clerk).confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_a_secret_shown_before_the_code_was_given_is_not_the_one_set_up(client, clerk):
    code, _expires_at = issue_enrolment_code(clerk)
    # An app half set up before enrolment codes existed: its secret may have been seen.
    seen = TOTPDevice.objects.create(user=clerk, name="authenticator", confirmed=False)
    sign_in(client)

    client.post(SETUP, {"enrolment_code": code})

    assert TOTPDevice.objects.get(user=clerk).key != seen.key


def test_a_wrong_app_code_is_refused_in_thai_and_the_admin_stays_closed(client, clerk):
    sign_in(client)
    enrol(client, clerk)

    response = client.post(SETUP, {"code": "000000"})

    assert response.status_code == 200
    assert "รหัสไม่ถูกต้อง" in response.content.decode()
    assert "two-factor-qr" in response.content.decode()  # the same secret, to try again
    assert client.get("/admin/pages/").status_code == 302


def test_letters_are_refused_with_a_thai_message(client, clerk):
    sign_in(client)
    enrol(client, clerk)

    response = client.post(SETUP, {"code": "abcdef"})

    assert "6 หลัก" in response.content.decode()


def test_next_sign_in_asks_for_the_code_of_the_device_set_up(client, clerk):
    device = TOTPDevice.objects.create(user=clerk, name="phone", confirmed=True)
    sign_in(client)

    response = client.get("/admin/")
    assert response["Location"].startswith("/admin/two-factor/verify/")

    done = client.post("/admin/two-factor/verify/", {"code": code_for(device), "next": "/admin/"})
    assert done["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_codes_are_slowed_down(client, clerk):
    device = TOTPDevice.objects.create(user=clerk, name="phone", confirmed=True)
    sign_in(client)
    client.post("/admin/two-factor/verify/", {"code": "000000"})

    # Right away, even the right code waits: each failure doubles the wait (django-otp).
    response = client.post("/admin/two-factor/verify/", {"code": code_for(device)})

    assert "ผิดหลายครั้ง" in response.content.decode()
    time.sleep(1.1)
    assert client.post("/admin/two-factor/verify/", {"code": code_for(device)}).status_code == 302


def test_an_outside_next_address_is_not_followed(client, clerk):
    device = TOTPDevice.objects.create(user=clerk, name="phone", confirmed=True)
    sign_in(client)

    response = client.post(
        "/admin/two-factor/verify/", {"code": code_for(device), "next": "https://evil.example/"}
    )

    assert response["Location"] == "/admin/"


def test_a_visitors_page_stays_cacheable_with_the_code_required(client):
    # Reading who is signed in touches the session, which marks the page "Vary: Cookie":
    # the page cache would then keep no public page at all.
    response = client.get("/")
    assert response.status_code == 200
    assert "cookie" not in response.get("Vary", "").lower()


def test_the_public_site_does_not_ask_for_a_code(client, clerk):
    sign_in(client)

    assert client.get("/").status_code == 200


def test_reset_command_prints_a_new_code_with_which_a_new_phone_is_set_up(client, clerk):
    lost = TOTPDevice.objects.create(user=clerk, name="phone", confirmed=True)
    old_code, _expires_at = issue_enrolment_code(clerk)
    out = StringIO()

    call_command("reset_two_factor", "clerk", stdout=out)

    code = re.search(r"enrolment code ([A-Z0-9-]{14})", out.getvalue())[1]
    assert not TOTPDevice.objects.filter(pk=lost.pk).exists()
    assert code not in EnrolmentCode.objects.get(user=clerk).code_hash  # only its hash is kept
    sign_in(client)
    assert client.get("/admin/")["Location"].startswith(SETUP)
    assert "ไม่ถูกต้อง" in client.post(SETUP, {"enrolment_code": old_code}).content.decode()
    assert client.post(SETUP, {"enrolment_code": code})["Location"].startswith(SETUP)
    assert "two-factor-qr" in client.get(SETUP).content.decode()


def test_a_case_file_stays_closed_to_staff_until_the_code_is_given(
    client, clerk, settings, tmp_path
):
    from tambon.cases.tests import files
    from tambon.cases.tests.factories import CaseFactory
    from tambon.cases.uploads import check_upload

    settings.TAMBON_PRIVATE_MEDIA_ROOT = tmp_path
    case = CaseFactory(subject="ขอใบอนุญาต", files=[check_upload(files.pdf())])
    address = f"/cases/files/{case.attachments.get().public_id}/"
    device = TOTPDevice.objects.create(user=clerk, name="phone", confirmed=True)
    sign_in(client)

    assert client.get(address).status_code == 404  # the password alone: as any visitor

    client.post("/admin/two-factor/verify/", {"code": code_for(device), "next": "/admin/"})
    assert client.get(address).status_code == 200
