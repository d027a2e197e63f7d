"""A citizen's photo is decoded and encoded again by the background task, not in the request
(issue 11, item 3): until then it is listed as being checked and nobody downloads it (the
original may say where it was taken); a photo that cannot be decoded is rejected, its bytes
deleted, and the case's staff told. The request itself reads only the image's header."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from PIL import Image, ImageFile

from tambon.cases import cleaning
from tambon.cases.cleaning import clean_attachment
from tambon.cases.models import (
    AccessRecord,
    Attachment,
    AttachmentState,
    Case,
    CaseEvent,
    EventKind,
)
from tambon.cases.tasks import clean_waiting_photos
from tambon.composition.tests.hostile.files import pixel_flood_png
from tambon.core.tests.worker import run_ready_tasks

from . import files
from .test_admin import signed_in
from .test_public_forms import complaint_data, is_thai

pytestmark = pytest.mark.django_db

PROCESSING = "กำลังตรวจไฟล์"


@pytest.fixture
def citizen(site, starter_categories):
    return Client()


def file_a_complaint(citizen, upload):
    response = citizen.post("/cases/new/complaint/", complaint_data(attachments=upload))
    assert response.status_code == 302, response.context["form"].errors
    return Attachment.objects.all_organizations().get(
        case=Case.objects.all_organizations().latest("pk")
    )


def stored_files(private_media):
    return sorted(path for path in private_media.rglob("*") if path.is_file())


def address(attachment):
    return f"/cases/files/{attachment.public_id}/"


class TestUntilTheTaskRan:
    def test_the_photo_is_listed_as_being_checked_and_cannot_be_downloaded(
        self, citizen, clerk, database_tasks, private_media
    ):
        attachment = file_a_complaint(citizen, files.jpeg_with_gps())
        assert attachment.state == AttachmentState.PENDING
        (original,) = stored_files(private_media)
        assert files.holds_gps(original.read_bytes())  # what must never be served

        tracking = citizen.get("/cases/track/").content.decode()
        staff = signed_in(clerk)
        case_page = staff.get(f"/admin/cases/{attachment.case_id}/").content.decode()
        for page in (tracking, case_page):
            assert f'photo.jpg <span class="attachment-state">({PROCESSING})' in page
            assert address(attachment) not in page

        for client in (citizen, staff):
            refused = client.get(address(attachment))
            assert refused.status_code == 409
            assert refused["Content-Type"].startswith("text/html")
            assert "กำลังตรวจไฟล์นี้อยู่" in refused.content.decode()
            assert b"PhoneMaker" not in refused.content
        assert not AccessRecord.objects.all_organizations().exists()  # nothing was opened

        assert run_ready_tasks() == 1
        attachment.refresh_from_db()
        assert attachment.state == AttachmentState.READY
        assert address(attachment) in citizen.get("/cases/track/").content.decode()
        served = citizen.get(address(attachment))
        assert served.status_code == 200
        photo = b"".join(served.streaming_content)
        assert Image.open(io.BytesIO(photo)).format == "JPEG"
        assert not files.holds_gps(photo)
        # The original is gone from the disk; the one file left is the cleaned one.
        assert stored_files(private_media) == [private_media / attachment.file.name]
        assert attachment.size == len(photo)

    def test_the_request_decodes_no_pixel(self, citizen, database_tasks, monkeypatch):
        decoded = []

        def load(image):
            decoded.append(image.format)
            return original_load(image)

        original_load = ImageFile.ImageFile.load
        monkeypatch.setattr(ImageFile.ImageFile, "load", load)
        attachment = file_a_complaint(citizen, files.jpeg_with_gps())
        assert decoded == []
        run_ready_tasks()
        assert decoded  # the task did decode it
        attachment.refresh_from_db()
        assert attachment.is_ready

    def test_a_pixel_flood_is_refused_in_the_request_in_thai(self, citizen, private_media):
        flood = SimpleUploadedFile("flood.png", pixel_flood_png(), content_type="image/png")
        response = citizen.post("/cases/new/complaint/", complaint_data(attachments=flood))
        assert response.status_code == 200
        assert is_thai(response.context["form"].errors["attachments"])
        assert "ถนนหมู่ 3 เป็นหลุมลึก" in response.content.decode()  # the text is kept
        assert not Case.objects.all_organizations().exists()
        assert stored_files(private_media) == []


class TestTheTask:
    def test_a_photo_that_cannot_be_decoded_is_rejected_its_bytes_deleted_and_staff_told(
        self, citizen, clerk, private_media
    ):
        # The request accepts it (its header is sound); the task, run at once here, cannot
        # decode it.
        attachment = file_a_complaint(citizen, files.jpeg_with_gps_cut_short())
        attachment.refresh_from_db()
        assert attachment.state == AttachmentState.REJECTED
        assert attachment.file.name == "" and attachment.size == 0
        assert stored_files(private_media) == []  # nothing with its GPS position is kept

        note = CaseEvent.objects.all_organizations().get(
            case=attachment.case, kind=EventKind.INTERNAL_NOTE
        )
        assert "cut.jpg" in note.text and "อ่านไฟล์" in note.text
        assert not note.is_public
        case_page = signed_in(clerk).get(f"/admin/cases/{attachment.case_id}/").content.decode()
        assert note.text in case_page
        assert 'cut.jpg <span class="attachment-state">(อ่านไฟล์ไม่ได้ จึงลบแล้ว)' in case_page

        tracking = citizen.get("/cases/track/").content.decode()
        assert "(อ่านไฟล์ไม่ได้ จึงลบแล้ว)" in tracking
        assert note.text not in tracking  # staff's note
        refused = citizen.get(address(attachment))
        assert refused.status_code == 410
        assert "ระบบอ่านไฟล์นี้ไม่ได้" in refused.content.decode()

    def test_running_the_task_again_changes_nothing(self, citizen, database_tasks, private_media):
        attachment = file_a_complaint(citizen, files.jpeg_with_gps())
        run_ready_tasks()
        attachment.refresh_from_db()
        cleaned = (attachment.file.name, (private_media / attachment.file.name).read_bytes())

        clean_attachment.enqueue(attachment.pk)  # a worker stopped before it recorded success
        assert run_ready_tasks() == 1
        assert cleaning.clean(attachment.pk) == "nothing to do"
        attachment.refresh_from_db()
        assert attachment.is_ready
        assert (attachment.file.name, (private_media / attachment.file.name).read_bytes()) == (
            cleaned
        )
        assert stored_files(private_media) == [private_media / attachment.file.name]

    def test_a_rejected_photo_is_rejected_once(self, citizen, private_media):
        attachment = file_a_complaint(citizen, files.jpeg_with_gps_cut_short())
        assert cleaning.clean(attachment.pk) == "nothing to do"
        notes = CaseEvent.objects.all_organizations().filter(kind=EventKind.INTERNAL_NOTE)
        assert notes.count() == 1

    def test_a_photo_deleted_before_the_task_ran_is_left_alone(
        self, citizen, database_tasks, private_media
    ):
        attachment = file_a_complaint(citizen, files.jpeg_with_gps())
        attachment.file.delete(save=False)
        Attachment.objects.all_organizations().filter(pk=attachment.pk).delete()
        assert run_ready_tasks() == 1
        assert stored_files(private_media) == []

    def test_a_pdf_is_ready_at_once_without_the_task(self, citizen, database_tasks):
        attachment = file_a_complaint(citizen, files.pdf())
        assert attachment.is_ready
        assert run_ready_tasks() == 0
        assert citizen.get(address(attachment)).status_code == 200

    def test_the_queue_holds_the_attachments_id_only(self, citizen, database_tasks):
        from django_tasks_db.models import DBTaskResult

        attachment = file_a_complaint(citizen, files.jpeg_with_gps())
        queued = DBTaskResult.objects.get(task_path="tambon.cases.cleaning.clean_attachment")
        assert queued.args_kwargs == {"args": [attachment.pk], "kwargs": {}}

    def test_a_photo_whose_task_was_lost_is_cleaned_by_the_hourly_sweep(
        self, citizen, database_tasks
    ):
        from django_tasks_db.models import DBTaskResult

        attachment = file_a_complaint(citizen, files.jpeg_with_gps())
        DBTaskResult.objects.all().delete()  # failed every attempt, or lost
        clean_waiting_photos.enqueue()
        run_ready_tasks()
        attachment.refresh_from_db()
        assert attachment.is_pending  # not an hour yet: its own task may still come

        Attachment.objects.all_organizations().filter(pk=attachment.pk).update(
            created=timezone.now() - datetime.timedelta(hours=2)
        )
        clean_waiting_photos.enqueue()
        run_ready_tasks()
        attachment.refresh_from_db()
        assert attachment.is_ready

    def test_a_backup_taken_while_the_photo_was_cleaned_restores_it_cleaned(
        self, citizen, database_tasks, private_media
    ):
        # The database was copied with the row PENDING; the files after the task had stored
        # the cleaned copy and deleted the original.
        attachment = file_a_complaint(citizen, files.jpeg_with_gps())
        snapshot = (attachment.file.name, attachment.size)
        run_ready_tasks()
        attachment.refresh_from_db()
        assert attachment.file.name == cleaning.cleaned_name(snapshot[0])
        Attachment.objects.all_organizations().filter(pk=attachment.pk).update(
            file=snapshot[0], size=snapshot[1], state=AttachmentState.PENDING
        )
        assert cleaning.clean(attachment.pk) == "cleaned"
        attachment.refresh_from_db()
        assert attachment.is_ready
        photo = (private_media / attachment.file.name).read_bytes()
        assert not files.holds_gps(photo) and attachment.size == len(photo)
