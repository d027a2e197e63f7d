"""The statistics and Q&A pages in a real browser: they pass axe-core, the charts are drawn
and followed by their tables, a phone does not scroll sideways, and the Q&A search works
without JavaScript."""

import re

from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations, watch_page

STATISTICS = "/case-statistics/"
QUESTIONS = "/questions/"


def previous_year_path(page):
    page.goto(STATISTICS)
    year = int(re.search(r"\d{4}", page.locator("h1").inner_text()).group())
    return f"{STATISTICS}{year - 1}/"


def test_the_statistics_and_q_and_a_pages_have_no_accessibility_violations(page):
    watch = watch_page(page)
    paths = [STATISTICS, previous_year_path(page), QUESTIONS]
    page.goto(QUESTIONS)
    paths.append(page.locator(".qa-list h2 a").first.get_attribute("href"))
    for path in paths:
        page.goto(path)
        assert page.locator("main h1").count() == 1, path
        assert_no_axe_violations(page)
    watch.assert_clean()


def test_the_previous_year_shows_charts_with_their_tables(page):
    page.goto(previous_year_path(page))
    complaints = page.locator("#kind-complaint")
    expect(complaints.locator("svg[role=img]")).to_be_visible()
    assert complaints.locator("table").first.locator("tbody tr").count() == 12
    expect(page.locator("#satisfaction svg[role=img]")).to_be_visible()


def test_a_phone_does_not_scroll_sideways_on_the_statistics_page(phone_page):
    phone_page.goto(previous_year_path(phone_page))
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= phone_page.viewport_size["width"]


def test_the_q_and_a_search_works_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    page.goto(QUESTIONS)
    page.get_by_label("ค้นหาคำถามและคำตอบ").fill("เบี้ยยังชีพ")
    page.locator("main").get_by_role("button", name="ค้นหา").click()
    page.wait_for_url("**q=*")
    items = page.locator(".qa-list li")
    assert items.count() == 1
    assert "เบี้ยยังชีพ" in items.first.inner_text()
    context.close()
