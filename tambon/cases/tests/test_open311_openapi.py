"""The OpenAPI description the site serves for Open311: it names this host as its server, and
every operation it describes answers with a status and a content type it documents."""

import pytest

from tambon.cases.models import issue_key
from tambon.core.tests.factories import default_organization

from .factories import CaseFactory
from .open311_helpers import BASE, category_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def description(open311):
    response = open311.get(BASE + "openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return response.json()


def test_it_is_openapi_3_with_this_host_as_server(description):
    assert description["openapi"].startswith("3.")
    assert description["servers"] == [{"url": "http://testserver/open311/v2"}]
    assert "องค์การบริหารส่วนตำบลทดสอบ" in description["info"]["title"]


def test_every_operation_answers_as_documented(open311, description, road):
    case = CaseFactory(kind=road.kind, category=road, reporter={"name": "ก", "phone": "0812345678"})
    _row, key = issue_key(default_organization(), "bot")
    values = {
        "{service_code}": category_code(road),
        "{service_request_id}": case.display_code,
        "{token}": case.display_code,
    }
    checked = 0
    for template, operations in description["paths"].items():
        for method, operation in operations.items():
            for fmt, content_type in (("json", "application/json"), ("xml", "text/xml")):
                path = template.replace("{format}", fmt)
                for name, value in values.items():
                    path = path.replace(name, value)
                if method == "post":
                    data = {
                        "api_key": key,
                        "service_code": category_code(road),
                        "address_string": "หน้าวัด",
                        "description": "ไฟดับ",
                        "first_name": "สมหญิง",
                        "phone": "0812345678",
                    }
                    response = open311.post("/open311/v2" + path, data)
                else:
                    response = open311.get("/open311/v2" + path)
                documented = operation["responses"][str(response.status_code)]
                assert content_type in documented["content"], (path, response.status_code)
                assert response["Content-Type"].startswith(content_type)
                assert response.status_code in (200, 201), (path, response.content)
                checked += 1
    assert checked == 14
