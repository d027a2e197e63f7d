"""A full or read-only disk for case files: the citizen gets a Thai message and their text back,
never the error page, and nothing half-filed. The broken disk is real: the folder for case
files sits under a plain file, so every write fails in the operating system."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from tambon.cases.models import Case

from . import files
from .test_public_forms import complaint_data, post

pytestmark = pytest.mark.django_db

SAYS_FILES_NOT_STORED = "เก็บไฟล์"


@pytest.fixture
def client(site, starter_categories):
    return Client()


@pytest.fixture
def broken_disk(settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.TAMBON_PRIVATE_MEDIA_ROOT = blocker / "private"


def form_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_a_complaint_with_a_photo_comes_back_with_a_thai_message_and_the_text_kept(
    client, broken_disk
):
    response = post(client, **complaint_data(attachments=files.png()))

    assert response.status_code == 200
    page = form_of(response)
    assert SAYS_FILES_NOT_STORED in page.select_one("[role=alert]").get_text()
    assert page.select_one("input[name=subject]")["value"] == "ถนนหมู่ 3 เป็นหลุมลึก"
    assert "หลุมกว้างประมาณหนึ่งเมตร" in page.select_one("textarea[name=details]").get_text()
    assert not Case.objects.all_organizations().exists()


def test_a_complaint_without_files_is_filed_all_the_same(client, broken_disk):
    response = post(client, **complaint_data())

    assert response.status_code == 302
    assert Case.objects.all_organizations().count() == 1


def test_a_message_with_a_file_on_the_tracking_page_comes_back_with_the_text_kept(
    settings, tmp_path, new_case
):
    settings.TAMBON_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    case = new_case()
    client = Client()
    client.post("/cases/track/", {"action": "open", "code": case.tracking_code, "secret": case.pin})
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.TAMBON_PRIVATE_MEDIA_ROOT = blocker / "private"

    response = client.post(
        "/cases/track/",
        {"action": "message", "text": "ส่งรูปเพิ่มเติมครับ", "attachments": files.png()},
    )

    assert response.status_code == 200
    page = form_of(response)
    assert SAYS_FILES_NOT_STORED in page.get_text()
    assert "ส่งรูปเพิ่มเติมครับ" in page.select_one("textarea[name=text]").get_text()
    assert not case.events.filter(text__contains="ส่งรูปเพิ่มเติม").exists()
