"""The one case vocabulary: who may take each staff action, what the buttons say, and that
every part of the app reads the same definition."""

import pytest

from tambon.cases import actions, notify, roles, services
from tambon.cases.models import CaseKind, StaffRole
from tambon.cases.staff_forms import FORMS, StepForm

from .conftest import make_user
from .test_admin import signed_in

pytestmark = pytest.mark.django_db

EVERY_STAFF_STEP = {
    "acknowledge",
    "assign",
    "start",
    "ask_citizen",
    "resolve",
    "reject",
    "close",
    "reopen",
    "reply",
    "add_note",
    "change_deadline",
    "decide",
}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (StaffRole.CLERK, {"acknowledge", "assign", "reject", "reply", "add_note", "close"}),
        (StaffRole.DIVISION_HEAD, EVERY_STAFF_STEP),
        (StaffRole.EXECUTIVE, EVERY_STAFF_STEP),
        (StaffRole.ADMIN, EVERY_STAFF_STEP),
    ],
)
def test_what_each_role_may_do_with_a_complaint(role, expected, new_case):
    person = make_user(f"staff-{role}", role)
    case = new_case()
    may = {a.value for a in actions.STAFF if a in FORMS and roles.can_do(person, case, a)}
    assert may == expected


def test_the_assignee_may_work_on_their_case_whatever_their_role(new_case, clerk):
    case = new_case()
    services.assign(case, clerk, clerk)
    may = {a.value for a in actions.STAFF if a in FORMS and roles.can_do(clerk, case, a)}
    assert may == {"acknowledge", "assign", "reject", "reply", "add_note", "close"} | {
        "start",
        "ask_citizen",
        "resolve",
        "decide",
    }


def test_integrity_officers_take_every_step_on_corruption_cases_only(new_case):
    officer = make_user("integrity2", StaffRole.INTEGRITY)
    corruption, complaint = new_case(kind=CaseKind.CORRUPTION), new_case()
    assert {a.value for a in actions.STAFF if roles.can_do(officer, corruption, a)} >= (
        EVERY_STAFF_STEP
    )
    assert not [a for a in actions.STAFF if roles.can_do(officer, complaint, a)]


def test_every_step_taken_with_a_message_has_a_service_verb_of_its_name():
    for action, form in FORMS.items():
        if form is StepForm:
            assert callable(getattr(services, action.value)), action


def test_the_citizen_hears_of_receipt_replies_questions_and_outcomes():
    assert {
        "submit",
        "acknowledge",
        "reply",
        "ask_citizen",
        "resolve",
        "reject",
    } == notify.NOTIFIED_ACTIONS


def test_the_buttons_keep_their_thai_labels(case_admin, new_case):
    html = signed_in(case_admin).get(f"/admin/cases/{new_case().pk}/").content.decode()
    for label in (
        "ตอบรับเรื่อง",
        "ไม่รับเรื่อง",
        "ส่งคำตอบ",
        "เพิ่มบันทึก",
        "มอบหมาย",
        "เปลี่ยนกำหนดเวลา",
    ):
        assert f">{label}</button>" in html, label


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "explode"}, "Unknown action."),
        ({"action": "reply", "text": "   "}, "Write a message."),
        ({"action": "assign", "assignee": "abc"}, "Choose the person to give the case to."),
        (
            {"action": "change_deadline", "resolve_by": "15/01/2570", "text": "รองบ"},
            "Choose the new date.",
        ),
        (
            {"action": "decide", "decision": "refused", "answered_on": "2025-11-13"},
            "Write the reason for a refusal, or the agency it was forwarded to.",
        ),
    ],
)
def test_the_case_page_forms_say_what_is_wrong_in_thai(case_admin, new_case, data, message):
    from django.utils.translation import gettext, override

    case = new_case(kind=CaseKind.INFORMATION)
    response = signed_in(case_admin).post(f"/admin/cases/{case.pk}/act/", data, follow=True)
    with override("th"):
        expected = gettext(message)
    assert expected != message
    assert [str(m) for m in response.context["messages"]] == [expected]
    assert case.events.count() == 1  # nothing but its receipt
