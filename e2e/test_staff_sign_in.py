"""Staff sign-in in a real browser with JavaScript on, as clerks use it: password, then the code
from the phone, then the admin."""

from e2e.harness import sign_in_as_staff


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
    page.goto("/admin/login/")
    page.fill("#id_username", staff_member[0])
    page.fill("#id_password", staff_member[1])
    page.press("#id_password", "Enter")
    page.wait_for_url("**/admin/two-factor/verify/**")

    page.goto("/admin/pages/")

    assert "/admin/two-factor/verify/" in page.url
    assert page.locator("h1").inner_text() == "รหัสยืนยันตัวตน"
    context.close()
