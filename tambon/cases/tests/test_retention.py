import datetime
import io
import os

import pytest
from django.core.management import call_command
from django.utils import timezone

from tambon.cases import services
from tambon.cases.models import Case, EventKind, Reporter
from tambon.cases.uploads import check_upload

from . import files

pytestmark = pytest.mark.django_db


def finished_days_ago(case, user, days):
    services.assign(case, user, user)
    services.start(case, user)
    services.resolve(case, user, "เรียบร้อย")
    services.rate(case, 4)
    # Time passes: only the finishing date moves back, nothing else about the case.
    Case.objects.all_organizations().filter(pk=case.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=days)
    )


def purge():
    call_command("purge_case_personal_data", stdout=io.StringIO())


def test_an_old_finished_case_loses_its_reporter_and_files_but_stays(
    new_case, case_admin, settings
):
    settings.TAMBON_CASE_RETENTION_DAYS = 365
    case = new_case(files=[check_upload(files.jpeg_with_gps())], client_hash="abc")
    path = case.attachments.get().file.path
    finished_days_ago(case, case_admin, 400)
    purge()
    case.refresh_from_db()
    assert not Reporter.objects.all_organizations().filter(case=case).exists()
    assert not case.attachments.exists()
    assert not os.path.exists(path)
    assert case.client_hash == ""
    assert case.rating == 4  # the satisfaction figures stay
    assert case.events.last().kind == EventKind.INTERNAL_NOTE


def test_recent_and_open_cases_keep_their_reporter(new_case, case_admin, settings):
    settings.TAMBON_CASE_RETENTION_DAYS = 365
    recent = new_case()
    finished_days_ago(recent, case_admin, 30)
    still_open = new_case(now=timezone.now() - datetime.timedelta(days=800))
    purge()
    assert Reporter.objects.all_organizations().filter(case=recent).exists()
    assert Reporter.objects.all_organizations().filter(case=still_open).exists()


def test_an_open_case_cannot_be_purged(new_case):
    with pytest.raises(services.TransitionNotAllowed):
        services.purge_personal_data(new_case())
