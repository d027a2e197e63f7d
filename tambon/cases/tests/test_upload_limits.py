"""Files cost the server only once the sender may send: over the submission limit, or over
their allowance of files kept for forms not yet sent, a file is neither read nor stored, and
the sender is told why in Thai with their text kept."""

import pytest
from django.test import Client

from tambon.cases.models import Case

from . import files
from .test_public_forms import complaint_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(site, starter_categories):
    return Client()


def kept_files(private_media):
    folder = private_media / "pending"
    return sorted(folder.iterdir()) if folder.exists() else []


def post(client, address="203.0.113.5", **data):
    return client.post("/cases/new/complaint/", complaint_data(**data), REMOTE_ADDR=address)


def test_over_the_submission_limit_a_file_is_not_kept_and_the_text_comes_back(
    client, settings, private_media
):
    settings.TAMBON_CASE_SUBMISSIONS_PER_HOUR = 1
    assert post(client).status_code == 302
    response = post(client, subject="เรื่องที่สอง", attachments=files.png())
    assert response.status_code == 200
    assert "ไม่เกิน 1 เรื่อง" in response.context["refusal"]
    assert "เรื่องที่สอง" in response.content.decode()
    assert kept_files(private_media) == []


def test_files_beyond_the_senders_allowance_are_not_kept_and_say_why(
    client, settings, private_media
):
    settings.TAMBON_CASE_PENDING_BYTES_PER_ADDRESS = files.pdf().size + 10
    # A form with an error keeps its file, so the citizen need not choose it again...
    first = post(client, subject="", attachments=files.pdf("first.pdf"))
    assert first.status_code == 200 and len(kept_files(private_media)) == 1
    # ...until this address has sent its allowance's worth; a new session changes nothing.
    second = post(Client(), subject="", attachments=files.pdf("second.pdf"))
    assert len(kept_files(private_media)) == 1
    assert "ไม่ได้แนบ “second.pdf”" in second.content.decode()
    other = post(Client(), address="198.51.100.7", subject="", attachments=files.pdf())
    assert other.context["attached"]  # another sender still may


def test_the_sites_allowance_holds_for_all_senders_together(client, settings, private_media):
    settings.TAMBON_CASE_PENDING_BYTES_TOTAL = files.pdf().size + 10
    post(client, subject="", attachments=files.pdf("first.pdf"))
    refused = post(Client(), address="198.51.100.7", subject="", attachments=files.pdf("b.pdf"))
    assert "ไม่ได้แนบ “b.pdf”" in refused.content.decode()
    assert len(kept_files(private_media)) == 1


def test_a_case_sent_with_kept_files_leaves_none_behind(client, private_media):
    post(client, subject="", attachments=files.png())
    assert post(client).status_code == 302
    assert kept_files(private_media) == []
    assert Case.objects.all_organizations().get().attachments.count() == 1
