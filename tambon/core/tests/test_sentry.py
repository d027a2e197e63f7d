"""Optional Sentry reports (core/sentry.py), in a process of their own started with the
production settings: the SDK patches Django for the life of a process. Its transport is the one
thing replaced, by one that keeps the events it would send; nothing leaves the machine (the DSN
names a closed port on loopback)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from serverkit import production_env

PROJECT = Path(__file__).resolve().parents[3]
ID_NUMBER = "1101700203451"
PHONE = "0812345678"

REPORTING = f"""
import json
import django
django.setup()
import sentry_sdk
from sentry_sdk.transport import Transport

events = []

class Keep(Transport):
    def capture_envelope(self, envelope):
        events.extend(item.payload.json for item in envelope.items if item.type == "event")

client = sentry_sdk.get_client()
client.transport = Keep(client.options)

from django.test import RequestFactory

from tambon.wsgi import application

# A citizen's form as the WSGI server hands it to the application. The database has no
# tables: the request fails with a server error, which Sentry reports. (Its error page then
# fails too, for want of collectstatic's manifest: caught here.)
request = RequestFactory().post(
    "/cases/report/?phone={PHONE}",
    {{"id_number": "{ID_NUMBER}", "detail": "my neighbour Somchai"}},
    HTTP_HOST="example.org",
    HTTP_X_FORWARDED_PROTO="https",
    HTTP_USER_AGENT="Mozilla/5.0 (Somchai's phone)",
    HTTP_COOKIE="sessionid=cookie-secret-value",
)
try:
    application(request.environ, lambda status, headers, exc_info=None: None)
except ValueError:
    pass
try:
    raise ValueError("could not save {ID_NUMBER} for {PHONE}")
except ValueError:
    sentry_sdk.capture_exception()
sentry_sdk.flush()
options = {{
    name: client.options[name]
    for name in ("send_default_pii", "max_request_body_size", "include_local_variables")
}}
print(json.dumps({{"options": options, "events": events}}))
"""


def run_production(tmp_path, script, **env):
    environment = production_env(
        tmp_path, database=tmp_path / "empty.sqlite3", TAMBON_ALLOWED_HOSTS="example.org", **env
    )
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_sentry_reports_an_error_without_what_the_citizen_sent(tmp_path):
    result = run_production(tmp_path, REPORTING, SENTRY_DSN="http://public@127.0.0.1:9/1")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    *request_events, value_event = report["events"]
    assert request_events  # the server error, and its error page's
    for event in request_events:
        assert event["request"] == {"method": "POST", "url": "http://example.org/cases/report/"}
        assert "OperationalError" in {value["type"] for value in event["exception"]["values"]}
    [value] = value_event["exception"]["values"]
    assert value["value"] == "could not save [id-number] for [phone]"
    sent = json.dumps(report["events"])
    for personal in (ID_NUMBER, PHONE, "Somchai", "cookie-secret-value"):
        assert personal not in sent


def test_without_the_package_a_set_dsn_says_so_and_the_site_starts(tmp_path):
    script = (
        "import sys; sys.modules['sentry_sdk'] = None\n"  # as if `.[sentry]` were not installed
        "import django; django.setup(); print('started')"
    )
    result = run_production(tmp_path, script, SENTRY_DSN="http://public@127.0.0.1:9/1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "started"
    assert "SENTRY_DSN is set but sentry-sdk is not installed" in result.stderr


@pytest.mark.parametrize("dsn", ["", "  "])
def test_without_a_dsn_nothing_is_started(tmp_path, dsn):
    script = "import django; django.setup(); import sentry_sdk; print(sentry_sdk.is_initialized())"
    result = run_production(tmp_path, script, SENTRY_DSN=dsn)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
