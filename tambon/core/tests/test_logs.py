"""Production's logs and error mails: one JSON object a line, and no personal data in either
(core/logs.py, settings/production.py)."""

import io
import json
import logging
import logging.config

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.http import HttpResponse
from django.test import Client
from django.urls import include, path
from django.utils.log import configure_logging

from tambon.core.logs import JsonLinesFormatter, production_logging, scrub

ID_NUMBER = "1-1017-00203-45-1"
PHONE = "081-234-5678"
EMAIL = "somchai@example.co.th"


def test_scrub_replaces_id_numbers_phones_addresses_and_codes():
    text = (
        "id 1101700203451 / 1 1017 00203 45 1 / ๑๑๐๑๗๐๐๒๐๓๔๕๑, tel 0812345678, 02-123-4567, "
        "+66 81 234 5678, mail a.b+c@mail.example.org, code K7QM-4X9P or K7QM4X9P"
    )
    assert scrub(text) == (
        "id [id-number] / [id-number] / [id-number], tel [phone], [phone], "
        "[phone], mail [email], code [code] or [code]"
    )
    # What is not personal stays: amounts, years, words in capitals, durations.
    kept = "Budget 1500000 baht in 2569, WARNING STREAMS, took 0.52 s, page 12345"
    assert scrub(kept) == kept


@pytest.fixture
def production_logs(settings):
    """Production's LOGGING in force, its console writing to a buffer; the test profile's after."""
    settings.ADMINS = [("ops", "ops@example.org")]
    logging.config.dictConfig(production_logging())
    stream = io.StringIO()
    for handler in logging.getLogger().handlers:
        if isinstance(handler.formatter, JsonLinesFormatter):
            handler.setStream(stream)
    yield stream
    configure_logging(django_settings.LOGGING_CONFIG, django_settings.LOGGING)


def lines(stream):
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def test_a_log_line_is_json_without_the_id_number_or_phone(production_logs):
    logging.getLogger("tambon.cases").warning("Reporter %s called from %s", ID_NUMBER, PHONE)
    [line] = lines(production_logs)
    assert line["level"] == "WARNING"
    assert line["logger"] == "tambon.cases"
    assert line["message"] == "Reporter [id-number] called from [phone]"
    assert line["time"].endswith("+00:00")
    assert ID_NUMBER not in production_logs.getvalue()
    assert PHONE not in production_logs.getvalue()


def failing_view(request):
    raise ValueError(f"could not save {request.POST.get('id_number')} for {EMAIL}")


def fine_view(request):
    return HttpResponse("ok")


urlpatterns = [
    path("boom/", failing_view),
    path("", include("tambon.urls")),
]


@pytest.mark.urls(__name__)
def test_a_server_error_reaches_admins_without_what_the_citizen_sent(db, site, production_logs):
    client = Client(raise_request_exception=False)
    client.cookies["citizen_draft"] = "draft-secret-value"
    response = client.post(
        f"/boom/?phone={PHONE.replace('-', '')}",
        {"id_number": ID_NUMBER, "detail": "my neighbour Somchai"},
        HTTP_HOST=site.hostname,
        HTTP_X_REQUEST_ID="abc-123",
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 500

    [message] = mail.outbox
    assert message.to == ["ops@example.org"]
    assert "ValueError" in message.body
    assert "/boom/" in message.subject
    assert "id_number" in message.body  # the field's name, to know which form it was
    for personal in (
        ID_NUMBER,
        PHONE.replace("-", ""),
        EMAIL,
        "Somchai",
        "draft-secret-value",
        "203.0.113.9",
    ):
        assert personal not in message.body
        assert personal not in message.subject

    [line] = [line for line in lines(production_logs) if line["logger"] == "django.request"]
    assert line["level"] == "ERROR"
    assert line["path"] == "/boom/"
    assert line["method"] == "POST"
    assert line["status"] == 500
    assert line["request_id"] == "abc-123"
    assert "ValueError: could not save [id-number] for [email]" in line["exception"]
    assert PHONE.replace("-", "") not in production_logs.getvalue()
    assert ID_NUMBER not in production_logs.getvalue()


@pytest.mark.urls(__name__)
def test_a_request_for_an_unknown_host_is_logged_not_mailed(db, production_logs):
    assert Client().get("/boom/", HTTP_HOST="scanner.invalid").status_code == 400
    assert mail.outbox == []
    assert any(
        line["logger"] == "django.security.DisallowedHost" for line in lines(production_logs)
    )
