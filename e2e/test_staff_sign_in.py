"""Staff sign-in in a real browser with JavaScript on, as clerks use it: password, then the code
from the phone, then the admin; the first time, the administrator's enrolment code before the
phone is set up."""

import base64
import re
import secrets
import urllib.parse

from django_otp.oath import totp

import serverkit
from e2e.harness import sign_in_as_staff, sign_in_with_password, watch_page
from serverkit.citizen import Browser

NEW_STAFF_MEMBER = """
import json
from django.contrib.auth import get_user_model
from tambon.core.two_factor import issue_enrolment_code
user = get_user_model().objects.create_superuser(USERNAME, "new@example.com", PASSWORD)
print(json.dumps(issue_enrolment_code(user)[0]))
"""


def test_a_clerk_signs_in_with_password_and_code_and_reaches_the_admin(
    browser, base_url, staff_member
):
    context = browser.new_context(base_url=base_url, locale="th-TH")
    page = context.new_page()

    sign_in_as_staff(page, staff_member)

    assert page.url == base_url + "/admin/"
    assert page.locator("main").count() == 1
    context.close()


def test_without_the_code_the_admin_stays_closed(browser, base_url, staff_member):
    context = browser.new_context(base_url=base_url, locale="th-TH")
    page = context.new_page()
    sign_in_with_password(page, *staff_member[:2])

    page.goto("/admin/pages/")

    assert "/admin/two-factor/verify/" in page.url
    assert page.locator("h1").inner_text() == "รหัสยืนยันตัวตน"
    context.close()


def test_a_wrong_code_is_said_where_the_clerk_sees_it(browser, base_url, staff_member):
    context = browser.new_context(base_url=base_url, locale="th-TH")
    page = context.new_page()
    sign_in_with_password(page, *staff_member[:2])

    page.fill("#id_code", "12345")
    page.press("#id_code", "Enter")

    # Wagtail's sign-in styles hide the error under the field: it must show above the form.
    page.get_by_role("alert").get_by_text("6 หลัก").wait_for()
    context.close()


def test_a_new_clerk_sets_up_the_phone_with_the_administrators_enrolment_code(
    browser, base_url, e2e_server
):
    username, password = f"new-{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    snippet = f"USERNAME, PASSWORD = {username!r}, {password!r}\n" + NEW_STAFF_MEMBER
    code = serverkit.django_snippet(e2e_server.env, snippet)
    context = browser.new_context(base_url=base_url, locale="th-TH")
    page = context.new_page()
    watch = watch_page(page, base_url)
    addresses = []
    page.on("request", lambda request: addresses.append(request.url.upper()))
    sign_in_with_password(page, username, password, then="setup")
    assert page.locator(".two-factor-qr").count() == 0  # no secret before the code

    page.fill("#id_enrolment_code", "ABCD-EFGH-JKMN")
    page.press("#id_enrolment_code", "Enter")
    page.get_by_role("alert").get_by_text("รหัสเปิดใช้งานไม่ถูกต้อง").wait_for()  # seen, not hidden
    assert page.locator(".two-factor-qr").count() == 0
    page.fill("#id_enrolment_code", code.lower().replace("-", " "))  # as a clerk may type it
    page.press("#id_enrolment_code", "Enter")
    page.locator(".two-factor-qr").wait_for()
    secret = page.locator("main code").inner_text().replace(" ", "")
    page.fill("#id_code", f"{totp(base64.b32decode(secret)):06d}")
    page.press("#id_code", "Enter")

    page.wait_for_url("**/admin/")
    assert not [a for a in addresses if code in a or code.replace("-", "") in a]
    watch.assert_clean()
    context.close()


def test_wrong_passwords_are_counted_by_every_worker_together(e2e_server):
    # Each try on a new connection, as from a new browser: granian hands them to either of its
    # two workers. Counted per worker, the sixth try would still be let through.
    port = int(e2e_server.base_url.rsplit(":", 1)[1])
    username = f"nobody-{secrets.token_hex(4)}"

    def try_password():
        browser = Browser(port)
        try:
            _, _, form = browser.request("GET", "/admin/login/")
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1]
            body = urllib.parse.urlencode(
                {"csrfmiddlewaretoken": token, "username": username, "password": "wrong-guess"}
            )
            status, _, _ = browser.request("POST", "/admin/login/", body)
            return status
        finally:
            browser.close()

    assert [try_password() for _ in range(5)] == [200] * 5  # the form again, with its error
    assert try_password() == 429
