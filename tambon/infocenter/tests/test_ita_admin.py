"""The ITA screens of the admin: dashboard, linking suggestions, export, adding a year."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tambon.core.tests.factories import default_organization
from tambon.infocenter.ita.loading import copy_year
from tambon.infocenter.models import ItaItem, ItaYear
from tambon.infocenter.tests.factories import ItaYearPageFactory

pytestmark = pytest.mark.django_db

CSV_HEADER = "indicator_code,indicator_title,code,title,topic,needs_current_year\n"


@pytest.fixture
def fy2569(fy2568):
    """FY 2568's real list copied as FY 2569, without its evidence."""
    return copy_year(default_organization(), 2568, 2569)


def rows_of(html, code):
    return html.split(f'<tr id="ita-{code}"')[1].split("</tr>")[0]


def test_dashboard_shows_each_item_with_status_and_what_is_still_to_publish(admin_client, fy2568):
    html = admin_client.get(reverse("ita_coverage") + "?year=2568").content.decode()

    assert 'data-status="covered"' in rows_of(html, "o2")
    assert "/people/mayor/" in rows_of(html, "o2")
    assert 'data-status="missing"' in rows_of(html, "o6")
    to_do = html.split('id="ita-to-do"')[1].split("</section>")[0]
    assert "O6 " in to_do and "O2 " not in to_do
    assert "จาก 26 ข้อ" in html


def test_dashboard_offers_suggestions_and_links_one(admin_client, fy2569):
    url = reverse("ita_coverage") + "?year=2569"
    html = admin_client.get(url).content.decode()
    assert 'value="/contact/"' in rows_of(html, "o3")

    item = ItaItem.objects.all_organizations().of_year(2569).get(code="O3")
    response = admin_client.post(
        reverse("ita_link_suggestion"), {"item": item.pk, "url": "/contact/"}
    )

    assert response.status_code == 302
    assert item.evidence.get().page.slug == "contact"
    html = admin_client.get(url).content.decode()
    assert 'data-status="covered"' in rows_of(html, "o3")


def test_a_stale_suggestion_links_nothing_and_says_so(admin_client, fy2569):
    item = ItaItem.objects.all_organizations().of_year(2569).get(code="O3")

    response = admin_client.post(
        reverse("ita_link_suggestion"), {"item": item.pk, "url": "/nowhere/"}, follow=True
    )

    assert not item.evidence.exists()
    assert "ไม่ได้เชื่อมโยง" in response.content.decode()


def test_the_public_ita_page_shows_a_linked_suggestion(admin_client, client, fy2569, home):
    page = ItaYearPageFactory(parent=home, year=fy2569)
    assert "/contact/" not in rows_of(client.get(page.url).content.decode(), "o3")

    admin_client.post(reverse("ita_link_suggestion"), {"year": fy2569.pk})

    assert 'href="/contact/"' in rows_of(client.get(page.url).content.decode(), "o3")


def test_export_lists_every_item_with_full_urls_in_csv_and_xlsx(admin_client, site, fy2568):
    response = admin_client.get(reverse("ita_export", args=[2568, "csv"]))

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    codes = {row[1] for row in rows[1:]}
    assert codes == {f"O{n}" for n in range(1, 27)}
    executives = {row[3] for row in rows if row[1] == "O2"}
    assert site.root_url + "/people/mayor/" in executives
    o6 = next(row for row in rows if row[1] == "O6")
    assert o6[3] == "" and o6[5] == "ยังไม่เผยแพร่"

    workbook = load_workbook(
        io.BytesIO(admin_client.get(reverse("ita_export", args=[2568, "xlsx"])).content)
    )
    sheet = workbook.active
    assert [cell.value for cell in sheet[1]][:3] == ["ตัวชี้วัด", "ข้อ", "ชื่อข้อ"]
    assert sheet.max_row == len(rows)


def test_copying_a_year_in_the_admin_keeps_the_older_year(admin_client, fy2568):
    evidence_before = (
        ItaItem.objects.all_organizations().of_year(2568).get(code="O2").evidence.count()
    )
    assert evidence_before == 3  # the mayor and the two deputies

    response = admin_client.post(
        reverse("ita_add_year"), {"action": "copy", "source": "2568", "fiscal_year": "2570"}
    )

    assert response.status_code == 302
    assert ItaItem.objects.all_organizations().of_year(2570).count() == 26
    assert (
        ItaItem.objects.all_organizations().of_year(2568).get(code="O2").evidence.count()
        == evidence_before
    )


def test_uploading_a_list_creates_the_year(admin_client, site):
    upload = SimpleUploadedFile(
        "ita.csv",
        (
            CSV_HEADER
            + "1,ข้อมูลพื้นฐาน,O1,โครงสร้าง,structure,no\n1,ข้อมูลพื้นฐาน,O2,ผู้บริหาร,executives,no\n"
        ).encode(),
    )

    response = admin_client.post(
        reverse("ita_add_year"), {"action": "import", "fiscal_year": "2571", "file": upload}
    )

    assert response.status_code == 302
    assert ItaItem.objects.all_organizations().of_year(2571).get(code="O2").topic == "executives"


def test_a_bad_upload_loads_nothing_and_names_the_row_in_thai(admin_client, site):
    upload = SimpleUploadedFile(
        "ita.csv", (CSV_HEADER + "1,ข้อมูลพื้นฐาน,X9,โครงสร้าง,structure,no\n").encode()
    )

    response = admin_client.post(
        reverse("ita_add_year"), {"action": "import", "fiscal_year": "2571", "file": upload}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "แถวที่ 2" in html and "X9" in html
    assert (
        not ItaYear.objects.all_organizations()
        .filter(fiscal_year=2571, items__isnull=False)
        .exists()
    )


def test_a_binary_upload_is_refused_in_thai_without_an_error_page(admin_client, site):
    upload = SimpleUploadedFile("ita.csv", bytes(range(256)) * 10)

    response = admin_client.post(
        reverse("ita_add_year"), {"action": "import", "fiscal_year": "2571", "file": upload}
    )

    assert response.status_code == 200
    assert "อ่านไฟล์ไม่ได้" in response.content.decode()


def test_an_unknown_year_on_the_dashboard_is_a_message_not_an_error(admin_client, site):
    response = admin_client.get(reverse("ita_coverage") + "?year=abc", follow=True)

    assert response.status_code == 200
    assert "ไม่มีรายการ ITA" in response.content.decode()


def test_staff_without_the_permission_cannot_open_the_dashboard(client, site):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("reader", password="x-long-password-1")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    # Wagtail sends them back to the admin's start page with "no permission".
    for url in (reverse("ita_coverage"), reverse("ita_export", args=[2568, "csv"])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/admin/", url
