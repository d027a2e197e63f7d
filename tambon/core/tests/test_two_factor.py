"""Staff sign-in with a code from an authenticator app, after the password."""

import time

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = [pytest.mark.django_db]
PASSWORD = "correct-horse-battery"


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


def test_first_sign_in_asks_to_set_up_an_app_and_opens_nothing_before(client, clerk):
    sign_in(client)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")
    setup = client.get(response["Location"]).content.decode()
    assert "<svg" in setup  # the QR code, drawn on the server
    assert "ตั้งค่ารหัสยืนยันตัวตน" in setup


def test_setting_up_with_the_right_code_opens_the_admin(client, clerk):
    sign_in(client)
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=clerk)

    response = client.post(
        "/admin/two-factor/setup/", {"code": code_for(device), "next": "/admin/pages/"}
    )

    assert response.status_code == 302 and response["Location"] == "/admin/pages/"
    assert TOTPDevice.objects.get(user=clerk).confirmed
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_in_thai_and_the_admin_stays_closed(client, clerk):
    sign_in(client)
    client.get("/admin/two-factor/setup/")

    response = client.post("/admin/two-factor/setup/", {"code": "000000"})

    assert response.status_code == 200
    assert "รหัสไม่ถูกต้อง" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302


def test_letters_are_refused_with_a_thai_message(client, clerk):
    sign_in(client)

    response = client.post("/admin/two-factor/setup/", {"code": "abcdef"})

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


def test_reset_command_removes_the_device_so_a_new_phone_can_be_set_up(client, clerk):
    TOTPDevice.objects.create(user=clerk, name="phone", confirmed=True)

    call_command("reset_two_factor", "clerk")

    sign_in(client)
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


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
