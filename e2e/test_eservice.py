"""A citizen requests a garbage bin on a phone: the e-service pages pass axe-core and fit a
360px screen, a missing document is asked for by name with the answers kept, and the answers
reach the tracking page; staff use the queue's bulk action and the information register."""

import io

import pytest
from PIL import Image

from e2e.harness import assert_no_axe_violations, sign_in_as_staff
from e2e.test_cases import no_sideways_scrolling

SUBJECT = "ขอถังขยะสำหรับร้านค้า (ทดสอบ)"


def house_registration_scan():
    out = io.BytesIO()
    Image.new("RGB", (300, 400), (240, 240, 240)).save(out, "PNG")
    return {"name": "house.png", "mimeType": "image/png", "buffer": out.getvalue()}


@pytest.mark.parametrize("path", ["/cases/new/eservice/", "/cases/new/eservice/elderly-allowance/"])
def test_eservice_pages_on_a_phone_pass_axe_and_fit_the_screen(phone_page, path):
    phone_page.goto(path)
    assert_no_axe_violations(phone_page)
    assert no_sideways_scrolling(phone_page)


def test_a_garbage_bin_request_asks_for_its_document_and_keeps_the_answers(phone_page):
    citizen = phone_page
    citizen.goto("/cases/new/eservice/")
    citizen.get_by_role("link", name="ขอถังขยะ").click()
    citizen.locator("[name=subject]").fill(SUBJECT)
    citizen.locator("[name=details]").fill("ร้านค้าริมถนนสายหลัก ขยะเยอะช่วงตลาดนัด")
    citizen.get_by_label("จำนวนถังที่ต้องการ").fill("3")
    citizen.locator("[name=name]").fill("ทดสอบ ระบบ")
    citizen.locator("[name=phone]").fill("081 234 5678")
    citizen.get_by_role("button", name="ส่งเรื่อง").click()

    main = citizen.locator("main").inner_text()
    assert "กรุณาแนบ “สำเนาทะเบียนบ้าน”" in main
    assert citizen.get_by_label("จำนวนถังที่ต้องการ").input_value() == "3"
    assert citizen.locator("[name=subject]").input_value() == SUBJECT
    assert_no_axe_violations(citizen)

    citizen.get_by_label("สำเนาทะเบียนบ้าน").set_input_files(house_registration_scan())
    citizen.get_by_role("button", name="ส่งเรื่อง").click()
    citizen.wait_for_url("**/cases/receipt/")
    citizen.goto("/cases/track/")
    main = citizen.locator("main").inner_text()
    assert "ขอถังขยะ" in main and "จำนวนถังที่ต้องการ" in main
    assert "house.png" in main and "สำเนาทะเบียนบ้าน" in main
    assert_no_axe_violations(citizen)


def test_staff_acknowledge_ticked_cases_and_open_the_register_without_javascript(
    browser, base_url, staff_member
):
    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    sign_in_as_staff(page, staff_member)
    page.goto("/admin/cases/?state=submitted")
    boxes = page.locator("input[name=case]")
    assert boxes.count() >= 1
    boxes.first.check()
    page.get_by_role("button", name="ตอบรับเรื่อง").first.click()
    assert "ทำแล้ว 1 เรื่อง ไม่สำเร็จ 0 เรื่อง" in page.locator("body").inner_text()
    page.goto("/admin/cases/information-register/")
    assert page.get_by_role("table").count() == 1
    assert page.get_by_role("link", name="ดาวน์โหลด Excel").count() == 1
    context.close()
