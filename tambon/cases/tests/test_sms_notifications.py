"""Citizens hear back on the channel they gave: e-mail, or a text message through their
organization's own SMS provider (console in development, ThaiBulkSMS over HTTP)."""

import base64
import io
import json
import logging
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import mail

from tambon.cases import services
from tambon.cases.models import Case, NotificationSettings
from tambon.cases.sms import secret
from tambon.cases.sms.providers import ConsoleProvider, SendFailed, ThaiBulkSmsProvider, masked
from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site

PHONE_ONLY = {"name": "สมศรี มีสุข", "phone": "0812345678", "email": ""}


@pytest.fixture
def console(monkeypatch):
    """What the console provider printed."""
    out = io.StringIO()
    monkeypatch.setattr(ConsoleProvider, "stream", out)
    return out


def choose_provider(organization, provider, **credentials):
    settings_ = NotificationSettings.objects.filter(site_id=organization.site_id).first()
    settings_ = settings_ or NotificationSettings(site_id=organization.site_id)
    settings_.sms_provider = provider
    settings_.sms_sender_name = credentials.get("sender", "")
    settings_.sms_api_key_encrypted = secret.encrypt(credentials.get("key", ""))
    settings_.sms_api_secret_encrypted = secret.encrypt(credentials.get("secret", ""))
    settings_.save()


def test_a_citizen_who_gave_only_a_phone_gets_a_text_on_acknowledgement_and_reply(
    new_case, clerk, console, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = new_case(reporter=PHONE_ONLY)
    choose_provider(case.organization, "console", sender="TAMBON")
    with django_capture_on_commit_callbacks(execute=True):
        services.acknowledge(case, clerk)
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(case, clerk, "ช่างจะไปซ่อมวันพรุ่งนี้")
    printed = console.getvalue()
    assert printed.count("SMS to 08xxxxx678") == 2
    assert "0812345678" not in printed  # the number never in full
    assert case.display_code in printed
    assert "สถานะ: ตอบรับเรื่องแล้ว" in printed
    assert "เราตอบเรื่องของท่าน" in printed  # the reply, told in Thai
    assert "/cases/track/" in printed
    assert mail.outbox == []


def test_a_citizen_who_gave_an_email_gets_mail_and_no_text(
    new_case, clerk, console, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = new_case()  # the default reporter gave phone and e-mail
    choose_provider(case.organization, "console")
    with django_capture_on_commit_callbacks(execute=True):
        services.acknowledge(case, clerk)
        services.reply(case, clerk, "ช่างจะไปซ่อมวันพรุ่งนี้")
    assert [m.to for m in mail.outbox] == [["somchai@example.com"]] * 3
    assert "ช่างจะไปซ่อมวันพรุ่งนี้" in mail.outbox[2].body
    assert console.getvalue() == ""


def test_without_a_provider_nothing_is_sent_and_the_case_goes_on(
    new_case, clerk, console, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = new_case(reporter=PHONE_ONLY)
        services.acknowledge(case, clerk)
    assert console.getvalue() == ""
    assert Case.objects.for_organization(case.organization).get(pk=case.pk).state == "acknowledged"


def test_one_organizations_provider_is_never_used_for_another(
    site, clerk, console, django_capture_on_commit_callbacks
):
    from tambon.cases.tests.factories import CaseFactory

    other = Organization.for_site(second_organization_site())
    mine = Organization.for_site(site)
    choose_provider(mine, "console", sender="MINE")
    with django_capture_on_commit_callbacks(execute=True):
        CaseFactory(organization=other, reporter=PHONE_ONLY)
    assert console.getvalue() == ""  # the other organization chose no provider
    choose_provider(other, "console", sender="OTHER")
    with django_capture_on_commit_callbacks(execute=True):
        CaseFactory(organization=other, reporter=PHONE_ONLY)
    assert "from OTHER" in console.getvalue()
    assert "MINE" not in console.getvalue()


def test_credentials_are_stored_encrypted_and_never_shown(site):
    organization = Organization.for_site(site)
    choose_provider(organization, "thaibulksms", key="key-123", secret="s3cret-value")
    row = NotificationSettings.objects.get(site=site)
    assert "s3cret-value" not in row.sms_api_secret_encrypted
    assert "s3cret-value" not in repr(row) + repr(row.sms_sender())
    assert row.sms_sender().api_secret == "s3cret-value"


def test_the_admin_form_keeps_a_stored_secret_when_the_box_is_left_empty(site, superuser, client):
    choose_provider(Organization.for_site(site), "thaibulksms", key="key-1", secret="first")
    client.force_login(superuser)
    url = f"/admin/settings/cases/notificationsettings/{site.pk}/"
    page = client.get(url).content.decode()
    assert "first" not in page and "key-1" not in page
    answer = client.post(
        url,
        {
            "sms_provider": "thaibulksms",
            "sms_sender_name": "TAMBON",
            "sms_api_key": "",
            "sms_api_secret": "second",
        },
    )
    assert answer.status_code == 302
    sender = NotificationSettings.objects.get(site=site).sms_sender()
    assert (sender.api_key, sender.api_secret, sender.sender_name) == ("key-1", "second", "TAMBON")


class FakeThaiBulkSms(BaseHTTPRequestHandler):
    """A loopback stand-in for the ThaiBulkSMS API: records what it got, answers as told."""

    received = []
    status = 201

    def do_POST(self):
        length = int(self.headers["Content-Length"])
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        FakeThaiBulkSms.received.append((self.headers["Authorization"], form))
        body = json.dumps({"remaining_credit": 99} if self.status < 400 else {"error": {}})
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):  # the test output stays quiet
        pass


@pytest.fixture
def thaibulksms(settings):
    server = HTTPServer(("127.0.0.1", 0), FakeThaiBulkSms)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.TAMBON_SMS_THAIBULKSMS_URL = f"http://127.0.0.1:{server.server_port}/sms"
    FakeThaiBulkSms.received, FakeThaiBulkSms.status = [], 201
    yield FakeThaiBulkSms
    server.shutdown()
    server.server_close()


def test_thaibulksms_gets_the_number_the_text_and_the_organizations_account(
    new_case, clerk, thaibulksms, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case = new_case(reporter=PHONE_ONLY)
    choose_provider(case.organization, "thaibulksms", sender="TAMBON", key="k", secret="s")
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(case, clerk, "ช่างจะไปซ่อมวันพรุ่งนี้")
    [(authorization, form)] = thaibulksms.received
    assert authorization == "Basic " + base64.b64encode(b"k:s").decode()
    assert form["msisdn"] == ["0812345678"]
    assert form["sender"] == ["TAMBON"]
    assert case.display_code in form["message"][0]


def test_a_refused_message_fails_without_the_number_or_the_secret_in_the_log(thaibulksms, caplog):
    thaibulksms.status = 401
    provider = ThaiBulkSmsProvider(sender_name="X", api_key="k", api_secret="topsecret")
    with caplog.at_level(logging.DEBUG), pytest.raises(SendFailed) as failure:
        provider.send("0812345678", "ทดสอบ")
    logged = caplog.text + str(failure.value)
    assert "401" in str(failure.value)
    assert "0812345678" not in logged and "topsecret" not in logged


def test_a_phone_number_is_masked_for_logs():
    assert masked("081-234-5678") == "08xxxxx678"
    assert masked("+66812345678") == "66xxxxxx678"


def test_the_case_administrator_chooses_the_provider_and_a_clerk_may_not(
    site, case_admin, clerk, client
):
    url = f"/admin/settings/cases/notificationsettings/{site.pk}/"
    client.force_login(clerk)
    assert client.get(url).status_code in (302, 403)
    client.force_login(case_admin)
    page = client.get(url)
    assert page.status_code == 200
    assert "ส่งข้อความ SMS ผ่าน" in page.content.decode()
