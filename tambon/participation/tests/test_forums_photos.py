"""Residents' photos of a proposal: checked by content in the request (a file that is no
photo is refused in Thai and nothing is saved), cleaned of their GPS position by the task,
shown only once the proposal is published."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tambon.cases.tests import files
from tambon.participation.models import Moderation, PhaseKind, Proposal, ProposalPhoto
from tambon.participation.proposal_photos import clean
from tambon.participation.tasks import clean_waiting_proposal_photos
from tambon.thai.fiscal import today_in_bangkok

from .factories import ProposalFactory, VillageFactory, cycle_around
from .test_pages import _proposal_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return cycle_around(today_in_bangkok(), PhaseKind.COLLECT_NEEDS)


@pytest.fixture
def village(site):
    return VillageFactory(number=3, name="บ้านหนองทดสอบ")


def propose(client, cycle, village, photos):
    return client.post(
        f"/participation/{cycle.pk}/propose/", {**_proposal_data(village), "photos": photos}
    )


def test_photos_are_cleaned_of_gps_and_shown_once_the_proposal_is_published(client, cycle, village):
    response = propose(client, cycle, village, [files.jpeg_with_gps(), files.png()])
    assert response.status_code == 302
    proposal = Proposal.objects.for_organization(cycle.organization).get()
    photos = list(ProposalPhoto.objects.for_organization(cycle.organization).order_by("pk"))
    assert len(photos) == 2 and all(photo.cleaned for photo in photos)  # the task ran at once
    with photos[0].file.open("rb") as handle:
        assert not files.holds_gps(handle.read())
    address = f"/participation/{cycle.pk}/photos/{photos[0].pk}/"

    # Waiting for review: neither listed nor served.
    assert address not in client.get(f"/participation/{cycle.pk}/").content.decode()
    assert client.get(address).status_code == 404

    proposal.moderation = Moderation.PUBLISHED
    proposal.save()
    page = client.get(f"/participation/{cycle.pk}/").content.decode()
    assert address in page
    assert "ภาพที่ 1 ของ" in page  # the alternative text
    served = client.get(address)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/jpeg"
    data = b"".join(served.streaming_content)
    assert not files.holds_gps(data)
    assert Image.open(io.BytesIO(data)).size == (64, 48)


@pytest.mark.parametrize(
    ("photos", "message"),
    [
        ([files.exe_named_jpg()], "ไม่ใช่รูปถ่าย"),
        ([files.pdf()], "ไม่ใช่รูปถ่าย"),
        ([files.truncated_jpeg()], "อ่านไฟล์"),
        ([files.png(f"p{n}.png") for n in range(4)], "ส่งภาพได้ไม่เกิน 3 ภาพ"),
    ],
)
def test_a_file_that_is_no_photo_is_refused_in_thai_and_nothing_is_saved(
    client, cycle, village, photos, message
):
    response = propose(client, cycle, village, photos)
    assert response.status_code == 200
    text = response.content.decode()
    assert message in text
    assert "ขุดลอกหนองน้ำสาธารณะ" in text  # what was typed is kept
    assert not Proposal.objects.for_organization(cycle.organization).exists()
    assert not ProposalPhoto.objects.for_organization(cycle.organization).exists()


def test_a_photo_too_big_is_refused_before_it_is_read(client, cycle, village, settings):
    settings.TAMBON_PARTICIPATION_PHOTO_MAX_BYTES = 1000
    response = propose(client, cycle, village, [files.oversized_jpeg(1000)])
    assert "ใหญ่เกินไป" in response.content.decode()
    assert not Proposal.objects.for_organization(cycle.organization).exists()


def test_a_photo_that_cannot_be_decoded_is_deleted_by_the_task(client, cycle, village, tmp_path):
    response = propose(client, cycle, village, [files.jpeg_with_gps_cut_short()])
    assert response.status_code == 302  # its header read well in the request
    assert not ProposalPhoto.objects.for_organization(cycle.organization).exists()
    # Nothing with its GPS position is kept.
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []
    assert clean(999999) == "nothing to do"


def test_staff_see_the_photos_before_publishing_and_may_delete_one(
    client, cycle, village, tmp_path
):
    propose(client, cycle, village, [files.jpeg_with_gps(), files.png()])
    proposal = Proposal.objects.for_organization(cycle.organization).get()
    first, second = ProposalPhoto.objects.for_organization(cycle.organization).order_by("pk")
    staff = Client()
    staff.force_login(
        get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    )
    edit = reverse("wagtailsnippets_participation_proposal:edit", args=[proposal.pk])
    page = staff.get(edit).content.decode()
    view = reverse("participation_staff_photo", args=[first.pk])
    assert view in page
    assert staff.get(view).status_code == 200  # not published yet, but staff look at it
    assert client.get(view).status_code in (302, 403)  # the public never

    response = staff.post(reverse("participation_delete_photo", args=[first.pk]))
    assert response.status_code == 302
    remaining = ProposalPhoto.objects.for_organization(cycle.organization)
    assert list(remaining) == [second]
    assert len([path for path in tmp_path.rglob("*") if path.is_file()]) == 1


def test_a_photo_whose_task_was_lost_is_cleaned_by_the_hourly_sweep(cycle, village):
    proposal = ProposalFactory(cycle=cycle, village=village)
    photos = ProposalPhoto.objects.for_organization(cycle.organization)
    upload = files.jpeg_with_gps()
    photo = photos.create(
        proposal=proposal, file=ContentFile(upload.read(), name="p.jpg"), content_type="image/jpeg"
    )
    clean_waiting_proposal_photos.enqueue()
    assert not photos.get().cleaned  # sent a minute ago: its own task may still come
    photos.filter(pk=photo.pk).update(created=timezone.now() - datetime.timedelta(hours=2))
    clean_waiting_proposal_photos.enqueue()
    cleaned = photos.get()
    assert cleaned.cleaned
    with cleaned.file.open("rb") as handle:
        assert not files.holds_gps(handle.read())
