"""What an officer types beside a button of the case page is kept: in the case's timeline,
and on the citizen's tracking page when the box says it is for the citizen."""

import pytest
from django.test import Client

from tambon.cases import actions, services
from tambon.cases.models import CaseState
from tambon.cases.staff_forms import FORMS

from .test_admin import signed_in
from .test_tracking import open_case

pytestmark = pytest.mark.django_db


def press(user, case, action, text, **extra):
    response = signed_in(user).post(
        f"/admin/cases/{case.pk}/act/", {"action": action, "text": text, **extra}, follow=True
    )
    assert response.status_code == 200
    case.refresh_from_db()
    return response


def tracking_page(case):
    client = Client()
    open_case(client, case.display_code, case.pin)
    return client.get("/cases/track/").content.decode()


def test_the_message_typed_with_acknowledge_reaches_the_timeline_and_the_citizen(
    case_admin, new_case, site
):
    case = new_case()
    press(case_admin, case, "acknowledge", "รับเรื่องแล้ว จะส่งช่างไปดูภายใน 3 วัน")
    assert case.state == CaseState.ACKNOWLEDGED
    event = case.events.get(to_state=CaseState.ACKNOWLEDGED)
    assert event.text == "รับเรื่องแล้ว จะส่งช่างไปดูภายใน 3 วัน"
    assert event.is_public
    staff_page = signed_in(case_admin).get(f"/admin/cases/{case.pk}/").content.decode()
    assert "รับเรื่องแล้ว จะส่งช่างไปดูภายใน 3 วัน" in staff_page
    assert "รับเรื่องแล้ว จะส่งช่างไปดูภายใน 3 วัน" in tracking_page(case)


@pytest.mark.parametrize(
    ("before", "action", "after"),
    [
        ([], "acknowledge", CaseState.ACKNOWLEDGED),
        (["assign"], "start", CaseState.IN_PROGRESS),
        (["assign", "start", "resolve"], "close", CaseState.CLOSED),
        (["assign", "start", "resolve"], "reopen", CaseState.IN_PROGRESS),
        (["assign", "start"], "ask_citizen", CaseState.WAITING),
        (["assign", "start"], "resolve", CaseState.RESOLVED),
        ([], "reject", CaseState.REJECTED),
    ],
)
def test_every_step_of_the_shared_message_box_keeps_its_message(
    case_admin, new_case, site, before, action, after
):
    case = new_case()
    for step in before:
        if step == "assign":
            services.assign(case, case_admin, case_admin)
        elif actions.get(step).needs_text:
            getattr(services, step)(case, case_admin, "ก่อนหน้า")
        else:
            getattr(services, step)(case, case_admin)
    press(case_admin, case, action, f"ข้อความของขั้น {action}")
    assert case.state == after
    assert case.events.filter(to_state=after, text=f"ข้อความของขั้น {action}").exists()
    assert f"ข้อความของขั้น {action}" in tracking_page(case)


def test_an_internal_note_stays_off_the_tracking_page(case_admin, new_case, site):
    case = new_case()
    press(case_admin, case, "add_note", "ผู้ร้องโทรมาซ้ำ")
    assert case.events.filter(text="ผู้ร้องโทรมาซ้ำ", is_public=False).exists()
    assert "ผู้ร้องโทรมาซ้ำ" in signed_in(case_admin).get(f"/admin/cases/{case.pk}/").content.decode()
    assert "ผู้ร้องโทรมาซ้ำ" not in tracking_page(case)


def test_the_reason_for_a_new_deadline_is_in_the_timeline(case_admin, new_case, site):
    case = new_case()
    press(case_admin, case, "change_deadline", "รองบประมาณ", resolve_by="2030-01-15")
    assert "รองบประมาณ" in case.events.latest("created").text


def test_every_action_of_the_case_page_keeps_what_is_typed_with_it():
    """One box of text sits beside the buttons: an action that dropped it lost the words."""
    assert [a.value for a in FORMS if not a.takes_text] == []
