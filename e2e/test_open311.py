"""Open311 against the running server, as an outside program uses it: a key from
create_open311_key, one request filed with a plain HTTP POST as the spec describes, then the
`georeport` client (PyPI) lists the services, reads a service definition and reads the
requests, in JSON and in XML."""

import subprocess
import sys

import pytest
import requests
from georeport import GeoReport

import serverkit


@pytest.fixture(scope="module")
def api_key(e2e_server):
    made = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "create_open311_key",
            "--domain",
            "localhost",
            "--name",
            "e2e",
        ],
        cwd=serverkit.REPO,
        env=e2e_server.env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return made.stdout.strip()


def as_list(value):
    """xmltodict gives one element as a dict, several as a list."""
    return value if isinstance(value, list) else [value]


def test_file_with_a_post_then_follow_with_georeport_in_json_and_xml(base_url, api_key):
    root = f"{base_url}/open311/v2"
    clients = {fmt: GeoReport(root, output_format=fmt) for fmt in ("json", "xml")}

    services = {fmt: as_list(client.get_service_list()) for fmt, client in clients.items()}
    codes = [service["service_code"] for service in services["json"]]
    assert codes == [service["service_code"] for service in services["xml"]]
    complaint = next(s for s in services["json"] if s["service_code"].startswith("category-"))
    eservice = next(s for s in services["json"] if s["service_code"].startswith("eservice-"))
    assert "corruption" not in " ".join(codes)

    definition = clients["json"].get_service_definition(eservice["service_code"])
    assert definition["service_code"] == eservice["service_code"]
    xml_definition = clients["xml"].get_service_definition(eservice["service_code"])
    assert xml_definition["service_code"] == eservice["service_code"]

    filed = requests.post(
        f"{root}/requests.json",
        data={
            "api_key": api_key,
            "service_code": complaint["service_code"],
            "lat": "18.7812",
            "long": "100.7798",
            "description": "ไฟถนนดับหน้าวัด ทดสอบ Open311",
            "first_name": "ทดสอบ",
            "last_name": "โอเพนสามหนึ่งหนึ่ง",
            "phone": "0812345678",
        },
        timeout=30,
    )
    assert filed.status_code == 201, filed.text
    request_id = filed.json()[0]["service_request_id"]

    for fmt, client in clients.items():
        listed = as_list(client.get_service_requests(service_code=complaint["service_code"]))
        assert request_id in [item["service_request_id"] for item in listed], fmt
        one = client.get_service_request(request_id)
        assert one["service_request_id"] == request_id
        assert one["status"] == "open"
        assert one["service_name"] == complaint["service_name"]
        assert one["requested_datetime"].endswith("+07:00")
        assert "ทดสอบ" not in str(one) and "0812345678" not in str(one)
