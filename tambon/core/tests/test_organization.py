"""The organization: its kind and official area codes, checked against geothai, with Thai
messages; the names on the pages come from the codes; an existing database upgrades in place."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from tambon.core.models import Organization
from tambon.pages.tests.factories import ContactPageFactory, organization_site

pytestmark = pytest.mark.django_db

SAO = Organization.Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION
PAO = Organization.Kind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION


def organization(**fields):
    return Organization(name="องค์การบริหารส่วนตำบลทดสอบ", short_name="อบต.ทดสอบ", **fields)


def thai_errors(org):
    """The errors of clean(), as the Thai admin shows them: {field: [message, ...]}."""
    with translation.override("th"), pytest.raises(ValidationError) as raised:
        org.clean()
    return raised.value.message_dict


# --- Validation ---------------------------------------------------------------------------


def test_the_subdistrict_alone_fills_its_district_and_province():
    org = organization(kind=SAO, subdistrict_code="551103")
    org.clean()
    assert (org.district_code, org.province_code) == ("5511", "55")


def test_codes_that_agree_are_accepted():
    org = organization(
        kind=Organization.Kind.SUBDISTRICT_MUNICIPALITY,
        subdistrict_code="551103",
        district_code="5511",
        province_code="55",
    )
    org.clean()
    assert (org.subdistrict_code, org.district_code, org.province_code) == ("551103", "5511", "55")


def test_an_unknown_subdistrict_code_is_refused_in_thai():
    errors = thai_errors(organization(kind=SAO, subdistrict_code="559999"))
    assert errors == {"subdistrict_code": ["ไม่มีตำบลที่ใช้รหัส 559999"]}


def test_unknown_district_and_province_codes_are_refused_in_thai():
    errors = thai_errors(
        organization(kind=SAO, subdistrict_code="551103", district_code="5599", province_code="99")
    )
    assert errors == {
        "district_code": ["ไม่มีอำเภอที่ใช้รหัส 5599"],
        "province_code": ["ไม่มีจังหวัดที่ใช้รหัส 99"],
    }


def test_a_subdistrict_outside_the_district_is_refused_in_thai():
    # 551103 is ตำบลพงษ์ of อำเภอสันติสุข; 5501 is อำเภอเมืองน่าน.
    errors = thai_errors(organization(kind=SAO, subdistrict_code="551103", district_code="5501"))
    assert errors == {"subdistrict_code": ["ตำบลพงษ์ ไม่ได้อยู่ในอำเภอเมืองน่าน"]}


def test_a_district_outside_the_province_is_refused_in_thai():
    # 50 is เชียงใหม่.
    errors = thai_errors(
        organization(kind=SAO, subdistrict_code="551103", district_code="5511", province_code="50")
    )
    assert errors == {"district_code": ["อำเภอสันติสุข ไม่ได้อยู่ในจังหวัดเชียงใหม่"]}
    errors = thai_errors(organization(kind=SAO, subdistrict_code="551103", province_code="50"))
    assert errors == {"district_code": ["อำเภอสันติสุข ไม่ได้อยู่ในจังหวัดเชียงใหม่"]}


@pytest.mark.parametrize(
    "kind",
    [
        Organization.Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,
        Organization.Kind.SUBDISTRICT_MUNICIPALITY,
        Organization.Kind.TOWN_MUNICIPALITY,
        Organization.Kind.CITY_MUNICIPALITY,
    ],
)
def test_a_local_organization_needs_its_subdistrict(kind):
    errors = thai_errors(organization(kind=kind, district_code="5511", province_code="55"))
    assert errors == {"subdistrict_code": ["กรุณากรอกรหัสตำบล (ตัวเลข 6 หลัก)"]}


def test_a_provincial_organization_needs_its_province_only():
    assert thai_errors(organization(kind=PAO)) == {
        "province_code": ["กรุณากรอกรหัสจังหวัด (ตัวเลข 2 หลัก)"]
    }
    assert thai_errors(organization(kind=PAO, province_code="99")) == {
        "province_code": ["ไม่มีจังหวัดที่ใช้รหัส 99"]
    }
    whole_province = "องค์การบริหารส่วนจังหวัดดูแลทั้งจังหวัด ไม่ต้องกรอกรหัสอำเภอและรหัสตำบล"
    assert thai_errors(organization(kind=PAO, province_code="55", subdistrict_code="551103")) == {
        "subdistrict_code": [whole_province]
    }
    org = organization(kind=PAO, province_code="55")
    org.clean()
    assert (org.province_code, org.district_code, org.subdistrict_code) == ("55", "", "")


def test_the_kind_is_an_sao_unless_chosen():
    assert organization().kind == "sao"


# --- Names ----------------------------------------------------------------------------------


def test_the_names_come_from_the_codes():
    org = organization(subdistrict_code="551103", district_code="5511", province_code="55")
    assert (org.subdistrict_name, org.district_name, org.province_name) == (
        "พงษ์",
        "สันติสุข",
        "น่าน",
    )
    org = organization(subdistrict_code="500101", district_code="5001", province_code="50")
    assert (org.subdistrict_name, org.district_name, org.province_name) == (
        "ศรีภูมิ",
        "เมืองเชียงใหม่",
        "เชียงใหม่",
    )


def test_no_codes_no_names():
    org = organization()
    assert (org.subdistrict_name, org.district_name, org.province_name) == ("", "", "")


def test_the_pages_show_the_district_and_province_of_the_codes(client):
    site = organization_site(subdistrict_code="551103", district_code="5511", province_code="55")
    ContactPageFactory(parent=site.root_page)
    for url in ("/", "/contact/"):
        html = client.get(url, HTTP_ACCEPT_LANGUAGE="th").content.decode()
        assert '<span class="brand__place">อำเภอสันติสุข จังหวัดน่าน</span>' in html


def test_a_provincial_organization_shows_its_province(client):
    site = organization_site(
        kind=PAO,
        name="องค์การบริหารส่วนจังหวัดน่าน",
        subdistrict_code="",
        district_code="",
        province_code="55",
    )
    ContactPageFactory(parent=site.root_page)
    html = client.get("/contact/").content.decode()
    assert '<span class="brand__place">จังหวัดน่าน</span>' in html


# --- In the admin ---------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@test.example", "x" * 12)
    client.force_login(user)
    return client


def settings_form(**fields):
    return {
        "kind": "sao",
        "name": "องค์การบริหารส่วนตำบลพงษ์",
        "short_name": "อบต.พงษ์",
        "subdistrict_code": "",
        "district_code": "",
        "province_code": "",
    } | fields


def test_the_admin_saves_the_subdistrict_with_its_district_and_province(admin_client, site):
    url = f"/admin/settings/core/organization/{site.pk}/"
    response = admin_client.post(url, settings_form(subdistrict_code="551103"))
    assert response.status_code == 302
    org = Organization.objects.get(site=site)
    assert (org.subdistrict_code, org.district_code, org.province_code) == ("551103", "5511", "55")


def test_the_admin_refuses_codes_that_disagree_in_thai(admin_client, site):
    url = f"/admin/settings/core/organization/{site.pk}/"
    form = settings_form(subdistrict_code="551103", district_code="5501")
    response = admin_client.post(url, form, HTTP_ACCEPT_LANGUAGE="th")
    assert response.status_code == 200
    assert "ตำบลพงษ์ ไม่ได้อยู่ในอำเภอเมืองน่าน" in response.content.decode()
    assert Organization.objects.get(site=site).subdistrict_code == "550101"  # the factory's
