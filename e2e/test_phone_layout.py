"""Phone layouts at 360 px: a compact header whose menu folds behind a button (also without
JavaScript), no page that scrolls sideways, the statistics page folded short, wide tables in a
scroll box a keyboard reaches, and Thai news text that never breaks inside a word."""

import re

import pytest
from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations, watch_page
from e2e.test_case_pages import previous_year_path
from e2e.test_public_site import SEED_NEWS_TITLE
from tambon.thai.search_text import dictionary_words

PHONE = {"width": 360, "height": 740}
# One sixth of a 740 px screen: the content starts in the top sixth of the first screen.
HEADER_MOST = 120
# The statistics page of the demo's previous fiscal year measured 21,257 px tall at 360 px
# before its sections folded (tables one word a line); a third of that is the bound.
STATISTICS_HEIGHT_BEFORE = 21_257
SEED_POST = "/news/community-plan-2565/"


def page_width(page):
    return page.evaluate("document.scrollingElement.scrollWidth")


def header_height(page):
    return page.locator("header.site-header").bounding_box()["height"]


def menu_button(page):
    return page.locator("header.site-header summary", has_text="เมนู")


@pytest.fixture
def phone_without_javascript(browser, base_url):
    context = browser.new_context(
        base_url=base_url, viewport=PHONE, java_script_enabled=False, locale="th-TH"
    )
    yield context.new_page()
    context.close()


def test_the_header_is_compact_and_its_menu_opens_without_javascript(phone_without_javascript):
    page = phone_without_javascript
    page.goto("/")
    assert header_height(page) < HEADER_MOST
    menu = page.get_by_role("navigation", name="เมนูหลัก")
    expect(menu).to_be_hidden()
    expect(page.locator("#site-search-q")).to_be_hidden()
    menu_button(page).click()
    expect(menu.get_by_role("link", name="ข่าวสาร", exact=True)).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()
    menu.get_by_role("link", name="ข่าวสาร", exact=True).click()
    page.wait_for_url("**/news/")
    expect(page.get_by_role("navigation", name="เมนูหลัก")).to_be_hidden()


def test_a_keyboard_opens_the_menu_and_reaches_its_links(phone_page):
    phone_page.goto("/")
    button = menu_button(phone_page)
    for _ in range(5):
        phone_page.keyboard.press("Tab")
        if button.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the menu button")
    details = phone_page.locator("header details.menu-button")
    assert details.get_attribute("open") is None
    phone_page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    # The search box, its button, the tracking link, then the menu.
    for _ in range(4):
        phone_page.keyboard.press("Tab")
    focused = phone_page.evaluate(
        "document.activeElement.closest('nav')?.getAttribute('aria-label')"
    )
    assert focused == "เมนูหลัก"
    assert_no_axe_violations(phone_page)


def test_the_menu_is_not_folded_on_a_desktop(page):
    page.goto("/")
    expect(menu_button(page)).to_be_hidden()
    expect(page.get_by_role("navigation", name="เมนูหลัก")).to_be_visible()
    expect(page.locator("#site-search-q")).to_be_visible()


def phone_paths(page):
    paths = ["/", "/news/", SEED_POST, previous_year_path(page), "/procurement/"]
    page.goto("/procurement/")
    for part in ("/summary/", "/report/"):
        paths.append(page.locator(f"a[href*='{part}']").first.get_attribute("href"))
    page.locator("a", has_text="ก่อสร้างถนนคอนกรีตเสริมเหล็ก").first.click()
    page.get_by_role("link", name=re.compile("สขร.1")).click()
    paths.append(page.url)  # form สขร.1 of one month, the widest table
    return paths


def test_no_page_scrolls_sideways_on_a_phone_and_each_passes_axe(phone_page):
    watch = watch_page(phone_page)
    for path in phone_paths(phone_page):
        phone_page.goto(path)
        assert page_width(phone_page) <= PHONE["width"], f"{path} is wider than the phone"
        assert header_height(phone_page) < HEADER_MOST, path
        assert_no_axe_violations(phone_page)
    watch.assert_clean()


def test_the_statistics_page_is_folded_short_and_each_fold_opens(phone_page):
    phone_page.goto(previous_year_path(phone_page))
    folded = phone_page.evaluate("document.scrollingElement.scrollHeight")
    assert folded < STATISTICS_HEIGHT_BEFORE / 3, folded
    complaints = phone_page.locator("#kind-complaint")
    table = complaints.locator("table").first
    expect(table).to_be_hidden()
    complaints.locator("summary").click()
    expect(table).to_be_visible()
    expect(complaints.locator("svg[role=img]")).to_be_visible()
    for button in phone_page.locator("summary.phone-fold__button").all():
        if not button.evaluate("element => element.parentElement.open"):
            button.click()
    unfolded = phone_page.evaluate("document.scrollingElement.scrollHeight")
    # Everything open, the tables keep readable columns (they scroll in their box instead of
    # wrapping one word a line), so the page is still much shorter than it was.
    assert folded < unfolded < STATISTICS_HEIGHT_BEFORE * 0.75, (folded, unfolded)
    line = table.evaluate("element => parseFloat(getComputedStyle(element).lineHeight)")
    month_heights = [th.bounding_box()["height"] for th in table.locator("tbody th").all()]
    assert len(month_heights) == 12
    assert max(month_heights) < 2 * line + 16, (line, month_heights)  # "ตุลาคม 2568" on one line
    assert page_width(phone_page) <= PHONE["width"]
    assert_no_axe_violations(phone_page)


def test_a_wide_table_scrolls_in_its_box_which_the_keyboard_reaches(phone_page):
    path = phone_paths(phone_page)[-1]
    phone_page.goto(path)
    box = phone_page.locator(".table-wrap", has=phone_page.locator("table")).first
    assert box.get_attribute("role") == "region" and box.get_attribute("aria-labelledby")
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")
    for _ in range(40):
        phone_page.keyboard.press("Tab")
        if box.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the table's scroll box")
    phone_page.keyboard.press("ArrowRight")
    phone_page.wait_for_function(
        "element => element.scrollLeft > 0", arg=box.element_handle(), timeout=3000
    )
    assert page_width(phone_page) <= PHONE["width"]


CHARACTER_LINES = """(word) => {
  const heading = document.querySelector('main h1');
  const start = heading.textContent.indexOf(word);
  const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
  const lines = new Set();
  let position = 0;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    for (let i = 0; i < node.length; i++, position++) {
      if (position < start || position >= start + word.length) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      lines.add(Math.round(range.getBoundingClientRect().top));
    }
  }
  return lines.size;
}"""


def test_the_seed_post_reads_in_paragraphs_and_its_title_breaks_between_words(phone_page):
    phone_page.goto(SEED_POST)
    heading = phone_page.locator("main h1")
    assert heading.inner_text().startswith(SEED_NEWS_TITLE)
    assert heading.bounding_box()["height"] > 100  # the title does wrap on a phone
    # "บูรณาการ" drawn on one line (Chromium's own dictionary used to break it "บูรณ / าการ").
    assert phone_page.evaluate(CHARACTER_LINES, "บูรณาการ") == 1
    words = {word for word in dictionary_words() if len(word) > 1}
    pieces = re.sub(r"<(?!wbr>)[^>]+>", "", heading.inner_html()).split("<wbr>")
    assert len(pieces) > 10
    for before, after in zip(pieces, pieces[1:], strict=False):
        assert any(before.endswith(word) for word in words), before
        assert any(after.startswith(word) for word in words), after
    texts = [text for text in phone_page.locator("article p").all_inner_texts() if len(text) > 50]
    assert len(texts) >= 6, texts
    assert max(len(text) for text in texts) < 1_000
    assert page_width(phone_page) <= PHONE["width"]
