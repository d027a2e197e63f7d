import pytest

from tambon.cases import services
from tambon.cases.models import CaseEvent, CaseKind, CaseState, EventKind
from tambon.people.tests.factories import DivisionFactory

from .test_admin import signed_in

pytestmark = pytest.mark.django_db


def bulk(client, action, cases, **extra):
    return client.post(
        "/admin/cases/bulk/",
        {"bulk_action": action, "case": [case.pk for case in cases], **extra},
        follow=True,
    )


def shown_messages(response):
    return [str(message) for message in response.context["messages"]]


class TestBulkAcknowledge:
    def test_ticked_cases_are_acknowledged_each_with_its_event(self, clerk, new_case):
        first, second = new_case(subject="ไฟดับ 1"), new_case(subject="ไฟดับ 2")
        untouched = new_case(subject="ไฟดับ 3")
        response = bulk(signed_in(clerk), "acknowledge", [first, second])
        assert response.status_code == 200
        for case in (first, second):
            case.refresh_from_db()
            assert case.state == CaseState.ACKNOWLEDGED
            assert (
                CaseEvent.objects.all_organizations()
                .filter(case=case, kind=EventKind.STATE_CHANGE, actor=clerk)
                .exists()
            )
        untouched.refresh_from_db()
        assert untouched.state == CaseState.SUBMITTED
        assert shown_messages(response) == ["ทำแล้ว 2 เรื่อง ไม่สำเร็จ 0 เรื่อง"]

    def test_a_case_that_cannot_take_the_step_is_refused_and_named(self, clerk, new_case):
        fresh = [new_case(subject=f"ถนนพัง {n}") for n in range(3)]
        done_before = new_case(subject="ถนนพัง ซ่อมแล้ว")
        services.acknowledge(done_before, clerk)
        response = bulk(signed_in(clerk), "acknowledge", [*fresh, done_before])
        (message,) = shown_messages(response)
        assert message.startswith("ทำแล้ว 3 เรื่อง ไม่สำเร็จ 1 เรื่อง")
        assert done_before.display_code in message
        assert "ตอบรับเรื่องแล้ว" in message  # the state that forbade it, in Thai


class TestBulkAssign:
    def test_ticked_cases_go_to_the_chosen_officer(self, division_head, clerk, new_case):
        cases = [new_case(subject=f"น้ำประปาไม่ไหล {n}") for n in range(2)]
        bulk(signed_in(division_head), "assign", cases, assignee=clerk.pk)
        for case in cases:
            case.refresh_from_db()
            assert case.assignee == clerk
            assert case.state == CaseState.ASSIGNED

    def test_an_officer_who_may_not_see_the_kind_is_refused_for_those_cases(
        self, superuser, executive, new_case
    ):
        complaint = new_case(subject="ขยะล้น")
        corruption = new_case(kind=CaseKind.CORRUPTION, subject="รับสินบน")
        response = bulk(
            signed_in(superuser), "assign", [complaint, corruption], assignee=executive.pk
        )
        complaint.refresh_from_db()
        corruption.refresh_from_db()
        assert complaint.assignee == executive
        assert corruption.assignee is None
        (message,) = shown_messages(response)
        assert message.startswith("ทำแล้ว 1 เรื่อง ไม่สำเร็จ 1 เรื่อง")

    def test_assigning_without_choosing_someone_changes_nothing(self, clerk, new_case):
        case = new_case()
        response = bulk(signed_in(clerk), "assign", [case])
        case.refresh_from_db()
        assert case.state == CaseState.SUBMITTED
        assert shown_messages(response)


class TestBulkPermissions:
    def test_an_executive_cannot_act_on_corruption_cases_nor_learn_about_them(
        self, executive, new_case
    ):
        complaint = new_case(subject="ท่อระบายน้ำอุดตัน")
        corruption = new_case(kind=CaseKind.CORRUPTION, subject="นายกฯ รับเงินผู้รับเหมา")
        response = bulk(signed_in(executive), "acknowledge", [complaint, corruption])
        corruption.refresh_from_db()
        complaint.refresh_from_db()
        assert corruption.state == CaseState.SUBMITTED
        assert not corruption.events.filter(actor=executive).exists()
        assert complaint.state == CaseState.ACKNOWLEDGED
        (message,) = shown_messages(response)
        assert message.startswith("ทำแล้ว 1 เรื่อง ไม่สำเร็จ 1 เรื่อง")
        assert corruption.display_code not in message
        assert corruption.subject not in response.content.decode()

    def test_staff_outside_the_case_groups_are_refused(self, outsider, new_case):
        case = new_case()
        response = signed_in(outsider).post(
            "/admin/cases/bulk/", {"bulk_action": "acknowledge", "case": [case.pk]}
        )
        assert response.status_code in (302, 403)
        case.refresh_from_db()
        assert case.state == CaseState.SUBMITTED

    def test_a_get_does_nothing(self, clerk, new_case):
        case = new_case()
        response = signed_in(clerk).get(
            f"/admin/cases/bulk/?bulk_action=acknowledge&case={case.pk}"
        )
        assert response.status_code == 405
        case.refresh_from_db()
        assert case.state == CaseState.SUBMITTED

    def test_junk_ids_are_refused_without_an_error_page(self, clerk):
        response = signed_in(clerk).post(
            "/admin/cases/bulk/",
            {"bulk_action": "acknowledge", "case": ["x", "99999999999999999999"]},
        )
        assert response.status_code == 302


class TestDivisionFilter:
    def test_the_list_shows_only_the_chosen_divisions_cases(self, clerk, new_case):
        works, office = (
            DivisionFactory(name="กองทดสอบช่าง"),
            DivisionFactory(name="สำนักทดสอบปลัด"),
        )
        road = new_case(subject="ถนนทรุดตัวหน้าตลาด")
        permit = new_case(subject="ขอใบอนุญาตขายของ")
        services.assign(road, clerk, clerk, division=works)
        services.assign(permit, clerk, clerk, division=office)
        html = signed_in(clerk).get(f"/admin/cases/?division={works.pk}").content.decode()
        assert road.subject in html
        assert permit.subject not in html
