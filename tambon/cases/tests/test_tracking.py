import re
import stat
from pathlib import Path

import pytest
from django.test import Client

from tambon.cases import services, tracking
from tambon.cases.models import CaseKind, CaseState
from tambon.cases.uploads import check_upload
from tambon.thai.dates import format_thai_date

from . import files

pytestmark = pytest.mark.django_db


class TestCodes:
    def test_a_code_uses_no_look_alike_characters_and_reads_in_two_groups(self):
        for _ in range(200):
            code = tracking.new_code()
            assert len(code) == 8
            assert not set(code) & set("01OIL")
            assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", tracking.display_code(code))

    def test_a_code_typed_loosely_is_understood(self):
        assert tracking.normalize_code(" k7qm - 4x9p ") == "K7QM4X9P"


@pytest.fixture
def filed(new_case, site):
    return new_case()


def open_case(client, code, secret):
    return client.post("/cases/track/", {"action": "open", "code": code, "secret": secret})


class TestOpening:
    def test_the_tracking_page_needs_the_secret(self, filed):
        client = Client()
        response = open_case(client, filed.display_code, "000000" if filed.pin != "000000" else "1")
        assert response.status_code == 200
        assert filed.subject not in response.content.decode()
        assert client.get("/cases/track/").context.get("case") is None

    def test_the_code_alone_opens_nothing(self, filed):
        response = open_case(Client(), filed.display_code, "")
        assert filed.subject not in response.content.decode()

    @pytest.mark.parametrize("secret", ["pin", "081-234-5678", "SomChai@Example.com"])
    def test_the_pin_or_the_contact_given_opens_the_case(self, filed, secret):
        client = Client()
        secret = filed.pin if secret == "pin" else secret
        response = open_case(client, filed.tracking_code.lower(), secret)
        assert response.status_code == 302
        assert response["Location"] == "/cases/track/"  # nothing secret in the address
        page = client.get("/cases/track/").content.decode()
        assert filed.subject in page
        assert format_thai_date(filed.resolve_due) in page  # Buddhist-era deadline

    def test_another_device_does_not_see_the_opened_case(self, filed):
        open_case(Client(), filed.display_code, filed.pin)
        assert filed.subject not in Client().get("/cases/track/").content.decode()

    def test_guessing_is_stopped_after_a_few_wrong_tries(self, filed, settings):
        settings.TAMBON_CASE_TRACKING_ATTEMPTS_PER_HOUR = 3
        client = Client(REMOTE_ADDR="192.0.2.44")
        for guess in ("111111", "222222", "333333"):
            open_case(client, filed.display_code, guess)
        response = open_case(client, filed.display_code, filed.pin)
        assert response.status_code == 200
        assert response.context["refusal"]


@pytest.fixture
def opened(filed):
    client = Client()
    open_case(client, filed.display_code, filed.pin)
    return client, filed


class TestFollowing:
    def test_the_citizen_sees_public_replies_but_not_internal_notes(self, opened, clerk):
        client, case = opened
        services.add_note(case, clerk, "ผู้ร้องเป็นญาตินายก")
        services.reply(case, clerk, "ช่างจะเข้าไปซ่อมวันพุธ")
        html = client.get("/cases/track/").content.decode()
        assert "ช่างจะเข้าไปซ่อมวันพุธ" in html
        assert "ผู้ร้องเป็นญาตินายก" not in html

    def test_the_citizen_answers_a_question_with_a_photo(self, opened, case_admin):
        client, case = opened
        services.assign(case, case_admin, case_admin)
        services.start(case, case_admin)
        services.ask_citizen(case, case_admin, "ขอรูปถ่ายจุดที่ไฟดับ")
        response = client.post(
            "/cases/track/",
            {"action": "message", "text": "ส่งรูปมาให้ครับ", "attachments": files.jpeg_with_gps()},
        )
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.state == CaseState.IN_PROGRESS
        attachment = case.attachments.get()
        assert client.get(f"/cases/files/{attachment.public_id}/").status_code == 200
        assert Client().get(f"/cases/files/{attachment.public_id}/").status_code == 404

    def test_a_bad_file_in_a_message_gets_an_error_not_a_crash(self, opened):
        client, case = opened
        response = client.post(
            "/cases/track/",
            {"action": "message", "text": "ไฟล์", "attachments": files.exe_named_jpg()},
        )
        assert response.status_code == 200
        assert "attachments" in response.context["message_form"].errors
        assert not case.attachments.exists()

    def test_the_citizen_rates_a_resolved_case_once(self, opened, case_admin):
        client, case = opened
        services.assign(case, case_admin, case_admin)
        services.start(case, case_admin)
        services.resolve(case, case_admin, "ซ่อมไฟเรียบร้อยแล้ว")
        assert 'name="rating"' in client.get("/cases/track/").content.decode()
        response = client.post("/cases/track/", {"action": "rate", "rating": "5", "comment": ""})
        assert response.status_code == 302
        case.refresh_from_db()
        assert case.rating == 5
        again = client.post("/cases/track/", {"action": "rate", "rating": "1"})
        assert again.status_code == 200
        case.refresh_from_db()
        assert case.rating == 5

    def test_a_rating_out_of_range_is_refused(self, opened, case_admin):
        client, case = opened
        services.assign(case, case_admin, case_admin)
        services.start(case, case_admin)
        services.resolve(case, case_admin, "เรียบร้อย")
        response = client.post("/cases/track/", {"action": "rate", "rating": "99"})
        assert response.status_code == 200
        case.refresh_from_db()
        assert case.rating is None


class TestFiles:
    def test_staff_who_may_see_the_case_get_its_files_and_others_do_not(
        self, new_case, integrity_officer, executive, site
    ):
        upload = files.png()
        clean = check_upload(upload)
        case = new_case(kind=CaseKind.CORRUPTION, files=[clean])
        attachment = case.attachments.get()
        address = f"/cases/files/{attachment.public_id}/"
        officer = Client()
        officer.force_login(integrity_officer)
        assert officer.get(address).status_code == 200
        boss = Client()
        boss.force_login(executive)
        assert boss.get(address).status_code == 404

    def test_behind_nginx_the_app_checks_who_asks_and_nginx_sends_the_file(
        self, new_case, integrity_officer, executive, site, settings
    ):
        settings.TAMBON_ACCEL_REDIRECT = "/_protected/"
        case = new_case(kind=CaseKind.CORRUPTION, files=[check_upload(files.pdf("จดหมาย.pdf"))])
        attachment = case.attachments.get()
        address = f"/cases/files/{attachment.public_id}/"
        officer = Client()
        officer.force_login(integrity_officer)
        response = officer.get(address)
        assert response.status_code == 200
        assert response["X-Accel-Redirect"] == f"/_protected/{attachment.file.name}"
        assert response.content == b""  # nginx sends the bytes
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"].startswith("attachment;")
        assert "%E0%B8%88" in response["Content-Disposition"]  # the Thai name, encoded
        assert response["Cache-Control"].startswith("private, no-store")
        assert response["Content-Security-Policy"] == "sandbox; default-src 'none'"
        # nginx, in the app's group, may read the file; other accounts still may not.
        assert stat.S_IMODE(Path(attachment.file.path).stat().st_mode) == 0o640
        boss = Client()
        boss.force_login(executive)
        boss_response = boss.get(address)
        assert boss_response.status_code == 404
        assert "X-Accel-Redirect" not in boss_response


class TestPins:
    def test_a_pin_is_stored_salted_and_only_its_own_digits_match(self):
        pin = tracking.new_pin()
        first, second = tracking.hash_pin(pin), tracking.hash_pin(pin)
        assert first != second  # salted
        assert pin not in first
        assert tracking.pin_matches(pin, first)
        assert tracking.pin_matches(f" {pin[:3]} {pin[3:]} ", first)
        other = str((int(pin) + 1) % 1_000_000).zfill(6)
        assert not tracking.pin_matches(other, first)
        assert not tracking.pin_matches("", first)
        assert not tracking.pin_matches(pin, "garbage")
