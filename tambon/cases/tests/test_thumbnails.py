"""Photos on the staff's case page show as thumbnails: small copies of the cleaned photo, each
one sent written in the access trail like opening the photo; nothing for a photo not yet
cleaned, a document, or a case the member may not see."""

import io

import pytest
from PIL import Image

from tambon.cases.models import AccessAction, AccessRecord, CaseKind
from tambon.cases.uploads import check_upload

from . import files
from .test_admin import signed_in

pytestmark = pytest.mark.django_db


def opened_files(case):
    trail = AccessRecord.objects.all_organizations().filter(case_code=case.display_code)
    return list(trail.filter(action=AccessAction.OPENED_FILE).values_list("detail", flat=True))


def thumbnail_address(case, attachment):
    return f"/admin/cases/{case.pk}/thumbnails/{attachment.public_id}/"


@pytest.fixture
def with_photo(site, new_case):
    big = files.jpeg_with_gps(size=(1600, 1200))
    return new_case(files=[check_upload(big), check_upload(files.pdf())])


def test_a_cleaned_photo_shows_as_a_small_copy_and_is_in_the_trail(clerk, with_photo):
    photo, letter = with_photo.attachments.order_by("pk")
    assert photo.is_ready
    client = signed_in(clerk)
    page = client.get(f"/admin/cases/{with_photo.pk}/").content.decode()
    assert f'src="{thumbnail_address(with_photo, photo)}"' in page
    assert thumbnail_address(with_photo, letter) not in page  # a document has its name only
    assert opened_files(with_photo) == []  # the page alone shows no photo

    response = client.get(thumbnail_address(with_photo, photo))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    image = Image.open(io.BytesIO(response.content))
    assert max(image.size) <= 320
    assert not image.getexif().get_ifd(files.GPS)
    assert opened_files(with_photo) == [str(photo.public_id)]


def test_a_document_has_no_thumbnail(clerk, with_photo):
    letter = with_photo.attachments.order_by("pk").last()
    assert signed_in(clerk).get(thumbnail_address(with_photo, letter)).status_code == 404
    assert opened_files(with_photo) == []


def test_a_photo_not_yet_cleaned_has_no_thumbnail(clerk, site, new_case, database_tasks):
    case = new_case(files=[check_upload(files.jpeg_with_gps())])
    photo = case.attachments.get()
    assert photo.is_pending
    client = signed_in(clerk)
    assert (
        thumbnail_address(case, photo)
        not in client.get(f"/admin/cases/{case.pk}/").content.decode()
    )
    assert client.get(thumbnail_address(case, photo)).status_code == 404
    assert opened_files(case) == []


def test_a_case_the_member_may_not_see_shows_no_thumbnail(clerk, integrity_officer, site, new_case):
    case = new_case(kind=CaseKind.CORRUPTION, files=[check_upload(files.jpeg_with_gps())])
    photo = case.attachments.get()
    assert signed_in(clerk).get(thumbnail_address(case, photo)).status_code in (302, 404)
    assert opened_files(case) == []
    assert signed_in(integrity_officer).get(thumbnail_address(case, photo)).status_code == 200


def test_a_photo_of_another_case_is_not_found_through_this_one(clerk, with_photo, new_case):
    other = new_case()
    photo = with_photo.attachments.order_by("pk").first()
    assert signed_in(clerk).get(thumbnail_address(other, photo)).status_code == 404
