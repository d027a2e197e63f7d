"""Open311 GeoReport v2, reading: discovery, services, service definitions, requests and
tokens, in JSON and XML, for the organization of the host asked; corruption complaints and
personal data never appear; errors are the spec's list with the spec's HTTP status."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

from tambon.cases import services
from tambon.cases.models import CaseKind
from tambon.cases.open311 import listing
from tambon.core.models import Organization
from tambon.core.tests.factories import default_organization
from tambon.pages.tests.factories import second_organization_site

from .conftest import REPORTER
from .factories import CaseFactory, CategoryFactory
from .open311_helpers import BASE, category_code, field_codes, get_json, get_xml

pytestmark = pytest.mark.django_db

ISO_BANGKOK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$")


def file_complaint(category, **fields):
    fields.setdefault("subject", "ถนนเป็นหลุมหน้าวัด")
    fields.setdefault("details", "หลุมลึก รถล้มสองคัน บ้านเลขที่ 12 ของนายสมชาย")
    return CaseFactory(
        kind=category.kind,
        category=category,
        reporter=REPORTER,
        organization=category.organization,
        **fields,
    )


class TestDiscovery:
    def test_json_names_the_endpoint_and_both_formats(self, open311):
        found = get_json(open311, "discovery")
        endpoint = found["endpoints"][0]
        assert endpoint["url"] == "http://testserver/open311/v2/"
        assert endpoint["specification"] == "http://wiki.open311.org/GeoReport_v2"
        assert endpoint["formats"] == ["text/xml", "application/json"]
        assert default_organization().name in found["contact"]

    def test_xml_has_the_same_in_the_spec_elements(self, open311):
        root = get_xml(open311, "discovery")
        assert root.tag == "discovery"
        assert [f.text for f in root.findall("endpoints/endpoint/formats/format")] == [
            "text/xml",
            "application/json",
        ]
        assert default_organization().name in root.findtext("contact")


class TestServices:
    def test_categories_and_eservices_are_offered_in_thai(self, open311, road, water):
        found = {s["service_code"]: s for s in get_json(open311, "services")}
        assert found[category_code(road)]["service_name"] == "ถนนชำรุด"
        assert found[category_code(road)]["metadata"] is False
        assert found["eservice-water-delivery"]["service_name"] == "ขอรับน้ำอุปโภคบริโภค"
        assert found["eservice-water-delivery"]["metadata"] is True
        assert found["eservice-water-delivery"]["type"] == "realtime"

    def test_xml_lists_the_same_services(self, open311, road, water):
        root = get_xml(open311, "services")
        assert root.tag == "services"
        names = {s.findtext("service_code"): s.findtext("service_name") for s in root}
        assert names[category_code(road)] == "ถนนชำรุด"
        assert names["eservice-water-delivery"] == "ขอรับน้ำอุปโภคบริโภค"
        water_xml = next(s for s in root if s.findtext("service_code") == "eservice-water-delivery")
        assert water_xml.findtext("metadata") == "true"

    def test_corruption_complaints_are_never_offered(self, open311, corruption_category, road):
        codes = [s["service_code"] for s in get_json(open311, "services")]
        assert category_code(road) in codes
        assert category_code(corruption_category) not in codes
        get_json(open311, f"services/{category_code(corruption_category)}", expect=404)

    def test_inactive_categories_and_withdrawn_services_are_not_offered(self, open311, road, water):
        road.is_active = False
        road.save()
        water.is_live = False
        water.save()
        codes = [s["service_code"] for s in get_json(open311, "services")]
        assert category_code(road) not in codes
        assert "eservice-water-delivery" not in codes

    def test_another_organizations_services_are_not_offered_here(self, open311, road):
        other = second_organization_site("127.0.0.1")
        theirs = CategoryFactory(organization=Organization.for_site(other), name="ไฟดับของเขา")
        ours = [s["service_code"] for s in get_json(open311, "services")]
        assert category_code(theirs) not in ours
        get_json(open311, f"services/{category_code(theirs)}", expect=404)
        on_their_host = Client(HTTP_HOST="127.0.0.1")
        codes = [s["service_code"] for s in get_json(on_their_host, "services")]
        assert codes == [category_code(theirs)]


class TestServiceDefinition:
    def test_an_eservice_has_its_fields_as_attributes(self, open311, water):
        codes = field_codes(water)
        found = get_json(open311, "services/eservice-water-delivery")
        assert found["service_code"] == "eservice-water-delivery"
        attributes = {a["code"]: a for a in found["attributes"]}
        tanks = attributes[codes["จำนวนถัง"]]
        assert (tanks["datatype"], tanks["required"], tanks["variable"]) == ("number", True, True)
        assert tanks["description"] == "จำนวนถัง"
        when = attributes[codes["ช่วงเวลา"]]
        assert when["datatype"] == "singlevaluelist"
        assert when["values"] == [{"key": "เช้า", "name": "เช้า"}, {"key": "บ่าย", "name": "บ่าย"}]
        assert attributes[codes["วันที่สะดวก"]]["datatype"] == "datetime"
        document = next(a for a in found["attributes"] if a["code"].startswith("document-"))
        assert document["variable"] is False
        assert "สำเนาทะเบียนบ้าน" in document["description"]
        assert [a["order"] for a in found["attributes"]] == [1, 2, 3, 4]

    def test_xml_definition_with_values(self, open311, water):
        root = get_xml(open311, "services/eservice-water-delivery")
        assert root.tag == "service_definition"
        choice = next(
            a
            for a in root.findall("attributes/attribute")
            if a.findtext("datatype") == "singlevaluelist"
        )
        assert [v.findtext("key") for v in choice.findall("values/value")] == ["เช้า", "บ่าย"]
        assert choice.findtext("required") == "true"

    def test_a_category_has_no_attributes(self, open311, road):
        assert get_json(open311, f"services/{category_code(road)}")["attributes"] == []

    @pytest.mark.parametrize("code", ["category-999999", "eservice-nothing", "roads", "category-x"])
    def test_an_unknown_code_is_the_spec_error_404(self, open311, road, code):
        assert (
            get_json(open311, f"services/{code}", expect=404)
            == [{"code": 404, "description": "ไม่พบ service_code"}]
            or get_json(open311, f"services/{code}", expect=404)[0]["code"] == 404
        )
        root = get_xml(open311, f"services/{code}", expect=404)
        assert root.tag == "errors"
        assert root.findtext("error/code") == "404"


class TestRequests:
    def test_a_filed_case_is_listed_open_with_bangkok_times(self, open311, road):
        case = file_complaint(road, latitude="18.7812345", longitude="100.7798765")
        (found,) = get_json(open311, "requests")
        assert found["service_request_id"] == case.display_code
        assert found["status"] == "open"
        assert found["service_code"] == category_code(road)
        assert found["service_name"] == "ถนนชำรุด"
        assert ISO_BANGKOK.match(found["requested_datetime"])
        assert ISO_BANGKOK.match(found["expected_datetime"])
        assert (found["lat"], found["long"]) == (18.781, 100.78)

    def test_no_personal_data_nor_the_citizens_words_are_returned(self, open311, road):
        file_complaint(road)
        for fmt in ("json", "xml"):
            body = open311.get(f"{BASE}requests.{fmt}").content.decode()
            for private in (*REPORTER.values(), "หลุมลึก", "ถนนเป็นหลุมหน้าวัด"):
                assert private not in body

    def test_status_notes_are_staff_words_to_the_citizen_and_closed_follows_the_case(
        self, open311, road, case_admin
    ):
        case = file_complaint(road)
        services.add_note(case, case_admin, "บันทึกภายใน ห้ามเผยแพร่")
        services.citizen_adds_information(case, "ข้อความของประชาชน เบอร์ 0899999999")
        assert get_json(open311, "requests")[0]["status_notes"] == ""
        services.reply(case, case_admin, "กองช่างจะออกตรวจพรุ่งนี้")
        assert get_json(open311, "requests")[0]["status_notes"] == "กองช่างจะออกตรวจพรุ่งนี้"
        services.reject(case, case_admin, "ถนนเส้นนี้เป็นของกรมทางหลวง")
        (found,) = get_json(open311, "requests")
        assert (found["status"], found["status_notes"]) == ("closed", "ถนนเส้นนี้เป็นของกรมทางหลวง")
        root = get_xml(open311, "requests")
        assert root.tag == "service_requests"
        assert root.findtext("request/status_notes") == "ถนนเส้นนี้เป็นของกรมทางหลวง"
        assert root.findtext("request/status") == "closed"
        body = open311.get(BASE + "requests.xml").content.decode()
        assert "บันทึกภายใน" not in body and "0899999999" not in body

    def test_corruption_complaints_are_never_listed(self, open311, road, corruption_category):
        secret = file_complaint(corruption_category)
        file_complaint(road)
        ids = [r["service_request_id"] for r in get_json(open311, "requests")]
        assert secret.display_code not in ids and len(ids) == 1
        get_json(open311, f"requests/{secret.display_code}", expect=404)
        assert get_json(open311, "requests", service_request_id=secret.display_code) == []

    def test_the_default_is_the_last_90_days(self, open311, road):
        old = file_complaint(road, now=timezone.now() - datetime.timedelta(days=100))
        recent = file_complaint(road)
        ids = [r["service_request_id"] for r in get_json(open311, "requests")]
        assert ids == [recent.display_code]
        start = (timezone.now() - datetime.timedelta(days=120)).isoformat()
        ids = [r["service_request_id"] for r in get_json(open311, "requests", start_date=start)]
        assert ids == [old.display_code]

    def test_at_most_the_record_limit_newest_first(self, open311, road, monkeypatch):
        monkeypatch.setattr(listing, "MAX_RECORDS", 2)
        cases = [
            file_complaint(road, now=timezone.now() - datetime.timedelta(hours=h))
            for h in (3, 2, 1)
        ]
        ids = [r["service_request_id"] for r in get_json(open311, "requests")]
        assert ids == [cases[2].display_code, cases[1].display_code]

    def test_filters_service_code_status_and_ids(self, open311, road, case_admin):
        lights = CategoryFactory(kind=CaseKind.COMPLAINT, name="ไฟฟ้าสาธารณะ")
        on_road = file_complaint(road)
        on_lights = file_complaint(lights)
        services.reject(on_lights, case_admin, "ซ้ำกับเรื่องเดิม")

        def ids(**params):
            return {r["service_request_id"] for r in get_json(open311, "requests", **params)}

        assert ids(service_code=category_code(road)) == {on_road.display_code}
        assert ids(status="closed") == {on_lights.display_code}
        assert ids(status="open") == {on_road.display_code}
        assert ids(status="open,closed") == {on_road.display_code, on_lights.display_code}
        both = f"{on_road.display_code},{on_lights.tracking_code.lower()}"
        # Ids override every other filter, as the spec says.
        assert ids(service_request_id=both, status="open") == {
            on_road.display_code,
            on_lights.display_code,
        }

    @pytest.mark.parametrize(
        "params",
        [
            {"start_date": "เมื่อวาน"},
            {"end_date": "2026-13-45"},
            {"start_date": "2026-01-01T00:00:00+07:00", "end_date": "2026-06-01T00:00:00+07:00"},
            {"start_date": "2026-03-01", "end_date": "2026-02-01"},
            {"status": "pending"},
            {"start_date": "9999-12-31T23:00:00"},
            {"end_date": "0001-01-01T00:00:00+07:00"},
        ],
    )
    def test_unreadable_filters_are_the_spec_error_400_in_thai(self, open311, road, params):
        (error,) = get_json(open311, "requests", expect=400, **params)
        assert error["code"] == 400
        assert re.search("[\u0e01-\u0e5b]", error["description"])
        assert get_xml(open311, "requests", expect=400, **params).findtext("error/code") == "400"

    def test_any_offset_python_reads_is_taken(self, open311, road):
        found = get_json(open311, "requests", start_date="7374-01-09T15:22:17.599-22:20")
        assert found == []

    def test_an_unencoded_plus_in_a_date_is_read(self, open311, road):
        case = file_complaint(road)
        start = (timezone.now() - datetime.timedelta(days=1)).astimezone(
            datetime.timezone(datetime.timedelta(hours=7))
        )
        text = start.isoformat(timespec="seconds").replace("+", " ")
        ids = [r["service_request_id"] for r in get_json(open311, "requests", start_date=text)]
        assert ids == [case.display_code]


class TestOneRequest:
    def test_by_id_in_both_formats(self, open311, road):
        case = file_complaint(road)
        (found,) = get_json(open311, f"requests/{case.display_code}")
        assert found["service_request_id"] == case.display_code
        root = get_xml(open311, f"requests/{case.tracking_code.lower()}")
        assert root.findtext("request/service_request_id") == case.display_code
        assert root.findtext("request/service_name") == "ถนนชำรุด"

    def test_unknown_or_another_organizations_is_404(self, open311, road):
        other = second_organization_site("127.0.0.1")
        theirs = file_complaint(
            CategoryFactory(organization=Organization.for_site(other), name="ของเขา")
        )
        assert get_json(open311, f"requests/{theirs.display_code}", expect=404)[0]["code"] == 404
        get_json(open311, "requests/ABCD-EFGH", expect=404)
        (found,) = get_json(Client(HTTP_HOST="127.0.0.1"), f"requests/{theirs.display_code}")
        assert found["service_name"] == "ของเขา"

    def test_a_token_leads_to_the_request(self, open311, road):
        case = file_complaint(road)
        (found,) = get_json(open311, f"tokens/{case.display_code}")
        assert found == {"service_request_id": case.display_code, "token": case.display_code}
        root = get_xml(open311, f"tokens/{case.display_code}")
        assert root.findtext("request/service_request_id") == case.display_code
        get_xml(open311, "tokens/nothing", expect=404)


class TestCommonErrors:
    def test_jurisdiction_id_is_accepted_when_it_is_this_host(self, open311, road):
        assert get_json(open311, "services", jurisdiction_id="localhost")
        assert get_json(open311, "services", jurisdiction_id="TESTSERVER")
        (error,) = get_json(open311, "services", expect=404, jurisdiction_id="banhaet.go.th")
        assert error["code"] == 404 and "localhost" in error["description"]

    def test_an_unknown_address_is_an_xml_error_list(self, open311):
        response = open311.get(BASE + "nothing/here")
        assert response.status_code == 404
        assert response["Content-Type"] == "text/xml; charset=utf-8"
        assert b"<errors><error><code>404</code>" in response.content
        response = open311.get(BASE + "services.csv")
        assert response.status_code == 404
        assert open311.get(BASE + "nothing.json")["Content-Type"].startswith("application/json")
        # A newline in the address (%0A, as schemathesis sends) is no way around it.
        response = open311.get(BASE + "discovery.%0Ajson")
        assert response.status_code == 404
        assert b"<errors><error><code>404</code>" in response.content

    def test_another_method_is_405_with_allow(self, open311, road):
        response = open311.delete(BASE + "services.json")
        assert response.status_code == 405
        assert response["Allow"] == "GET"
        assert response.json()[0]["code"] == 405

    def test_too_many_reads_from_one_address_are_429(self, open311, settings, road):
        settings.TAMBON_OPEN311_READS_PER_MINUTE = 2
        get_json(open311, "services")
        get_json(open311, "services")
        (error,) = get_json(open311, "services", expect=429)
        assert error["code"] == 429

    def test_answers_are_never_cached_and_open_to_any_web_client(self, open311, road):
        response = open311.get(BASE + "services.json")
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
        assert response["Access-Control-Allow-Origin"] == "*"
