"""Documents are checked by their content when they are uploaded, whatever their name says."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection

pytestmark = pytest.mark.django_db

MISMATCH_TH = "เนื้อหาของไฟล์ไม่ตรงกับชื่อไฟล์"
PDF = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_EXCEL_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"


def office_package(main_part, content_type):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            f'content-types"><Override PartName="/{main_part}" ContentType="{content_type}"/>'
            "</Types>",
        )
        package.writestr(main_part, "<xml/>")
    return buffer.getvalue()


def upload(client, name, content, title="เอกสารทดสอบ"):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", PDF),
        ("plan.docx", office_package("word/document.xml", WORD_TYPE)),
        ("budget.xlsx", office_package("xl/workbook.xml", EXCEL_TYPE)),
        ("list.csv", ("ลำดับ,ชื่อโครงการ\n" + "1,ซ่อมถนนหมู่ที่ 3\n" * 5000).encode()),
    ],
)
def test_a_real_pdf_docx_xlsx_or_thai_csv_is_accepted(admin_client, name, content):
    response = upload(admin_client, name, content, title=name)

    assert response.status_code == 302
    assert Document.objects.filter(title=name).exists()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"),
        ("plan.docx", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64),
        ("budget.xlsx", office_package("xl/workbook.xml", MACRO_EXCEL_TYPE)),
        ("plan.docx", office_package("xl/workbook.xml", EXCEL_TYPE)),
    ],
)
def test_a_file_whose_content_does_not_match_its_name_is_refused_in_thai(
    admin_client, name, content
):
    response = upload(admin_client, name, content, title="ไฟล์ปลอม")

    assert response.status_code == 200
    assert MISMATCH_TH in response.content.decode()
    assert not Document.objects.filter(title="ไฟล์ปลอม").exists()


def test_the_multiple_uploader_refuses_an_html_file_named_pdf(admin_client):
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("notice.pdf", b"<html><body>hi</body></html>")},
    )

    assert MISMATCH_TH in response.json()["error_message"]
    assert not Document.objects.filter(title="notice").exists()


def test_replacing_a_document_file_is_checked_too(admin_client):
    document = Document.objects.create(
        title="ประกาศเดิม", file=SimpleUploadedFile("notice.pdf", PDF)
    )

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": "ประกาศเดิม",
            "file": SimpleUploadedFile("notice.pdf", b"<html></html>"),
            "collection": document.collection_id,
        },
    )

    assert response.status_code == 200
    assert MISMATCH_TH in response.content.decode()
