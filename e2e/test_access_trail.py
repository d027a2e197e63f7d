"""The access trail on a phone: an administrator is shown a reporter, then reads the trail in
the admin; the page passes axe-core and does not scroll sideways on a 360px screen (the table
scrolls in its own box)."""

from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations, sign_in_as_staff

from .test_cases import no_sideways_scrolling


def test_the_administrator_reads_the_access_trail_on_a_phone(phone_page, staff_member):
    sign_in_as_staff(phone_page, staff_member)
    phone_page.goto("/admin/cases/")
    phone_page.locator("table.listing tbody a").first.click()
    phone_page.get_by_role("link", name="แสดงข้อมูลผู้ร้อง").click()
    phone_page.wait_for_url("**?reporter=1")

    phone_page.goto("/admin/cases/access-trail/")
    expect(phone_page.get_by_role("heading", name="การเข้าถึงข้อมูลส่วนบุคคล")).to_be_visible()
    first_row = phone_page.locator("table.listing tbody tr").first
    assert "เปิดดูข้อมูลผู้ร้อง" in first_row.inner_text()
    assert staff_member[0] in first_row.inner_text()
    assert_no_axe_violations(phone_page)
    assert no_sideways_scrolling(phone_page)
