import datetime

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tambon.cases import roles, services
from tambon.cases.models import (
    AccessAction,
    AccessRecord,
    CaseEvent,
    CaseKind,
    CaseState,
    EventKind,
)
from tambon.cases.uploads import check_upload
from tambon.thai.dates import BANGKOK

from . import files
from .conftest import group_with_role

pytestmark = pytest.mark.django_db


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def showings(case):
    """The access trail's showings of the case's reporter."""
    trail = AccessRecord.objects.all_organizations().filter(case_code=case.display_code)
    return trail.filter(action=AccessAction.VIEWED_IDENTITY)


@pytest.fixture
def corruption(new_case):
    return new_case(kind=CaseKind.CORRUPTION, subject="ปลัดเรียกรับเงินค่าอนุญาต")


@pytest.fixture
def complaint(new_case):
    return new_case(subject="ขยะไม่ได้เก็บสองสัปดาห์")


class TestList:
    def test_staff_see_only_the_cases_their_role_allows(self, executive, corruption, complaint):
        html = signed_in(executive).get("/admin/cases/").content.decode()
        assert complaint.subject in html
        assert corruption.subject not in html

    def test_integrity_officers_see_the_corruption_cases(self, integrity_officer, corruption):
        html = signed_in(integrity_officer).get("/admin/cases/").content.decode()
        assert corruption.subject in html

    def test_the_list_filters_by_kind_and_overdue(self, clerk, new_case, complaint):
        question = new_case(kind=CaseKind.QUESTION, subject="เปิดทำการวันเสาร์ไหม")
        late = new_case(
            subject="ท่อแตกหน้าบ้าน", now=datetime.datetime(2020, 1, 6, tzinfo=datetime.UTC)
        )
        client = signed_in(clerk)
        html = client.get("/admin/cases/", {"kind": "question"}).content.decode()
        assert question.subject in html
        assert complaint.subject not in html
        html = client.get("/admin/cases/", {"overdue": "on"}).content.decode()
        assert late.subject in html
        assert complaint.subject not in html

    def test_staff_outside_the_case_groups_are_refused(self, outsider, complaint):
        from django.contrib.auth.models import Permission

        outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
        response = signed_in(outsider).get("/admin/cases/")
        assert response.status_code in (302, 403)
        assert complaint.subject not in response.content.decode()


class TestAssigneeWhoseRoleChanged:
    """An integrity officer given a corruption complaint, then moved to the executives (who may
    be the ones complained about): the case was given to the officer, not to the person."""

    def test_the_case_and_its_file_are_closed_to_them_once_they_are_an_executive(
        self, integrity_officer, new_case
    ):
        case = new_case(
            kind=CaseKind.CORRUPTION,
            subject="ปลัดเรียกรับเงินค่าอนุญาต",
            files=[check_upload(files.pdf())],
        )
        services.assign(case, integrity_officer, integrity_officer)
        client = signed_in(integrity_officer)
        file_address = f"/cases/files/{case.attachments.get().public_id}/"
        assert client.get(file_address).status_code == 200  # while still the officer

        integrity_officer.groups.set([group_with_role(roles.EXECUTIVE)])
        client = signed_in(get_user_model().objects.get(pk=integrity_officer.pk))
        assert case.subject not in client.get("/admin/cases/").content.decode()
        assert client.get(f"/admin/cases/{case.pk}/").status_code == 404
        assert client.get(file_address).status_code == 404


class TestCasePage:
    def test_an_executive_cannot_open_a_corruption_case_even_by_its_address(
        self, executive, corruption
    ):
        client = signed_in(executive)
        assert client.get(f"/admin/cases/{corruption.pk}/").status_code == 404
        response = client.post(
            f"/admin/cases/{corruption.pk}/act/", {"action": "add_note", "text": "ขอดูหน่อย"}
        )
        assert response.status_code == 404
        assert not corruption.events.filter(kind=EventKind.INTERNAL_NOTE).exists()
        assert client.get(f"/admin/cases/{corruption.pk}/?reporter=1").status_code == 404
        assert not showings(corruption).exists()

    def test_a_corruption_reporter_is_shown_on_request_and_each_showing_logged(
        self, integrity_officer, corruption
    ):
        client = signed_in(integrity_officer)
        plain = client.get(f"/admin/cases/{corruption.pk}/").content.decode()
        assert "สมชาย ใจดี" not in plain
        assert not showings(corruption).exists()
        shown = client.get(f"/admin/cases/{corruption.pk}/?reporter=1").content.decode()
        assert "สมชาย ใจดี" in shown
        view = showings(corruption).get()
        assert view.user == integrity_officer
        again = client.get(f"/admin/cases/{corruption.pk}/").content.decode()
        assert "ผู้ที่เปิดดูข้อมูลผู้ร้อง" in again  # the officers see who looked
        assert integrity_officer.username in again

    def test_a_clerk_never_sees_who_wrote_to_the_executives(self, clerk, new_case):
        case = new_case(kind=CaseKind.EXECUTIVE)
        html = signed_in(clerk).get(f"/admin/cases/{case.pk}/?reporter=1").content.decode()
        assert case.subject in html
        assert "สมชาย ใจดี" not in html
        assert "1103702071561" not in html

    def test_a_reply_from_the_case_page_reaches_the_timeline(self, clerk, complaint):
        client = signed_in(clerk)
        response = client.post(
            f"/admin/cases/{complaint.pk}/act/", {"action": "reply", "text": "รับเรื่องแล้วครับ"}
        )
        assert response.status_code == 302
        event = complaint.events.last()
        assert (event.kind, event.text, event.actor) == (
            EventKind.PUBLIC_REPLY,
            "รับเรื่องแล้วครับ",
            clerk,
        )

    def test_the_buttons_move_the_case_through_the_service_layer(self, division_head, complaint):
        client = signed_in(division_head)
        url = f"/admin/cases/{complaint.pk}/act/"
        client.post(url, {"action": "acknowledge"})
        client.post(url, {"action": "assign", "assignee": division_head.pk, "text": ""})
        client.post(url, {"action": "start"})
        client.post(url, {"action": "resolve", "text": "เก็บขยะแล้ว"})
        complaint.refresh_from_db()
        assert complaint.state == CaseState.RESOLVED
        assert complaint.assignee == division_head
        states = list(
            CaseEvent.objects.all_organizations()
            .filter(case=complaint)
            .exclude(to_state="")
            .values_list("to_state", flat=True)
        )
        assert states == ["submitted", "acknowledged", "assigned", "in_progress", "resolved"]

    def test_a_step_not_allowed_says_so_instead_of_failing(self, clerk, complaint):
        client = signed_in(clerk)
        response = client.post(
            f"/admin/cases/{complaint.pk}/act/", {"action": "resolve", "text": "เสร็จ"}, follow=True
        )
        assert response.status_code == 200
        assert [m.level_tag for m in response.context["messages"]] == ["error"]
        complaint.refresh_from_db()
        assert complaint.state == CaseState.SUBMITTED

    @pytest.mark.parametrize(
        "data",
        [
            {"action": "assign", "assignee": "abc"},
            {"action": "change_deadline", "resolve_by": "31/02/2569", "text": "x"},
            {"action": "explode"},
            {"action": "reply", "text": ""},
        ],
    )
    def test_bad_input_to_the_case_page_is_an_error_message(self, case_admin, complaint, data):
        response = signed_in(case_admin).post(
            f"/admin/cases/{complaint.pk}/act/", data, follow=True
        )
        assert response.status_code == 200
        assert [m.level_tag for m in response.context["messages"]] == ["error"]

    def test_the_deadline_is_changed_from_the_case_page(self, case_admin, complaint):
        signed_in(case_admin).post(
            f"/admin/cases/{complaint.pk}/act/",
            {"action": "change_deadline", "resolve_by": "2027-01-15", "text": "รองบประมาณ"},
        )
        complaint.refresh_from_db()
        assert complaint.resolve_due.astimezone(BANGKOK).date() == datetime.date(2027, 1, 15)


def test_case_administrators_edit_the_categories_as_snippets(case_admin, starter_categories):
    response = signed_in(case_admin).get("/admin/snippets/cases/category/")
    assert response.status_code == 200
    assert "ไฟฟ้าส่องสว่าง" in response.content.decode()
