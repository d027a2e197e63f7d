import os
import time

import pytest
from django.core.management import call_command
from django.test import Client

from tambon.cases.models.attachments import private_storage

from . import files
from .test_public_forms import complaint_data

pytestmark = pytest.mark.django_db


def test_files_of_abandoned_forms_are_deleted_after_a_day(site, starter_categories, private_media):
    Client().post("/cases/new/complaint/", complaint_data(phone="", attachments=files.png()))
    Client().post("/cases/new/complaint/", complaint_data(phone="", attachments=files.pdf()))
    kept = sorted(private_storage.listdir("pending")[1])
    assert len(kept) == 2
    day_old = time.time() - 25 * 3600
    os.utime(private_storage.path(f"pending/{kept[0]}"), (day_old, day_old))
    call_command("purge_pending_uploads", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert private_storage.listdir("pending")[1] == [kept[1]]
