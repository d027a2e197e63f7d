import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from tambon.cases import actions, services, tracking
from tambon.cases.models import (
    AccessAction,
    AccessRecord,
    AppendOnlyError,
    Case,
    CaseEvent,
    CaseKind,
    CaseState,
    Category,
    EventKind,
    Reporter,
)
from tambon.cases.notify import Channel
from tambon.core.tests.factories import default_organization

S = CaseState
BANGKOK = ZoneInfo("Asia/Bangkok")


def drive_to(case, state, user):
    """Bring a fresh case to `state` through the service layer, as staff would."""
    path = {
        S.SUBMITTED: [],
        S.ACKNOWLEDGED: ["acknowledge"],
        S.ASSIGNED: ["assign"],
        S.IN_PROGRESS: ["assign", "start"],
        S.WAITING: ["assign", "start", "ask_citizen"],
        S.RESOLVED: ["assign", "start", "resolve"],
        S.REJECTED: ["reject"],
        S.CLOSED: ["assign", "start", "resolve", "close"],
    }[state]
    for step in path:
        take(step, case, user, text="ข้อความ")
    assert case.state == state
    return case


def take(action, case, user, text="ข้อความถึงผู้ร้อง"):
    """Take a staff action through its service verb, with a text when the action takes one."""
    action = actions.get(action)
    if action is actions.ASSIGN:
        return services.assign(case, user, user)
    verb = getattr(services, action.value)
    if action.takes_text:
        return verb(case, user, text)
    return verb(case, user)


class TestSubmit:
    def test_a_new_case_is_received_with_a_tracking_code_and_a_hashed_pin(self, new_case):
        case = new_case()
        assert case.state == S.SUBMITTED
        assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}", case.tracking_code)
        assert re.fullmatch(r"[0-9]{6}", case.pin)
        assert case.pin not in case.secret_hash
        assert tracking.pin_matches(case.pin, case.secret_hash)
        assert case.reporter.phone == "0812345678"
        event = case.events.get()
        assert (event.kind, event.to_state, event.is_public) == (
            EventKind.STATE_CHANGE,
            S.SUBMITTED,
            True,
        )

    def test_an_anonymous_case_has_no_reporter_row(self, new_case):
        case = new_case(kind=CaseKind.CORRUPTION, reporter={"name": "", "phone": ""})
        assert not Reporter.objects.all_organizations().filter(case=case).exists()

    def test_acknowledgement_is_due_on_the_next_working_day_skipping_the_weekend(self, new_case):
        friday = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=BANGKOK)
        case = new_case(now=friday)
        ack = case.acknowledge_due.astimezone(BANGKOK)
        assert ack.date() == datetime.date(2026, 11, 23)  # Monday
        assert case.resolve_due.astimezone(BANGKOK).date() == datetime.date(2026, 12, 5)

    def test_a_category_can_shorten_the_deadline(self, new_case):
        category = Category.objects.for_organization(default_organization()).create(
            kind=CaseKind.COMPLAINT, name="น้ำท่วม", resolve_days=3
        )
        monday = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=BANGKOK)
        case = new_case(category=category, now=monday)
        assert case.resolve_due.astimezone(BANGKOK).date() == datetime.date(2026, 11, 26)

    def test_the_deadlines_per_kind_come_from_the_settings(self, new_case, settings):
        settings.TAMBON_CASE_DEADLINES = {"information": {"resolve_days": 30}}
        monday = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=BANGKOK)
        case = new_case(kind=CaseKind.INFORMATION, now=monday)
        assert case.resolve_due.astimezone(BANGKOK).date() == datetime.date(2026, 12, 23)

    def test_a_clashing_tracking_code_is_drawn_again(self, new_case, monkeypatch):
        first = new_case()
        codes = iter([first.tracking_code, "ABCD2345"])
        monkeypatch.setattr(tracking, "new_code", lambda: next(codes))
        second = new_case()
        assert second.tracking_code == "ABCD2345"
        assert (
            Case.objects.all_organizations().filter(tracking_code=first.tracking_code).count() == 1
        )

    def test_many_cases_get_distinct_codes(self, new_case):
        codes = {new_case(reporter=None).tracking_code for _ in range(50)}
        assert len(codes) == 50


ALL_STATES = list(S)


def transition_cases(allowed):
    return [
        pytest.param(action, state, id=f"{action}-from-{state}")
        for action in actions.STAFF
        if action.changes_state
        for state in ALL_STATES
        if (state in action.sources) == allowed
    ]


class TestTransitions:
    def test_the_steps_of_a_case_and_where_they_lead(self):
        steps = {a.value: a.target for a in actions.STAFF if a.changes_state}
        assert steps == {
            "acknowledge": S.ACKNOWLEDGED,
            "assign": S.ASSIGNED,
            "start": S.IN_PROGRESS,
            "ask_citizen": S.WAITING,
            "resolve": S.RESOLVED,
            "reject": S.REJECTED,
            "close": S.CLOSED,
            "reopen": S.IN_PROGRESS,
        }

    @pytest.mark.parametrize(("action", "state"), transition_cases(allowed=True))
    def test_an_allowed_step_moves_the_case_and_writes_an_event(
        self, action, state, new_case, case_admin
    ):
        case = drive_to(new_case(), state, case_admin)
        before = case.events.count()
        take(action, case, case_admin)
        assert case.state == actions.get(action).target
        last = case.events.last()
        assert case.events.count() == before + 1
        assert (last.from_state, last.to_state, last.actor) == (
            state,
            case.state,
            case_admin,
        )

    @pytest.mark.parametrize(("action", "state"), transition_cases(allowed=False))
    def test_a_step_not_allowed_from_the_state_is_refused(
        self, action, state, new_case, case_admin
    ):
        case = drive_to(new_case(), state, case_admin)
        before = case.events.count()
        with pytest.raises(services.TransitionNotAllowed):
            take(action, case, case_admin)
        case.refresh_from_db()
        assert case.state == state
        assert case.events.count() == before

    def test_resolving_needs_a_message_for_the_citizen(self, new_case, case_admin):
        case = drive_to(new_case(), S.IN_PROGRESS, case_admin)
        with pytest.raises(services.CaseError):
            services.resolve(case, case_admin, "   ")
        assert case.state == S.IN_PROGRESS

    def test_changing_the_deadline_is_recorded_with_the_reason(self, new_case, case_admin):
        case = new_case()
        services.change_deadline(case, case_admin, datetime.date(2027, 1, 15), "รองบประมาณ")
        assert case.resolve_due.astimezone(BANGKOK).date() == datetime.date(2027, 1, 15)
        event = case.events.last()
        assert event.kind == EventKind.DEADLINE_CHANGE
        assert "15 มกราคม 2570" in event.text
        assert "รองบประมาณ" in event.text
        assert not event.is_public


class TestPermissions:
    def test_a_clerk_acknowledges_and_assigns_but_cannot_resolve(
        self, new_case, clerk, division_head
    ):
        case = new_case()
        services.acknowledge(case, clerk)
        services.assign(case, clerk, division_head)
        with pytest.raises(PermissionDenied):
            services.start(case, clerk)
        services.start(case, division_head)
        with pytest.raises(PermissionDenied):
            services.resolve(case, clerk, "เสร็จแล้ว")

    def test_the_assignee_works_on_the_case_given_to_them(self, new_case, clerk):
        from tambon.cases import roles

        from .conftest import make_user

        other_clerk = make_user("clerk2", roles.CLERK)
        case = new_case()
        services.assign(case, clerk, other_clerk)
        services.start(case, other_clerk)  # clerks may not start a case that is not theirs
        services.resolve(case, other_clerk, "ซ่อมแล้ว")
        assert case.state == S.RESOLVED

    def test_someone_who_may_not_see_the_kind_cannot_be_given_the_case(
        self, new_case, clerk, outsider
    ):
        case = new_case()
        with pytest.raises(services.CaseError):
            services.assign(case, clerk, outsider)
        assert case.assignee is None

    def test_staff_outside_the_case_groups_may_do_nothing(self, new_case, outsider):
        case = new_case()
        with pytest.raises(PermissionDenied):
            services.acknowledge(case, outsider)
        with pytest.raises(PermissionDenied):
            services.add_note(case, outsider, "ดูหน่อย")

    def test_an_executive_cannot_see_or_touch_a_corruption_case(
        self, new_case, executive, clerk, division_head, case_admin
    ):
        case = new_case(kind=CaseKind.CORRUPTION)
        for user in (executive, clerk, division_head, case_admin):
            assert not Case.objects.all_organizations().visible_to(user).filter(pk=case.pk).exists()
            with pytest.raises(PermissionDenied):
                services.add_note(case, user, "ขอดู")
            with pytest.raises(PermissionDenied):
                services.reveal_reporter(case, user)

    def test_an_integrity_officer_sees_corruption_cases_only(self, new_case, integrity_officer):
        corruption = new_case(kind=CaseKind.CORRUPTION)
        complaint = new_case()
        visible = Case.objects.all_organizations().visible_to(integrity_officer)
        assert visible.filter(pk=corruption.pk).exists()
        assert not visible.filter(pk=complaint.pk).exists()
        services.acknowledge(corruption, integrity_officer)

    def test_a_corruption_case_cannot_be_given_to_an_executive(
        self, new_case, integrity_officer, executive
    ):
        case = new_case(kind=CaseKind.CORRUPTION)
        with pytest.raises(services.CaseError):
            services.assign(case, integrity_officer, executive)

    def test_executive_line_cases_are_seen_by_executives_and_clerks_only(
        self, new_case, executive, clerk, division_head, integrity_officer
    ):
        case = new_case(kind=CaseKind.EXECUTIVE)
        assert Case.objects.all_organizations().visible_to(executive).filter(pk=case.pk).exists()
        assert Case.objects.all_organizations().visible_to(clerk).filter(pk=case.pk).exists()
        assert (
            not Case.objects.all_organizations()
            .visible_to(division_head)
            .filter(pk=case.pk)
            .exists()
        )
        assert (
            not Case.objects.all_organizations()
            .visible_to(integrity_officer)
            .filter(pk=case.pk)
            .exists()
        )

    def test_anonymous_visitors_see_no_cases(self, new_case):
        from django.contrib.auth.models import AnonymousUser

        new_case()
        assert not Case.objects.all_organizations().visible_to(AnonymousUser()).exists()

    def test_a_clerk_routes_an_executive_line_case_without_seeing_who_wrote_it(
        self, new_case, clerk, executive
    ):
        case = new_case(kind=CaseKind.EXECUTIVE)
        with pytest.raises(PermissionDenied):
            services.reveal_reporter(case, clerk)
        assert services.reveal_reporter(case, executive).name == "สมชาย ใจดี"

    def test_every_showing_of_a_corruption_reporter_is_logged(self, new_case, integrity_officer):
        case = new_case(kind=CaseKind.CORRUPTION)
        services.reveal_reporter(case, integrity_officer)
        services.reveal_reporter(case, integrity_officer)
        showings = AccessRecord.objects.all_organizations().filter(
            case_code=case.display_code, action=AccessAction.VIEWED_IDENTITY
        )
        assert list(showings.values_list("user", flat=True)) == [
            integrity_officer.pk,
            integrity_officer.pk,
        ]

    def test_a_clerk_sees_the_reporter_of_a_general_complaint_and_it_is_logged(
        self, new_case, clerk
    ):
        case = new_case()
        assert services.reveal_reporter(case, clerk).citizen_id == "1103702071561"
        # Every kind's showing is in the access trail (issue 11), not only corruption's.
        logged = AccessRecord.objects.all_organizations().get(case_code=case.display_code)
        assert (logged.user, logged.action) == (clerk, AccessAction.VIEWED_IDENTITY)


class TestEvents:
    def test_events_cannot_be_changed_or_deleted(self, new_case):
        event = new_case().events.get()
        event.text = "แก้ประวัติ"
        with pytest.raises(AppendOnlyError):
            event.save()
        with pytest.raises(AppendOnlyError):
            event.delete()
        with pytest.raises(AppendOnlyError):
            CaseEvent.objects.all_organizations().filter(pk=event.pk).update(text="แก้")
        with pytest.raises(AppendOnlyError):
            CaseEvent.objects.all_organizations().filter(pk=event.pk).delete()
        event.refresh_from_db()
        assert event.text == ""

    def test_an_internal_note_is_not_public_and_a_reply_is(self, new_case, clerk):
        case = new_case()
        note = services.add_note(case, clerk, "โทรถามกองช่างแล้ว")
        reply = services.reply(case, clerk, "รับเรื่องแล้ว กำลังตรวจสอบ")
        assert not note.is_public
        assert reply.is_public
        assert list(case.events.public().values_list("text", flat=True))[-1] == reply.text


class TestCitizen:
    def test_an_answer_from_the_citizen_puts_a_waiting_case_back_to_work(
        self, new_case, case_admin
    ):
        case = drive_to(new_case(), S.WAITING, case_admin)
        services.citizen_adds_information(case, "บ้านเลขที่ 45 ครับ")
        assert case.state == S.IN_PROGRESS
        assert case.events.last().kind == EventKind.CITIZEN_MESSAGE

    def test_a_finished_case_takes_no_more_messages(self, new_case, case_admin):
        case = drive_to(new_case(), S.CLOSED, case_admin)
        with pytest.raises(services.TransitionNotAllowed):
            services.citizen_adds_information(case, "ยังไม่เสร็จนะ")

    def test_a_resolved_case_is_rated_once(self, new_case, case_admin):
        case = drive_to(new_case(), S.RESOLVED, case_admin)
        services.rate(case, 4, "เร็วดี")
        assert (case.rating, case.rating_comment) == (4, "เร็วดี")
        with pytest.raises(services.TransitionNotAllowed):
            services.rate(case, 1)

    @pytest.mark.parametrize("rating", [0, 6, "abc", None])
    def test_a_rating_outside_one_to_five_is_refused(self, rating, new_case, case_admin):
        case = drive_to(new_case(), S.RESOLVED, case_admin)
        with pytest.raises(services.CaseError):
            services.rate(case, rating)
        assert case.rating is None

    def test_an_open_case_cannot_be_rated(self, new_case):
        with pytest.raises(services.TransitionNotAllowed):
            services.rate(new_case(), 5)


class TestNotifications:
    def test_the_citizen_gets_mail_on_receipt_and_on_a_public_reply_only(
        self, new_case, clerk, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            case = new_case()
        assert len(mail.outbox) == 1
        assert case.display_code in mail.outbox[0].subject
        assert case.pin not in mail.outbox[0].body
        with django_capture_on_commit_callbacks(execute=True):
            services.add_note(case, clerk, "ภายใน: ผู้ร้องเป็นญาติ")
            services.reply(case, clerk, "ช่างจะไปซ่อมวันพรุ่งนี้")
        assert len(mail.outbox) == 2
        assert mail.outbox[1].to == ["somchai@example.com"]
        assert "ช่างจะไปซ่อมวันพรุ่งนี้" in mail.outbox[1].body
        assert "ภายใน" not in mail.outbox[1].body

    def test_nobody_is_mailed_about_an_anonymous_case(
        self, new_case, integrity_officer, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            case = new_case(kind=CaseKind.CORRUPTION, reporter=None)
            services.reply(case, integrity_officer, "รับเรื่องแล้ว")
        assert mail.outbox == []


class RecordingChannel(Channel):
    """Stands in for a channel to the outside world (an SMS gateway): keeps what it was given."""

    sent = []

    def send(self, message):
        RecordingChannel.sent.append((message.phone, message.subject, message.body))


class TestChannels:
    def test_a_channel_listed_in_the_settings_gets_every_citizen_message(
        self, new_case, clerk, settings, django_capture_on_commit_callbacks
    ):
        settings.TAMBON_CASE_NOTIFY_CHANNELS = [
            "tambon.cases.notify.EmailChannel",
            f"{__name__}.RecordingChannel",
        ]
        RecordingChannel.sent = []
        with django_capture_on_commit_callbacks(execute=True):
            case = new_case()
            services.reply(case, clerk, "ได้รับเรื่องแล้ว")
        assert [phone for phone, _, _ in RecordingChannel.sent] == ["0812345678"] * 2
        assert "ได้รับเรื่องแล้ว" in RecordingChannel.sent[1][2]
        assert len(mail.outbox) == 2  # e-mail still goes out beside it

    def test_a_failing_channel_does_not_stop_the_case_or_the_others(
        self, new_case, clerk, settings, django_capture_on_commit_callbacks
    ):
        settings.TAMBON_CASE_NOTIFY_CHANNELS = [
            f"{__name__}.BrokenChannel",
            "tambon.cases.notify.EmailChannel",
        ]
        with django_capture_on_commit_callbacks(execute=True):
            case = new_case()
        assert case.pk
        assert len(mail.outbox) == 1


class BrokenChannel(Channel):
    def send(self, message):
        raise ConnectionError("gateway down")
