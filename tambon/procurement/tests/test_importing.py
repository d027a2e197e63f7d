"""Importing the monthly list from CSV in the admin: preview, rejected rows, chunks, report."""

import datetime
import re
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tambon.core.tests.factories import default_organization as ours
from tambon.procurement import importing
from tambon.procurement.models import ImportJob, ProcurementProject

pytestmark = pytest.mark.django_db

HEADER = (
    "เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,วงเงิน,ราคากลาง,ผู้เสนอราคา,"
    "ผู้ได้รับคัดเลือก,ราคาที่ตกลง,เหตุผลที่คัดเลือก,เลขที่สัญญา,วันที่สัญญา"
)
GOOD_ROW = (
    '66017000001,จัดซื้อวัสดุนำเข้าทดสอบ,เฉพาะเจาะจง,"12,000.00",12000,'
    "ร้าน ก: 11500; ร้าน ข: 11900,ร้าน ก,11500,ราคาต่ำสุด,3/2566,14/03/2565"
)


def upload(client, text, encoding="utf-8", name="list.csv"):
    data = text.encode(encoding) if isinstance(text, str) else text
    return client.post(
        reverse("procurement_import:start"),
        {"file": SimpleUploadedFile(name, data, content_type="text/csv")},
    )


def run_to_the_end(client, job):
    """Confirm the preview, then follow the self-refreshing progress page until it stops."""
    client.post(reverse("procurement_import:preview", args=[job.pk]))
    pages = []
    for _ in range(100):
        response = client.get(reverse("procurement_import:progress", args=[job.pk]))
        assert response.status_code == 200
        pages.append(response.content.decode())
        if 'http-equiv="refresh"' not in pages[-1]:
            break
    return pages


def test_the_upload_page_documents_the_columns(admin_client):
    html = admin_client.get(reverse("procurement_import:start")).content.decode()

    for heading in ("เลขที่โครงการ", "งานที่จัดซื้อหรือจัดจ้าง", "วิธีซื้อหรือจ้าง", "วันที่สัญญา"):
        assert heading in html


def test_the_preview_shows_the_first_rows_and_every_rejected_row_with_its_line_and_reason(
    admin_client,
):
    text = "\n".join(
        [
            HEADER,
            GOOD_ROW,
            ",,เฉพาะเจาะจง,1000,,,,,,,",  # line 3: no title
            "66017000003,ซื้อโต๊ะ,ประมูลพิเศษ,1000,,,,,,,",  # line 4: unknown method
            "66017000004,ซื้อเก้าอี้,คัดเลือก,หนึ่งพัน,,,,,,,",  # line 5: bad number
            "66017000005,ซื้อตู้,e-market,1000,,,,,,,31/02/2565",  # line 6: no such date
        ]
    )

    response = upload(admin_client, text)

    assert response.status_code == 302
    html = admin_client.get(response["Location"]).content.decode()
    preview, _, left_out = html.partition('id="rejected-heading"')
    assert "จัดซื้อวัสดุนำเข้าทดสอบ" in preview
    rejected = dict(re.findall(r'<th scope="row">(\d+)</th><td>([^<]*)</td>', left_out))
    assert "ไม่มีชื่องานที่จัดซื้อหรือจัดจ้าง" in rejected["3"]
    assert "ไม่รู้จักวิธีซื้อหรือจ้าง “ประมูลพิเศษ”" in rejected["4"]
    assert "“หนึ่งพัน” ไม่ใช่จำนวนเงินที่ถูกต้อง" in rejected["5"]
    assert "“31/02/2565” ไม่ใช่วันที่" in rejected["6"]
    assert "2" not in rejected
    assert (
        not ProcurementProject.objects.for_organization(ours())
        .filter(egp_number__startswith="66017")
        .exists()
    )


def test_importing_keeps_the_good_rows_and_reports_the_rejected_ones(admin_client):
    text = "\n".join([HEADER, GOOD_ROW, ",,เฉพาะเจาะจง,1000,,,,,,,"])
    upload(admin_client, text)
    job = ImportJob.objects.for_organization(ours()).latest("created_at")

    pages = run_to_the_end(admin_client, job)

    project = ProcurementProject.objects.for_organization(ours()).get(egp_number="66017000001")
    assert project.title == "จัดซื้อวัสดุนำเข้าทดสอบ"
    assert project.method == "specific"
    assert project.budget == Decimal("12000.00")
    assert project.agreed_price == Decimal("11500")
    assert project.contract_date == datetime.date(2022, 3, 14)  # 14/03/2565 is Buddhist Era
    assert project.fiscal_year == 2565
    assert [(bid.bidder, bid.price) for bid in project.bids.order_by("sort_order")] == [
        ("ร้าน ก", Decimal("11500")),
        ("ร้าน ข", Decimal("11900")),
    ]
    job.refresh_from_db()
    assert (job.imported, job.updated) == (1, 0)
    assert job.rejected == [{"line": 3, "reason": "ไม่มีชื่องานที่จัดซื้อหรือจัดจ้าง"}]
    assert "นำเข้าเสร็จแล้ว" in pages[-1]


def test_the_same_egp_number_updates_the_project_instead_of_adding_one(admin_client):
    upload(admin_client, "\n".join([HEADER, GOOD_ROW]))
    run_to_the_end(admin_client, ImportJob.objects.for_organization(ours()).latest("created_at"))

    changed = GOOD_ROW.replace("จัดซื้อวัสดุนำเข้าทดสอบ", "ชื่อที่แก้แล้ว").replace(
        "ร้าน ก: 11500; ร้าน ข: 11900", "ร้าน ค: 11000"
    )
    upload(admin_client, "\n".join([HEADER, changed]))
    job = ImportJob.objects.for_organization(ours()).latest("created_at")
    run_to_the_end(admin_client, job)

    project = ProcurementProject.objects.for_organization(ours()).get(egp_number="66017000001")
    assert project.title == "ชื่อที่แก้แล้ว"
    assert [bid.bidder for bid in project.bids.all()] == ["ร้าน ค"]
    job.refresh_from_db()
    assert (job.imported, job.updated) == (0, 1)


def test_a_windows_874_file_from_thai_excel_is_read(admin_client):
    response = upload(admin_client, "\r\n".join([HEADER, GOOD_ROW]), encoding="cp874")

    html = admin_client.get(response["Location"]).content.decode()
    assert "Windows-874" in html
    assert "จัดซื้อวัสดุนำเข้าทดสอบ" in html


def test_utf8_with_bom_and_iso_dates_are_read():
    row = GOOD_ROW.replace("14/03/2565", "2022-03-15")
    parsed = importing.parse_file(("\ufeff" + HEADER + "\n" + row).encode("utf-8"))

    assert parsed.encoding == "UTF-8"
    (good,) = parsed.good_rows
    assert good.values["contract_date"] == datetime.date(2022, 3, 15)


def test_a_long_file_is_imported_in_chunks_with_a_progress_bar(admin_client, monkeypatch):
    monkeypatch.setattr(importing.saving, "CHUNK_SIZE", 4)
    rows = [f"6602800{n:04d},งานทดสอบที่ {n},เฉพาะเจาะจง,{n}00,,,,,,," for n in range(1, 11)]
    upload(admin_client, "\n".join([HEADER, *rows]))
    job = ImportJob.objects.for_organization(ours()).latest("created_at")

    pages = run_to_the_end(admin_client, job)

    bars = [re.search(r'<progress[^>]*value="(\d+)"', page)[1] for page in pages]
    assert bars == ["4", "8", "10"]
    assert 'max="10"' in pages[0]
    assert 'http-equiv="refresh"' in pages[0] and 'http-equiv="refresh"' not in pages[-1]
    assert (
        ProcurementProject.objects.for_organization(ours())
        .filter(egp_number__startswith="66028")
        .count()
        == 10
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "ไฟล์ว่างเปล่า"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "ไม่ใช่ไฟล์ข้อความ CSV"),
        (bytes(range(256)) * 4, "ไม่ใช่ไฟล์ข้อความ CSV"),
        ("ชื่อ,ราคา\nก,1\n".encode(), "แถวแรกต้องเป็นชื่อคอลัมน์"),
    ],
)
def test_an_empty_binary_or_headerless_file_is_refused_with_a_thai_message(
    admin_client, content, message
):
    response = upload(admin_client, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.for_organization(ours()).exists()


def test_the_uploaded_file_is_kept_in_the_database_not_in_media(admin_client):
    before = set(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else set()

    upload(admin_client, "\n".join([HEADER, GOOD_ROW]), name="secret-list.csv")

    after = set(settings.MEDIA_ROOT.rglob("*")) if settings.MEDIA_ROOT.exists() else set()
    assert not [path for path in after - before if "secret-list" in path.name]
    job = ImportJob.objects.for_organization(ours()).get()
    assert bytes(job.content).decode() == "\n".join([HEADER, GOOD_ROW])


def test_people_without_procurement_permission_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("clerk", password="x")  # noqa: S106
    client.force_login(user)

    response = client.get(reverse("procurement_import:start"))

    assert response.status_code in (302, 403)


def test_an_unknown_import_is_not_found(admin_client):
    for name in ("preview", "progress"):
        for pk in (999999, 10**30):
            url = reverse(f"procurement_import:{name}", args=[pk])
            assert admin_client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    ("written", "method"),
    [
        ("วิธีเฉพาะเจาะจง", "specific"),
        ("ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)", "e_bidding"),
        ("E-Bidding", "e_bidding"),
        ("e-market", "e_market"),
        ("วิธีคัดเลือก", "selection"),
    ],
)
def test_methods_are_read_as_staff_write_them(written, method):
    assert importing.parse_method(written) == method


@pytest.mark.parametrize(
    ("written", "amount"),
    [("๑๒,๐๐๐.๕๐", "12000.50"), ("2,500,000 บาท", "2500000.00"), ("0", "0.00")],
)
def test_amounts_may_have_separators_thai_digits_and_the_word_baht(written, amount):
    assert importing.parse_money(written) == Decimal(amount)


@pytest.mark.parametrize("written", ["-5", "1e400", "NaN", "12.000,50"])
def test_negative_or_strange_amounts_are_refused(written):
    with pytest.raises(ValueError):
        importing.parse_money(written)
