"""A resident's phone at 360 px: without JavaScript, the demo cycle's ranking (a table per
village and for the area), a proposal's page, and the support form refusing a bad number in
Thai while keeping it; the same pages, opened with JavaScript for axe and the width check, do
not scroll sideways and pass axe."""

import pytest
from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def phone_without_javascript(browser, base_url):
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, java_script_enabled=False, locale="th-TH"
    )
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def check_on_phone(phone_page, path):
    phone_page.goto(path)
    width = phone_page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is wider than the phone"
    assert_no_axe_violations(phone_page)


def test_ranking_proposal_and_support_form_on_a_phone_without_javascript(
    phone_without_javascript, phone_page
):
    page = phone_without_javascript
    page.goto("/participation/")
    page.locator("main a[href^='/participation/']").first.click()
    page.get_by_role("link", name="ดูลำดับความสำคัญของข้อเสนอทั้งหมด").first.click()
    # expect() waits for the page the click opened (a loaded machine may be slow).
    expect(page.get_by_role("heading", name="ลำดับความสำคัญของข้อเสนอ", level=1)).to_be_visible()
    assert page.locator("table caption").count() >= 2  # a village and the whole area
    assert page.get_by_text("คะแนนจากเวทีประชาคมหมู่บ้านรวมกับจำนวนผู้สนับสนุนออนไลน์").count()
    check_on_phone(phone_page, page.url)

    page.locator("table th[scope='row'] a").first.click()
    expect(page.get_by_role("heading", name="ผลการพิจารณาของคณะกรรมการ")).to_be_visible()
    check_on_phone(phone_page, page.url)

    page.get_by_role("link", name="สนับสนุนข้อเสนอนี้").click()
    page.get_by_label("หมายเลขโทรศัพท์มือถือของท่าน").fill("02-123-456")
    page.get_by_role("button", name="ส่งรหัสให้ฉัน").click()
    expect(page.get_by_text("โปรดพิมพ์หมายเลขโทรศัพท์มือถือ 10 หลัก")).to_be_visible()
    assert page.get_by_label("หมายเลขโทรศัพท์มือถือของท่าน").input_value() == "02-123-456"
    assert "02-123-456" not in page.url
    check_on_phone(phone_page, page.url)
