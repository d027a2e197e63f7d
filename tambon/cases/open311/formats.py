"""GeoReport v2's two formats. Every answer is a tree of dicts, lists and scalars; XML names
each item of a list after the spec's element (``attributes`` holds ``attribute``s)."""

import json
import xml.etree.ElementTree as ET

from django.http import HttpResponse

from tambon.thai.dates import BANGKOK

JSON, XML = "json", "xml"
CONTENT_TYPES = {
    JSON: "application/json; charset=utf-8",
    XML: "text/xml; charset=utf-8",
}
# The element of one item of each list, in the spec's XML.
ITEM_NAMES = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}


def iso(moment):
    """2026-12-03T13:07:44+07:00: the spec's ISO 8601, in Thailand's time."""
    if moment is None:
        return None
    return moment.astimezone(BANGKOK).isoformat(timespec="seconds")


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(element, value):
    if isinstance(value, dict):
        for name, child in value.items():
            _fill(ET.SubElement(element, name), child)
    elif isinstance(value, list | tuple):
        item_name = ITEM_NAMES[element.tag]
        for item in value:
            _fill(ET.SubElement(element, item_name), item)
    else:
        element.text = _text(value)


def to_xml(root, value) -> bytes:
    element = ET.Element(root)
    _fill(element, value)
    return ET.tostring(element, encoding="utf-8", xml_declaration=True)


def to_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode()


def respond(fmt, root, value, status=200):
    """`root`: the XML root element (JSON has none: the value itself)."""
    body = to_xml(root, value) if fmt == XML else to_json(value)
    response = HttpResponse(body, content_type=CONTENT_TYPES[fmt], status=status)
    response["Access-Control-Allow-Origin"] = "*"  # an open standard: any web client may read
    return response


def errors(fmt, status, *descriptions):
    """The spec's error list: one {code, description} per problem, with the HTTP status."""
    items = [{"code": status, "description": str(text)} for text in descriptions]
    return respond(fmt, "errors", items, status=status)
