"""Procurement in a real browser: the listing, a project, form สขร.1 and the annual report pass
axe-core, the filters work without JavaScript, and form สขร.1 prints on A4 landscape."""

import re

import pytest
from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations, watch_page

BASE = "/procurement/"


def first_link(page, pattern):
    return page.locator(f"a[href*='{pattern}']").first.get_attribute("href")


@pytest.fixture
def summary_path(page):
    """The สขร.1 page of the demo's e-bidding month, reached the way a visitor would."""
    page.goto(BASE)
    page.locator("a", has_text="ก่อสร้างถนนคอนกรีตเสริมเหล็ก").first.click()
    page.get_by_role("link", name=re.compile("สขร.1")).click()
    return page.url


def test_the_procurement_pages_have_no_accessibility_violations(page, summary_path):
    watch = watch_page(page)
    page.goto(BASE)
    paths = [BASE, first_link(page, "/project/"), first_link(page, "/summary/"), summary_path]
    paths.append(first_link(page, "/report/"))
    paths.append(first_link(page, "/plan/"))
    for path in paths:
        page.goto(path)
        assert_no_axe_violations(page)
    watch.assert_clean()


def test_announcements_filter_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    page.goto(BASE)
    page.select_option("#id_kind", "median_price")
    page.get_by_role("button", name="แสดง").click()
    page.wait_for_url("**kind=median_price*")
    rows = page.locator("#announcements-heading ~ .table-wrap tbody tr")
    assert rows.count() >= 1
    assert all("ราคากลาง" in text for text in rows.all_inner_texts())
    context.close()


def test_form_sorkhorror_1_prints_on_a4_landscape_without_the_site_header(page, summary_path):
    page.goto(summary_path)
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_text("แบบ สขร.1").first).to_be_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    # Every page A4 landscape: 842 x 595 points.
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert boxes
    assert all(round(float(w)) == 842 and round(float(h)) == 595 for w, h in boxes), boxes


def test_procurement_pages_on_a_phone_do_not_scroll_sideways(phone_page, summary_path):
    for path in (BASE, summary_path):
        phone_page.goto(path)
        assert_no_axe_violations(phone_page)
        overflow = phone_page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a 360px phone"
