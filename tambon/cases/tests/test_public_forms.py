import io
import json
import re
import stat
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django_tasks_db.models import DBTaskResult
from PIL import Image

from tambon.cases.models import Attachment, Case, CaseKind, Category, Reporter
from tambon.core.tests.factories import default_organization
from tambon.core.tests.worker import run_ready_tasks

from . import files
from .factories import ServiceTypeFactory

pytestmark = pytest.mark.django_db

XSS = '<script>alert("ร้องเรียน")</script><img src=x onerror=alert(1)>'


def is_thai(messages):
    """Every message is written in Thai (the site speaks Thai to citizens)."""
    return bool(messages) and all(re.search("[\u0e01-\u0e5b]", str(m)) for m in messages)


def complaint_data(**overrides):
    data = {
        "subject": "ถนนหมู่ 3 เป็นหลุมลึก",
        "details": "หลุมกว้างประมาณหนึ่งเมตร รถจักรยานยนต์ล้มไปแล้วสองคัน",
        "location_text": "หน้าวัดพงษ์",
        "name": "สมหญิง รักดี",
        "phone": "081 234 5678",
        "email": "",
        "address": "",
        "citizen_id": "",
        "website": "",
    }
    if "category" not in overrides:
        categories = Category.objects.for_organization(default_organization())
        data["category"] = categories.of_kind(CaseKind.COMPLAINT).first().pk
    data.update(overrides)
    return data


@pytest.fixture
def client(site, starter_categories):
    ServiceTypeFactory(name="ขอรับน้ำอุปโภคบริโภค", slug="water-delivery")
    return Client()


def post(client, kind="complaint", **data):
    return client.post(f"/cases/new/{kind}/", data)


class TestFormPages:
    @pytest.mark.parametrize(
        "kind",
        [
            "complaint",
            "executive",
            "corruption",
            "eservice/water-delivery",
            "question",
            "information",
        ],
    )
    def test_each_public_form_shows_with_a_privacy_notice_not_based_on_consent(self, client, kind):
        response = client.get(f"/cases/new/{kind}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="csrfmiddlewaretoken"' in html
        assert 'id="privacy-heading"' in html
        assert "24 (4)" in html
        assert response["Cache-Control"].count("no-store") == 1

    def test_an_unknown_kind_is_not_found(self, client):
        assert client.get("/cases/new/salary/").status_code == 404

    def test_a_complaint_is_filed_and_the_receipt_shows_code_and_pin_once(self, client):
        response = post(client, **complaint_data())
        assert response.status_code == 302
        case = Case.objects.all_organizations().get(subject="ถนนหมู่ 3 เป็นหลุมลึก")
        assert case.kind == CaseKind.COMPLAINT
        assert case.reporter.phone == "0812345678"
        receipt = client.get(response["Location"]).content.decode()
        assert case.display_code in receipt
        pin = receipt.split('class="receipt__pin">')[1].split("<")[0]
        assert len(pin) == 6
        again = client.get("/cases/receipt/")
        assert again.status_code == 302  # shown once, then only the tracking page

    def test_no_public_address_carries_the_case_number_or_code(self, client):
        response = post(client, **complaint_data())
        case = Case.objects.all_organizations().latest("pk")
        assert case.tracking_code not in response["Location"]
        assert f"/{case.pk}/" not in response["Location"]

    def test_the_client_address_is_kept_only_as_a_keyed_hash(self, client):
        client.post("/cases/new/complaint/", complaint_data(), REMOTE_ADDR="203.0.113.77")
        case = Case.objects.all_organizations().latest("pk")
        assert case.client_hash
        assert "203.0.113.77" not in case.client_hash


class TestReceiptMail:
    def test_the_receipt_is_mailed_by_the_worker_after_the_request_and_only_once(
        self, client, database_tasks, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, **complaint_data(email="somying@example.com"))
        assert response.status_code == 302
        assert mail.outbox == []  # the request has answered; the mail waits for the worker
        queued = DBTaskResult.objects.get(task_path="tambon.cases.notify.notify_citizen")
        assert "somying" not in json.dumps(queued.args_kwargs)  # ids in the queue, not addresses
        assert "สมหญิง" not in json.dumps(queued.args_kwargs, ensure_ascii=False)

        run_ready_tasks()
        assert [message.to for message in mail.outbox] == [["somying@example.com"]]
        case = Case.objects.all_organizations().get(subject="ถนนหมู่ 3 เป็นหลุมลึก")
        assert case.display_code in mail.outbox[0].subject

        # The same task run again (a worker stopped before it recorded the success): no mail.
        DBTaskResult.objects.filter(pk=queued.pk).update(status="READY")
        assert run_ready_tasks() == 1
        assert len(mail.outbox) == 1


class TestRequiredDetails:
    def test_a_complaint_needs_a_name_and_a_way_to_answer(self, client):
        response = post(client, **complaint_data(name="", phone=""))
        assert response.status_code == 200
        form = response.context["form"]
        assert "name" in form.errors
        assert "phone" in form.errors
        assert not Case.objects.all_organizations().filter(subject="ถนนหมู่ 3 เป็นหลุมลึก").exists()

    def test_a_corruption_complaint_may_be_anonymous(self, client):
        response = post(
            client,
            "corruption",
            subject="เจ้าหน้าที่เรียกรับเงิน",
            details="มีการเรียกรับเงินเพื่อเร่งอนุญาต",
        )
        assert response.status_code == 302
        case = Case.objects.all_organizations().get(subject="เจ้าหน้าที่เรียกรับเงิน")
        assert not Reporter.objects.all_organizations().filter(case=case).exists()

    def test_an_information_request_needs_name_and_address(self, client):
        response = post(client, "information", subject="ขอสำเนาสัญญาจ้าง", details="สัญญาเลขที่ 5/2568")
        form = response.context["form"]
        assert set(form.errors) >= {"name", "address"}

    @pytest.mark.parametrize("citizen_id", ["1103702071562", "12345", "๑๒๓", "abcdefghijklm"])
    def test_an_invalid_citizen_id_is_refused_in_thai_and_the_text_kept(self, client, citizen_id):
        response = post(client, **complaint_data(citizen_id=citizen_id))
        assert response.status_code == 200
        html = response.content.decode()
        assert is_thai(response.context["form"].errors["citizen_id"])
        assert "หลุมกว้างประมาณหนึ่งเมตร" in html

    def test_a_valid_citizen_id_in_thai_digits_is_stored_in_arabic_digits(self, client):
        post(client, **complaint_data(citizen_id="๑-๑๐๓๗-๐๒๐๗๑-๕๖-๑"))
        assert Case.objects.all_organizations().latest("pk").reporter.citizen_id == "1103702071561"

    def test_an_invalid_phone_is_refused(self, client):
        response = post(client, **complaint_data(phone="12345"))
        assert "phone" in response.context["form"].errors


class TestHostileText:
    def test_script_in_thai_text_is_stored_as_text_and_escaped_on_every_page(self, client):
        response = post(client, **complaint_data(subject=XSS, details=XSS, name=XSS))
        assert response.status_code == 302
        case = Case.objects.all_organizations().latest("pk")
        assert case.subject == XSS
        for page in (client.get(response["Location"]), client.get("/cases/track/")):
            html = page.content.decode()
            assert "<script>alert" not in html
            assert "&lt;script&gt;alert" in html

    def test_ten_thousand_characters_are_accepted_and_more_are_refused(self, client):
        fits = "ก" * 10_000
        assert post(client, **complaint_data(details=fits)).status_code == 302
        assert Case.objects.all_organizations().latest("pk").details == fits
        response = post(client, **complaint_data(details=fits + "ข"))
        assert response.status_code == 200
        assert "details" in response.context["form"].errors

    def test_zero_width_and_direction_characters_are_removed(self, client):
        tricky = "\u202eถนน\u200bพัง\u200d\u2066 หมู่ 3\ufeff"
        post(client, **complaint_data(subject=tricky))
        assert Case.objects.all_organizations().latest("pk").subject == "ถนนพัง หมู่ 3"

    def test_a_null_character_is_refused_not_crashed(self, client):
        response = post(client, **complaint_data(subject="ถนน\x00พัง"))
        assert response.status_code == 200
        assert "subject" in response.context["form"].errors

    def test_a_subject_of_invisible_characters_only_is_refused(self, client):
        response = post(client, **complaint_data(subject="\u200b\u202e\u200d"))
        assert "subject" in response.context["form"].errors

    def test_a_filled_honeypot_is_refused_and_says_why(self, client):
        response = post(client, **complaint_data(website="http://spam.example"))
        assert response.status_code == 200
        assert is_thai(response.context["form"].errors["website"])
        assert not Case.objects.all_organizations().filter(subject="ถนนหมู่ 3 เป็นหลุมลึก").exists()

    def test_nonsense_coordinates_are_refused_not_crashed(self, client):
        response = post(client, **complaint_data(latitude="999", longitude="abc"))
        assert response.status_code == 200
        assert {"latitude", "longitude"} <= set(response.context["form"].errors)


class TestRateLimit:
    def test_the_sixth_case_within_an_hour_from_one_session_is_refused(self, client, settings):
        settings.TAMBON_CASE_SUBMISSIONS_PER_HOUR = 5
        for _ in range(5):
            assert post(client, **complaint_data()).status_code == 302
        response = post(client, **complaint_data(subject="เรื่องที่หก"))
        assert response.status_code == 200
        assert is_thai([response.context["refusal"]])
        assert "เรื่องที่หก" in response.content.decode()  # the text is kept
        assert not Case.objects.all_organizations().filter(subject="เรื่องที่หก").exists()

    def test_the_limit_holds_per_address_across_sessions(self, settings, site, starter_categories):
        settings.TAMBON_CASE_SUBMISSIONS_PER_HOUR = 2
        for _ in range(2):
            Client().post("/cases/new/complaint/", complaint_data(), REMOTE_ADDR="198.51.100.9")
        refused = Client().post(
            "/cases/new/complaint/", complaint_data(), REMOTE_ADDR="198.51.100.9"
        )
        assert refused.context["refusal"]
        other = Client().post(
            "/cases/new/complaint/", complaint_data(), REMOTE_ADDR="198.51.100.10"
        )
        assert other.status_code == 302


class TestAttachments:
    def test_gps_and_other_metadata_are_gone_from_an_uploaded_photo(self, client):
        post(client, **complaint_data(attachments=files.jpeg_with_gps()))
        attachment = Attachment.objects.all_organizations().get(
            case=Case.objects.all_organizations().latest("pk")
        )
        with attachment.file.open("rb") as handle:
            stored = Image.open(io.BytesIO(handle.read()))
            assert stored.format == "JPEG"
            exif = stored.getexif()
        assert not exif.get_ifd(files.GPS)
        assert len(exif) == 0
        assert attachment.original_name == "photo.jpg"

    def test_uploads_are_stored_outside_the_public_media_folder(self, client, settings):
        post(client, **complaint_data(attachments=files.png()))
        path = Attachment.objects.all_organizations().latest("pk").file.path
        assert path.startswith(str(settings.TAMBON_PRIVATE_MEDIA_ROOT))
        assert not path.startswith(str(settings.MEDIA_ROOT))

    def test_an_upload_can_be_read_by_the_apps_own_account_only(self, client, settings):
        post(client, **complaint_data(attachments=files.png()))
        path = Path(Attachment.objects.all_organizations().latest("pk").file.path)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700

    @pytest.mark.parametrize(
        "upload", [files.exe_named_jpg, files.html_named_pdf, files.truncated_jpeg]
    )
    def test_a_disguised_or_broken_file_is_refused_in_thai_and_the_text_kept(self, client, upload):
        response = post(client, **complaint_data(attachments=upload()))
        assert response.status_code == 200
        assert "attachments" in response.context["form"].errors
        assert "หลุมกว้างประมาณหนึ่งเมตร" in response.content.decode()
        assert (
            not Attachment.objects.all_organizations().exists()
            or not Case.objects.all_organizations().filter(subject="ถนนหมู่ 3 เป็นหลุมลึก").exists()
        )

    def test_an_oversized_file_is_refused(self, client, settings):
        settings.TAMBON_CASE_MAX_UPLOAD_BYTES = 10_000
        response = post(client, **complaint_data(attachments=files.oversized_jpeg(10_000)))
        assert is_thai(response.context["form"].errors["attachments"])

    def test_a_pdf_is_accepted_as_it_is(self, client):
        post(client, **complaint_data(attachments=files.pdf()))
        attachment = Attachment.objects.all_organizations().latest("pk")
        assert attachment.content_type == "application/pdf"

    def test_an_error_elsewhere_keeps_the_accepted_photo_until_the_form_is_sent(self, client):
        response = post(client, **complaint_data(phone="", attachments=files.jpeg_with_gps()))
        assert response.status_code == 200
        html = response.content.decode()
        assert "photo.jpg" in html  # "already attached"
        assert "หลุมกว้างประมาณหนึ่งเมตร" in html
        response = post(client, **complaint_data())  # no file chosen again
        assert response.status_code == 302
        case = Case.objects.all_organizations().latest("pk")
        assert list(case.attachments.values_list("original_name", flat=True)) == ["photo.jpg"]

    def test_a_kept_attachment_can_be_removed_before_sending(self, client):
        response = post(client, **complaint_data(phone="", attachments=files.png()))
        token = response.context["attached"][0]["token"]
        response = post(client, **complaint_data(remove_attachment=token))
        assert response.status_code == 200  # shown again, without the file
        assert response.context["attached"] == []
        assert post(client, **complaint_data()).status_code == 302
        assert not Case.objects.all_organizations().latest("pk").attachments.exists()


class TestPageCache:
    @pytest.mark.parametrize("path", ["/cases/new/complaint/", "/cases/track/", "/cases/"])
    def test_a_case_page_is_never_served_from_the_page_cache(self, site, path):
        from django.core.handlers.wsgi import WSGIHandler
        from django.core.signals import request_finished, request_started
        from django.db import close_old_connections

        from tambon.core.pagecache import CachedPageApplication
        from tambon.stats.middleware import serve_cached_page

        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            app = CachedPageApplication(WSGIHandler(), on_hit=serve_cached_page)
            answers = [wsgi_get(app, path) for _ in range(2)]
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
        for headers, _body in answers:
            assert "X-Cache" not in headers
            assert "no-store" in headers["Cache-Control"]


def wsgi_get(app, path):
    import sys

    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "80",
        "HTTP_HOST": "localhost",
        "REMOTE_ADDR": "203.0.113.5",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    answer = {}

    def start_response(status, headers):
        answer["headers"] = dict(headers)

    body = b"".join(app(environ, start_response)).decode()
    return answer["headers"], body
