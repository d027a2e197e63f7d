"""Open311 GeoReport v2, filing: a client with an API key of the organization files an
ordinary case (same checks, deadlines and notifications as the public forms), recorded as
received through Open311; every refusal is the spec's error list with the spec's status."""

import json
import xml.etree.ElementTree as ET

import pytest
from django.core import mail

from tambon.cases.deadlines import due_dates
from tambon.cases.models import Case, CaseChannel, CaseKind, CaseSettings, Reporter, issue_key
from tambon.core.models import Organization
from tambon.core.tests.factories import default_organization
from tambon.pages.tests.factories import second_organization_site

from .factories import CaseFactory
from .open311_helpers import BASE, category_code, field_codes, get_json

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_key(site):
    return issue_key(default_organization(), "ไลน์บอทจังหวัด")[1]


def complaint(road, api_key, **overrides):
    data = {
        "api_key": api_key,
        "service_code": category_code(road) if road else None,
        "lat": "18.781234",
        "long": "100.779876",
        "address_string": "หน้าวัดพงษ์ หมู่ 3",
        "description": "ถนนเป็นหลุมลึก\nรถจักรยานยนต์ล้มไปแล้วสองคัน",
        "first_name": "สมหญิง",
        "last_name": "รักดี",
        "phone": "081 234 5678",
        "email": "somying@example.com",
        "device_id": "device-1",
        "account_id": "line-user-42",
    }
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}


def post(client, data, fmt="json"):
    return client.post(f"{BASE}requests.{fmt}", data)


def cases():
    return Case.objects.for_organization(default_organization())


def error_of(response, status):
    assert response.status_code == status, response.content.decode()
    errors = response.json()
    assert all(error["code"] == status for error in errors)
    return " ".join(error["description"] for error in errors)


class TestFiling:
    def test_a_complaint_becomes_an_ordinary_case_received_through_open311(
        self, open311, road, api_key
    ):
        response = post(open311, complaint(road, api_key))
        assert response.status_code == 201, response.content.decode()
        (answer,) = response.json()
        case = cases().get()
        assert answer["service_request_id"] == case.display_code
        assert case.display_code in answer["service_notice"]
        assert answer["account_id"] == "line-user-42"
        assert case.channel == CaseChannel.OPEN311
        assert (case.kind, case.category) == (CaseKind.COMPLAINT, road)
        assert case.subject == "ถนนชำรุด: ถนนเป็นหลุมลึก"
        assert case.details == "ถนนเป็นหลุมลึก\nรถจักรยานยนต์ล้มไปแล้วสองคัน"
        assert case.location_text == "หน้าวัดพงษ์ หมู่ 3"
        assert str(case.latitude) == "18.781234"
        reporter = Reporter.objects.for_organization(default_organization()).get(case=case)
        assert (reporter.name, reporter.phone, reporter.email) == (
            "สมหญิง รักดี",
            "0812345678",
            "somying@example.com",
        )
        rules = CaseSettings.of_organization(default_organization())
        acknowledge_due, resolve_due = due_dates(CaseKind.COMPLAINT, road, case.created, rules)
        assert (case.acknowledge_due, case.resolve_due) == (acknowledge_due, resolve_due)

    def test_the_citizen_is_told_as_after_a_form(
        self, open311, road, api_key, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            post(open311, complaint(road, api_key))
        assert [message.to for message in mail.outbox] == [["somying@example.com"]]
        assert cases().get().display_code in mail.outbox[0].body

    def test_it_counts_in_the_statistics_like_any_complaint(self, open311, road, api_key):
        from tambon.cases import statistics
        from tambon.thai.fiscal import fiscal_year

        def received():
            figures = statistics.case_figures(default_organization(), fiscal_year())
            return next(f for f in figures if f.kind == CaseKind.COMPLAINT).year.received

        before = received()
        post(open311, complaint(road, api_key))
        assert received() == before + 1

    def test_the_filed_request_is_then_listed_without_personal_data(self, open311, road, api_key):
        filed = post(open311, complaint(road, api_key)).json()[0]["service_request_id"]
        (found,) = get_json(open311, f"requests/{filed}")
        assert (found["status"], found["service_code"]) == ("open", category_code(road))
        body = json.dumps(found, ensure_ascii=False)
        assert "สมหญิง" not in body and "0812345678" not in body and "หลุมลึก" not in body

    def test_xml_answer_in_thai(self, open311, road, api_key):
        response = post(open311, complaint(road, api_key), fmt="xml")
        assert response.status_code == 201
        root = ET.fromstring(response.content)
        assert root.tag == "service_requests"
        assert root.findtext("request/service_request_id") == cases().get().display_code
        assert "ติดตาม" in root.findtext("request/service_notice")

    def test_an_eservice_keeps_its_answers_by_label(self, open311, water, api_key):
        codes = field_codes(water)
        data = complaint(
            None,
            api_key,
            service_code="eservice-water-delivery",
            **{
                f"attribute[{codes['จำนวนถัง']}]": "3",
                f"attribute[{codes['ช่วงเวลา']}]": "บ่าย",
                f"attribute[{codes['วันที่สะดวก']}]": "2026-12-10",
            },
        )
        response = post(open311, data)
        assert response.status_code == 201, response.content.decode()
        case = cases().get()
        assert (case.kind, case.service_type) == (CaseKind.ESERVICE, water)
        assert case.service_answers == [
            {"label": "จำนวนถัง", "value": "3"},
            {"label": "ช่วงเวลา", "value": "บ่าย"},
            {"label": "วันที่สะดวก", "value": "10 ธันวาคม 2569"},
        ]

    def test_a_media_url_is_kept_as_a_link_for_staff(self, open311, road, api_key):
        post(open311, complaint(road, api_key, media_url="https://example.org/hole.jpg"))
        assert "https://example.org/hole.jpg" in cases().get().details

    def test_an_address_alone_is_a_place(self, open311, road, api_key):
        data = complaint(road, api_key, lat=None, long=None, address_id="M3-12")
        assert post(open311, data).status_code == 201
        assert cases().get().location_text == "หน้าวัดพงษ์ หมู่ 3 (M3-12)"

    def test_a_case_from_a_form_is_received_through_the_web(self, site):
        assert CaseFactory().channel == CaseChannel.WEB


class TestRefusals:
    def test_without_a_key_or_with_a_wrong_one_403(self, open311, road, api_key):
        assert "api_key" in error_of(post(open311, complaint(road, None)), 403)
        error_of(post(open311, complaint(road, "t311_guessed")), 403)
        assert not cases().exists()

    def test_another_organizations_key_or_a_revoked_one_403(self, open311, road):
        other = Organization.for_site(second_organization_site("127.0.0.1"))
        _row, theirs = issue_key(other, "บอทของเขา")
        error_of(post(open311, complaint(road, theirs)), 403)
        row, ours = issue_key(default_organization(), "บอทเก่า")
        row.is_revoked = True
        row.save()
        error_of(post(open311, complaint(road, ours)), 403)
        assert not cases().exists()

    def test_service_code_missing_400_unknown_or_corruption_404(
        self, open311, road, corruption_category, api_key
    ):
        error_of(post(open311, complaint(road, api_key, service_code=None)), 400)
        error_of(post(open311, complaint(road, api_key, service_code="category-999999")), 404)
        hidden = category_code(corruption_category)
        error_of(post(open311, complaint(road, api_key, service_code=hidden)), 404)
        assert not cases().exists()

    def test_without_a_place_400(self, open311, road, api_key):
        data = complaint(road, api_key, lat=None, long=None, address_string=None)
        assert "lat" in error_of(post(open311, data), 400)

    def test_the_forms_checks_in_thai_naming_the_parameters(self, open311, road, api_key):
        data = complaint(road, api_key, phone="12345", email="", first_name="", last_name="")
        text = error_of(post(open311, data), 400)
        assert "first_name:" in text and "phone:" in text
        assert "กรอก" in text or "เบอร์" in text
        assert not cases().exists()

    def test_a_missing_or_wrong_attribute_400(self, open311, water, api_key):
        codes = field_codes(water)
        data = complaint(
            None,
            api_key,
            service_code="eservice-water-delivery",
            **{f"attribute[{codes['ช่วงเวลา']}]": "กลางคืน"},
        )
        text = error_of(post(open311, data), 400)
        assert f"attribute[{codes['จำนวนถัง']}]" in text
        assert f"attribute[{codes['ช่วงเวลา']}]" in text

    def test_a_media_url_that_is_not_a_web_address_400(self, open311, road, api_key):
        error_of(post(open311, complaint(road, api_key, media_url="javascript:alert(1)")), 400)

    def test_a_wrong_jurisdiction_404(self, open311, road, api_key):
        data = complaint(road, api_key, jurisdiction_id="banhaet.go.th")
        error_of(post(open311, data), 404)
        assert (
            post(open311, complaint(road, api_key, jurisdiction_id="localhost")).status_code == 201
        )

    def test_a_key_over_its_hourly_allowance_429(self, open311, road, api_key, settings):
        settings.TAMBON_OPEN311_POSTS_PER_HOUR = 1
        assert post(open311, complaint(road, api_key)).status_code == 201
        response = post(open311, complaint(road, api_key))
        error_of(response, 429)
        assert response["Retry-After"] == "3600"
        assert cases().count() == 1

    def test_errors_in_xml_too(self, open311, road):
        response = post(open311, complaint(road, "t311_guessed"), fmt="xml")
        assert response.status_code == 403
        root = ET.fromstring(response.content)
        assert (root.tag, root.findtext("error/code")) == ("errors", "403")


def test_staff_see_the_channel_on_the_case_page(open311, road, api_key):
    from .conftest import make_user
    from .test_admin import signed_in

    post(open311, complaint(road, api_key))
    case = cases().get()
    html = signed_in(make_user("root", superuser=True)).get(f"/admin/cases/{case.pk}/")
    assert "Open311 API" in html.content.decode()
