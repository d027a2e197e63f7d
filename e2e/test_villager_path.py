"""Issue 14, "The villager finds the service": on a 360px phone with JavaScript off, the
complaint form is one tap from the home page, a complaint is filed after the error summary
pointed at what was missing, and the tracking page is one tap from every page; the pages this
touches pass axe-core (with JavaScript, as most visitors have it)."""

import re

import pytest
from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations, watch_page

PHONE = {"width": 360, "height": 740}
COMPLAINT_TILE = "แจ้งเรื่องร้องเรียน / ติดตามเรื่อง"
TRACK_LINK = "ติดตามเรื่อง"
SUBJECT = "ท่อระบายน้ำอุดตันหน้าโรงเรียน (ทดสอบเส้นทางชาวบ้าน)"


@pytest.fixture
def villager(browser, base_url):
    """A phone with JavaScript turned off."""
    context = browser.new_context(
        base_url=base_url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=False,
        locale="th-TH",
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    watched = watch_page(page, base_url)
    yield page
    watched.assert_no_bad_responses()
    context.close()


def one_tap_to_tracking(page):
    """The header's tracking link, visible on arrival (no scrolling, no menu to open)."""
    link = page.locator("header.site-header").get_by_role("link", name=TRACK_LINK, exact=True)
    expect(link).to_be_visible()
    assert link.bounding_box()["y"] < PHONE["height"]
    link.click()
    page.wait_for_url("**/cases/track/")
    # "ติดตามเรื่องของท่าน" (the code and PIN to type), or on this device, right after filing,
    # "เรื่องของท่าน <code>" (the case itself).
    assert "เรื่องของท่าน" in page.get_by_role("heading", level=1).inner_text()


def test_the_villager_files_a_complaint_and_finds_tracking_from_every_page(villager):
    page = villager
    page.goto("/")
    tiles = page.locator("nav.quick-links")
    assert tiles.get_by_role("link", name="E-Service").count() == 1
    tile = tiles.get_by_role("link", name=COMPLAINT_TILE)
    assert tile.bounding_box()["y"] < 2 * PHONE["height"]  # near the top, before the news
    tile.click()
    page.wait_for_url("**/cases/new/complaint/")

    # Sent half-filled: the summary at the top names each field in error and links to it.
    page.locator("[name=subject]").fill(SUBJECT)
    page.locator("[name=details]").fill("น้ำท่วมขังทุกครั้งที่ฝนตก เด็กเดินผ่านลำบาก")
    page.locator("[name=location_text]").fill("หน้าโรงเรียนบ้านพงษ์ หมู่ 2")
    page.locator("[name=name]").fill("ทดสอบ ชาวบ้าน")
    page.get_by_role("button", name="ส่งเรื่อง").click()
    summary = page.locator("#error-summary")
    assert summary.bounding_box()["y"] < PHONE["height"]
    assert summary.get_by_role("heading").inner_text() == "มีข้อมูลที่ต้องแก้ไข"
    hrefs = [a.get_attribute("href") for a in summary.get_by_role("link").all()]
    assert hrefs == ["#id_category", "#id_phone"]
    assert page.locator("[name=subject]").input_value() == SUBJECT  # nothing typed is lost
    summary.get_by_role("link").last.click()
    assert page.url.endswith("#id_phone")

    page.locator("[name=category]").select_option(index=1)
    page.locator("[name=phone]").fill("081 234 5678")
    page.get_by_role("button", name="ส่งเรื่อง").click()
    # The form was sent from .../#id_phone: the browser keeps that fragment through the redirect.
    page.wait_for_url(re.compile(r"/cases/receipt/(#id_phone)?$"))
    assert re.fullmatch(r"\w{4}-\w{4}", page.locator(".receipt__code").inner_text().strip())
    main = page.locator("main").inner_text()
    assert "PDF" in main and "/cases/track/" in main

    one_tap_to_tracking(page)  # from the receipt
    for path in ("/", "/news/community-plan-2565/", "/contact/", "/sitemap/"):
        page.goto(path)
        one_tap_to_tracking(page)


def test_the_contact_and_site_map_pages_link_every_online_form(villager):
    for path in ("/contact/", "/sitemap/"):
        villager.goto(path)
        services = villager.locator("section.online-services")
        hrefs = {a.get_attribute("href") for a in services.get_by_role("link").all()}
        assert {"/cases/new/complaint/", "/cases/new/eservice/", "/cases/track/"} <= hrefs
    villager.goto("/executive-line/")
    assert villager.locator("main a[href='/cases/new/executive/']").count() == 1
    sitemap = villager.request.get("/sitemap.xml").text()
    assert "/cases/new/complaint/</loc>" in sitemap


@pytest.mark.parametrize(
    "path",
    ["/", "/cases/", "/cases/new/complaint/", "/cases/new/eservice/", "/contact/", "/sitemap/"],
)
def test_the_pages_on_the_villager_path_pass_axe(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)


def test_the_error_summary_and_the_receipt_pass_axe(phone_page):
    page = phone_page
    page.goto("/cases/new/complaint/")
    page.get_by_role("button", name="ส่งเรื่อง").click()
    # The script moves the focus to the summary (autofocus, or forms.js).
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert_no_axe_violations(page)
    page.locator("[name=category]").select_option(index=1)
    page.locator("[name=subject]").fill(SUBJECT)
    page.locator("[name=details]").fill("ทดสอบใบรับเรื่อง")
    page.locator("[name=name]").fill("ทดสอบ ชาวบ้าน")
    page.locator("[name=email]").fill("villager@example.com")
    page.get_by_role("button", name="ส่งเรื่อง").click()
    page.wait_for_url("**/cases/receipt/")
    expect(page.get_by_role("button", name="พิมพ์หรือบันทึกเป็น PDF")).to_be_visible()
    assert page.get_by_role("button", name="ส่งรหัสติดตามเรื่องและรหัส PIN ไปที่อีเมลของฉัน")
    assert_no_axe_violations(page)
