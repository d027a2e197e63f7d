import datetime

import pytest
from django.core import mail

from tambon.cases import services
from tambon.cases.models import CaseKind
from tambon.cases.reminders import send_reminders

from .conftest import make_user

pytestmark = pytest.mark.django_db
LONG_AGO = datetime.datetime(2020, 1, 6, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def people(db):
    from tambon.cases import roles

    found = {
        "head": make_user("head", roles.DIVISION_HEAD),
        "boss": make_user("boss", roles.EXECUTIVE),
        "integrity": make_user("integrity", roles.INTEGRITY),
        "clerk": make_user("clerk", roles.CLERK),
    }
    for name, user in found.items():
        user.email = f"{name}@pong.example"
        user.save()
    return found


def mailed_to(address):
    return "\n".join(m.body for m in mail.outbox if m.to == [address])


def test_overdue_cases_are_mailed_to_the_assignee_and_the_supervisors(new_case, people):
    late = new_case(subject="ท่อประปาแตก", now=LONG_AGO)
    services.assign(late, people["clerk"], people["clerk"])
    on_time = new_case(subject="ไฟกิ่งใหม่")
    send_reminders()
    for name in ("head", "clerk"):
        body = mailed_to(f"{name}@pong.example")
        assert late.display_code in body
        assert on_time.display_code not in body
    assert all("เกินกำหนด" in m.subject for m in mail.outbox)


def test_an_overdue_corruption_case_is_mailed_to_integrity_officers_only(new_case, people):
    late = new_case(kind=CaseKind.CORRUPTION, subject="เรียกรับเงิน", now=LONG_AGO)
    send_reminders()
    assert late.display_code in mailed_to("integrity@pong.example")
    for name in ("boss", "head", "clerk"):
        assert late.display_code not in mailed_to(f"{name}@pong.example")


def test_a_person_is_reminded_once_a_day_however_often_the_reminder_runs(new_case, people):
    """The worker may run the daily task twice (a retry, a second worker, the command by hand)."""
    new_case(subject="ท่อประปาแตก", now=LONG_AGO)
    monday = datetime.datetime(2026, 12, 7, 1, 0, tzinfo=datetime.UTC)  # 08:00 in Bangkok
    assert send_reminders(monday) == 1
    assert send_reminders(monday + datetime.timedelta(hours=10)) == 0  # 18:00, the same day
    assert len(mail.outbox) == 1
    assert send_reminders(monday + datetime.timedelta(days=1)) == 1  # the next day: again
    assert [m.to for m in mail.outbox] == [["head@pong.example"]] * 2
