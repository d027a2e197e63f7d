"""A clerk uploading to a full or broken media disk: a Thai page that says the file could not be
stored, with what they typed given back, never the generic error page. The broken disk is real:
the media folder sits under a plain file, so every write fails in the operating system.
(A citizen's files: cases/tests/test_storage_faults.py.)"""

import html

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tambon.cases.tests import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_media(settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = str(blocker / "media")


@pytest.fixture
def clerk_client(site):
    clerk = get_user_model().objects.create_superuser("clerk", password="a-long-password-1")
    client = Client(raise_request_exception=False)
    client.force_login(clerk)
    return client


def test_an_image_upload_to_a_broken_disk_says_so_in_thai_and_keeps_the_title(
    clerk_client, broken_media
):
    title = "ภาพกิจกรรมวันเด็ก <b>2569</b>"
    upload = SimpleUploadedFile("children-day.png", files.png().read(), "image/png")
    response = clerk_client.post("/admin/images/add/", {"title": title, "file": upload})
    assert response.status_code == 507
    body = response.content.decode()
    assert "ระบบเก็บไฟล์ขัดข้อง" in body
    assert html.escape(title) in body
    assert "Traceback" not in body


def test_a_document_upload_to_a_broken_disk_says_so_in_thai(clerk_client, broken_media):
    upload = SimpleUploadedFile("budget.pdf", files.pdf().read(), "application/pdf")
    response = clerk_client.post("/admin/documents/add/", {"title": "งบประมาณ", "file": upload})
    assert response.status_code == 507
    assert "ระบบเก็บไฟล์ขัดข้อง" in response.content.decode()
