"""The demo site in a real browser: everything on the seed homepage is there and works,
the key pages pass axe-core (WCAG 2.1 A and AA), and the home page stays small."""

from urllib.parse import urlsplit

import pytest

from e2e.harness import assert_no_axe_violations, watch_page

SERVICE_TILES = ["แจ้งเรื่องร้องเรียน / ติดตามเรื่อง", "E-Service", "การมีส่วนร่วมจัดทำแผนพัฒนา"]
SEED_QUICK_LINKS = [
    "แจ้งเรื่องร้องเรียนสายผู้บริหาร",
    "ภารกิจผู้บริหาร",
    "ปลัด",
    "ปปช",
    "ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์",
    "คำพิพากษาของศาลปกครอง",
    "ปราบปรามทุจริต",
    "facebook",
    "ศูนย์ดำรงธรรม",
]
COUNTER_LABELS = [
    "วันนี้",
    "เมื่อวานนี้",
    "เดือนนี้",
    "เดือนที่แล้ว",
    "ปีนี้",
    "ปีที่แล้ว",
    "ทั้งหมด",
    "ไอพี ของคุณ",
]
SEED_NEWS_TITLE = "โครงการจัดทำแผนชุมชน (กิจกรรมสนับสนุนการจัดประชุมประชาคม"
KEY_PAGES = ["/", "/news/community-plan-2565/", "/people/", "/contact/"]
MORE_PAGES = ["/news/", "/people/org-chart/", "/people/chief-administrator/", "/sitemap/"]
HOME_PAGE_BUDGET = 150 * 1024  # bytes transferred, content images left out


def quick_links(page):
    return [
        (link.inner_text().split("\n")[0].strip(), link.get_attribute("href"))
        for link in page.locator("nav.quick-links a").all()
    ]


def test_home_page_shows_every_element_of_the_seed(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == ("ยินดีต้อนรับเข้าสู่องค์การบริหารส่วนตำบลพงษ์ จังหวัดน่าน")
    # The citizen services come first (issue 14), then the seed's own links in its order.
    assert [label for label, _ in quick_links(page)] == SERVICE_TILES + SEED_QUICK_LINKS
    counter = page.locator("section.counter")
    assert "สถิติการเข้าชม" in counter.inner_text()
    assert "5/03/2563" in counter.inner_text()
    assert counter.locator("dt").all_inner_texts() == COUNTER_LABELS
    figures = counter.locator("dd").all_inner_texts()
    assert all(f.replace(",", "").isdigit() for f in figures[:7]), figures
    assert figures[-1] == "127.0.0.1"  # the visitor's own address
    news = page.locator(".card", has_text=SEED_NEWS_TITLE)
    assert news.locator("time").inner_text() == "14 มีนาคม 2565"


def test_every_quick_link_leads_somewhere(page, base_url):
    page.goto("/")
    links = quick_links(page)
    host = urlsplit(base_url).netloc
    for label, href in links:
        target = urlsplit(href)
        if target.netloc and target.netloc != host:
            # The test machine reaches only loopback: an outside link must at least be https.
            assert target.scheme == "https", f"{label}: {href}"
            continue
        response = page.goto(href)
        assert response.status == 200, f"{label} -> {href} answered {response.status}"
        assert page.locator("main h1").count() == 1, f"{label} -> {href} has no heading"


def test_seed_news_post_reads_like_the_original(page):
    page.goto("/")
    page.get_by_role("link", name=SEED_NEWS_TITLE).first.click()
    assert page.locator(".news__date").inner_text() == "14 มีนาคม 2565"
    body = page.locator("article").inner_text()
    assert "วันจันทร์ ที่ 14 เดือนมีนาคม พ.ศ.2565" in body
    page.get_by_role("link", name="#ขอขอบคุณท่านผู้นำชุมชน").click()
    assert page.locator("h1").inner_text() == "ข่าวที่มีแท็ก #ขอขอบคุณท่านผู้นำชุมชน"
    assert page.get_by_role("link", name=SEED_NEWS_TITLE).count() == 1


@pytest.mark.parametrize("path", KEY_PAGES + MORE_PAGES)
def test_page_has_no_accessibility_violations(page, path):
    watch = watch_page(page)
    page.goto(path)
    assert_no_axe_violations(page)
    watch.assert_clean()


@pytest.mark.parametrize("path", KEY_PAGES)
def test_page_on_a_phone_has_no_violations_and_no_sideways_scrolling(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{path} scrolls sideways by {overflow}px on a 360px phone"


def test_keyboard_user_reaches_the_skip_link_first_and_lands_on_the_content(page):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "ข้ามไปยังเนื้อหาหลัก"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_search_works_without_javascript(browser, base_url):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    page.goto("/")
    page.fill("#site-search-q", "แผนชุมชน")
    page.press("#site-search-q", "Enter")
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("link", name=SEED_NEWS_TITLE).count() == 1
    context.close()


def test_home_page_without_content_images_is_under_150_kb(page):
    page.goto("/", wait_until="networkidle")
    entries = page.evaluate(
        """() => [...performance.getEntriesByType('navigation'),
                  ...performance.getEntriesByType('resource')]
                 .map(e => ({name: e.name, size: e.transferSize}))"""
    )
    counted = [e for e in entries if "/media/" not in e["name"]]
    total = sum(e["size"] for e in counted)
    detail = ", ".join(f"{urlsplit(e['name']).path}={e['size']}" for e in counted)
    assert 0 < total < HOME_PAGE_BUDGET, f"{total} bytes: {detail}"
