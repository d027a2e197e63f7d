"""A clerk imports a long Windows-874 CSV file in a browser without JavaScript: upload, preview,
then the progress page refreshes itself until the report."""

from e2e.harness import sign_in_as_staff

HEADER = "เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,วงเงิน,วันที่สัญญา"


def test_a_long_thai_excel_file_is_imported_with_a_progress_bar_and_no_javascript(
    browser, base_url, staff_member, tmp_path
):
    rows = [
        f'6612{n:07d},งานนำเข้าทดสอบที่ {n},เฉพาะเจาะจง,"{n},000.00",1/03/2566' for n in range(1, 251)
    ]
    rows.insert(5, ",,เฉพาะเจาะจง,1000,")  # line 7: no title
    csv_file = tmp_path / "monthly.csv"
    csv_file.write_bytes("\r\n".join([HEADER, *rows]).encode("cp874"))

    context = browser.new_context(base_url=base_url, java_script_enabled=False, locale="th-TH")
    page = context.new_page()
    sign_in_as_staff(page, staff_member)

    page.goto("/admin/procurement_import/")
    page.set_input_files("input[type=file]", str(csv_file))
    page.get_by_role("button", name="อัปโหลดและตรวจสอบ").click()
    assert page.get_by_text("Windows-874").count() >= 1
    assert page.get_by_text("งานนำเข้าทดสอบที่ 1", exact=True).count() == 1
    assert page.get_by_text("ไม่มีชื่องานที่จัดซื้อหรือจัดจ้าง").count() == 1

    page.get_by_role("button", name="นำเข้า 250 แถว").click()
    assert page.locator("progress").count() == 1
    page.get_by_text("นำเข้าเสร็จแล้ว").wait_for(timeout=60_000)
    assert page.locator("progress").get_attribute("value") == "251"
    report = page.locator("main").inner_text()
    assert "นำเข้าโครงการใหม่ 250 โครงการ" in report
    assert "ไม่ได้นำเข้า 1 แถว" in report
    context.close()
