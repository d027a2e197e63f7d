"""The information center, court rulings and anti-corruption pages in a real browser: no
accessibility violations, filters that work without JavaScript, exports that download."""

import pytest

from e2e.harness import assert_no_axe_violations, watch_page

PAGES = [
    "/infocenter/",
    "/infocenter/category/oia-section-7/",
    "/infocenter/category/laws/?year=abc&q=พระราชบัญญัติ",
    "/infocenter/records/",
    "/court-rulings/",
    "/anti-corruption/",
]


@pytest.mark.parametrize("path", PAGES)
def test_information_pages_have_no_accessibility_violations(page, path):
    watch = watch_page(page)
    page.goto(path)
    assert_no_axe_violations(page)
    watch.assert_clean()


@pytest.mark.parametrize("path", ["/infocenter/", "/anti-corruption/"])
def test_information_pages_on_a_phone_do_not_scroll_sideways(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a 360px phone"


def test_a_visitor_finds_a_law_and_opens_its_pdf_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    page.goto("/infocenter/")
    page.get_by_role("link", name="กฎหมายที่เกี่ยวข้อง").click()
    page.fill("#id_q", "ข้อมูลข่าวสาร")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_url("**/category/laws/?*q=*")
    assert page.locator("li.record").count() == 1
    page.locator("li.record a").first.click()
    link = page.locator("table.record__files a").first
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200 and response.body().startswith(b"%PDF-")
    csv = page.request.get("/infocenter/category/laws/csv/")
    assert csv.status == 200 and csv.body().startswith("\ufeff".encode())
    context.close()


def test_a_record_page_has_no_accessibility_violations(page):
    watch = watch_page(page)
    page.goto("/infocenter/category/laws/")
    page.locator("li.record a").first.click()
    assert page.locator("table.record__files").count() == 1
    assert_no_axe_violations(page)
    watch.assert_clean()
