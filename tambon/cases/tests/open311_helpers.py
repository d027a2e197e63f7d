"""What the Open311 tests share (their fixtures are in conftest.py: road, corruption_category,
water, open311): reading JSON and XML answers."""

import json
import xml.etree.ElementTree as ET

from tambon.cases.models import CaseKind, Category

BASE = "/open311/v2/"


def field_codes(service):
    return {field.label: f"field-{field.pk}" for field in service.fields.all()}


def get_json(client, path, expect=200, **params):
    response = client.get(BASE + path + ".json", params)
    assert response.status_code == expect, response.content.decode()
    assert response["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(response.content.decode("utf-8"))


def get_xml(client, path, expect=200, **params):
    response = client.get(BASE + path + ".xml", params)
    assert response.status_code == expect, response.content.decode()
    assert response["Content-Type"] == "text/xml; charset=utf-8"
    return ET.fromstring(response.content)


def category_code(category):
    return f"category-{category.pk}"


def complaint_categories(organization):
    return Category.objects.for_organization(organization).of_kind(CaseKind.COMPLAINT).active()
