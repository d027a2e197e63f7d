"""The trail of staff access to personal data (issue 11, item 6): each showing of a reporter,
each case file a member of staff opens or downloads, each export of the register and each
change of a case writes one row, with who, when and from which address; the organization's
administrator reads it, nobody edits it, and old rows go after TAMBON_AUDIT_KEEP_DAYS."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from tambon.cases import audit, services
from tambon.cases.models import AccessAction, AccessRecord, AppendOnlyError, CaseKind
from tambon.cases.uploads import check_upload
from tambon.core import memberships
from tambon.core.models import Organization, Role
from tambon.pages.tests.factories import second_organization_site
from tambon.thai.fiscal import fiscal_year

from . import files
from .test_admin import signed_in

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1"  # B's host; the default site (A) answers the rest
TRAIL = "/admin/cases/access-trail/"


def trail():
    return AccessRecord.objects.all_organizations()


def administrator_of(organization, username):
    user = get_user_model().objects.create_user(username, password="a-long-test-password")
    memberships.add_member(user, organization, Role.ADMINISTRATOR)
    return user


@pytest.fixture
def ours(site):
    return Organization.for_site(site)


@pytest.fixture
def complaint_with_files(site, new_case):
    return new_case(files=[check_upload(files.png()), check_upload(files.pdf())])


class TestWhatIsRecorded:
    def test_showing_a_reporter_is_one_row_with_the_user_and_their_address(
        self, site, clerk, new_case
    ):
        case = new_case()
        client = signed_in(clerk)
        client.get(f"/admin/cases/{case.pk}/", REMOTE_ADDR="192.0.2.10")
        assert not trail().exists()  # the case page alone shows no reporter

        client.get(f"/admin/cases/{case.pk}/?reporter=1", REMOTE_ADDR="192.0.2.10")

        record = trail().get()
        assert (record.user, record.username, record.action) == (
            clerk,
            "clerk",
            AccessAction.VIEWED_IDENTITY,
        )
        assert (record.case_code, record.address) == (case.display_code, "192.0.2.10")
        assert record.organization == Organization.for_site(site)
        assert "สมชาย" not in f"{record.case_code} {record.detail}"  # never the datum itself

    @pytest.mark.parametrize(
        "connection, recorded",
        [
            ("127.0.0.1", "203.0.113.7"),  # the trusted proxy: the member's own address
            ("198.51.100.4", "198.51.100.4"),  # from outside: the header is not believed
        ],
    )
    def test_a_forwarded_address_counts_only_from_the_trusted_proxy(
        self, site, settings, clerk, new_case, connection, recorded
    ):
        settings.TAMBON_TRUSTED_PROXY_HOPS = 1
        case = new_case()
        signed_in(clerk).get(
            f"/admin/cases/{case.pk}/?reporter=1",
            REMOTE_ADDR=connection,
            HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
        assert trail().get().address == recorded

    def test_opening_a_picture_and_downloading_a_document_are_one_row_each(
        self, clerk, complaint_with_files
    ):
        picture, document = complaint_with_files.attachments.order_by("pk")
        client = signed_in(clerk)
        assert client.get(f"/cases/files/{picture.public_id}/").status_code == 200
        assert client.get(f"/cases/files/{document.public_id}/").status_code == 200

        rows = list(trail().order_by("pk").values_list("username", "action", "detail"))
        assert rows == [
            ("clerk", AccessAction.OPENED_FILE, str(picture.public_id)),
            ("clerk", AccessAction.DOWNLOADED_FILE, str(document.public_id)),
        ]
        assert set(trail().values_list("case_code", flat=True)) == {
            complaint_with_files.display_code
        }

    def test_the_citizen_opening_their_own_file_is_not_staff_access(self, complaint_with_files):
        client = Client()
        code, pin = complaint_with_files.tracking_code, complaint_with_files.pin
        client.post("/cases/track/", {"action": "open", "code": code, "secret": pin})
        picture = complaint_with_files.attachments.order_by("pk").first()
        assert client.get(f"/cases/files/{picture.public_id}/").status_code == 200
        assert not trail().exists()

    def test_a_file_refused_is_not_recorded(self, executive, new_case):
        case = new_case(kind=CaseKind.CORRUPTION, files=[check_upload(files.pdf())])
        address = f"/cases/files/{case.attachments.get().public_id}/"
        assert signed_in(executive).get(address).status_code == 404
        assert not trail().exists()

    def test_exporting_the_register_is_one_row_and_reading_it_none(self, site, clerk):
        year = fiscal_year()
        client = signed_in(clerk)
        client.get(f"/admin/cases/information-register/?year={year}")
        assert not trail().exists()
        response = client.get(f"/admin/cases/information-register/?year={year}&export=xlsx")
        assert response.status_code == 200
        record = trail().get()
        assert (record.user, record.action, record.case_code, record.detail) == (
            clerk,
            AccessAction.EXPORTED_REGISTER,
            "",
            f"{year} xlsx",
        )

    def test_a_change_by_staff_is_one_row_beside_its_event(self, site, clerk, new_case):
        case = new_case()
        response = signed_in(clerk).post(
            f"/admin/cases/{case.pk}/act/",
            {"action": "reply", "text": "รับเรื่องแล้วครับ"},
            REMOTE_ADDR="192.0.2.20",
        )
        assert response.status_code == 302
        record = trail().get()
        assert (record.user, record.action, record.detail, record.address) == (
            clerk,
            AccessAction.CHANGED_CASE,
            "reply",
            "192.0.2.20",
        )
        assert case.events.last().actor == clerk  # the step itself is the case's history

    def test_each_case_of_a_bulk_step_is_one_row(self, site, clerk, new_case):
        first, second = new_case(subject="ไฟดับ 1"), new_case(subject="ไฟดับ 2")
        signed_in(clerk).post(
            "/admin/cases/bulk/",
            {"bulk_action": "acknowledge", "case": [first.pk, second.pk]},
        )
        rows = trail().filter(action=AccessAction.CHANGED_CASE)
        assert sorted(rows.values_list("case_code", flat=True)) == sorted(
            [first.display_code, second.display_code]
        )

    def test_the_citizens_own_steps_and_the_filing_are_not_staff_access(self, case_admin, new_case):
        case = new_case()
        assert not trail().exists()  # filed by the citizen
        services.assign(case, case_admin, case_admin)
        services.start(case, case_admin)
        services.ask_citizen(case, case_admin, "ขอรูปถ่ายจุดที่ไฟดับ")
        services.citizen_adds_information(case, "ส่งรายละเอียดเพิ่มครับ", [])
        assert list(trail().order_by("pk").values_list("username", "detail")) == [
            ("caseadmin", "assign"),
            ("caseadmin", "start"),
            ("caseadmin", "ask_citizen"),
        ]

    def test_deleting_the_account_keeps_the_row_with_its_name(self, clerk, new_case):
        services.reveal_reporter(new_case(), clerk)
        clerk.delete()
        record = trail().get()
        assert (record.user, record.username) == (None, "clerk")


class TestNeverEdited:
    def test_a_row_refuses_to_be_saved_again_or_deleted(self, clerk, new_case):
        services.reveal_reporter(new_case(), clerk)
        record = trail().get()
        record.username = "someone-else"
        with pytest.raises(AppendOnlyError):
            record.save()
        with pytest.raises(AppendOnlyError):
            record.delete()
        with pytest.raises(AppendOnlyError):
            trail().update(username="someone-else")
        with pytest.raises(AppendOnlyError):
            trail().delete()
        assert trail().get().username == "clerk"

    def test_the_admin_has_no_address_that_adds_edits_or_deletes_a_row(self, ours, clerk, new_case):
        services.reveal_reporter(new_case(), clerk)
        record = trail().get()
        for name in ("add", "edit", "delete", "access_trail_edit", "access_trail_delete"):
            with pytest.raises(NoReverseMatch):
                reverse(f"cases_admin:{name}", args=[record.pk])
        client = signed_in(administrator_of(ours, "boss"))
        page = client.get(TRAIL).content.decode()
        assert f"{TRAIL}{record.pk}/" not in page
        for suffix in (f"{record.pk}/", f"{record.pk}/edit/", f"{record.pk}/delete/"):
            assert client.get(f"{TRAIL}{suffix}").status_code == 404
        assert client.post(TRAIL, {"username": "x"}).status_code in (200, 405)
        assert trail().get().username == "clerk"


class TestWhoReadsIt:
    def test_the_organizations_administrator_reads_it_in_thai_with_buddhist_era_dates(
        self, ours, clerk, new_case
    ):
        case = new_case()
        services.reveal_reporter(case, clerk)
        client = signed_in(administrator_of(ours, "boss"))
        response = client.get(TRAIL)
        html = response.content.decode()
        assert response.status_code == 200
        assert 'role="region" aria-label="การเข้าถึงข้อมูลส่วนบุคคล"' in html  # scrolls on a phone
        assert "เปิดดูข้อมูลผู้ร้อง" in html
        assert case.display_code in html
        assert str(timezone.localdate().year + 543) in html
        assert "clerk" in html
        assert TRAIL in client.get("/admin/").content.decode()  # in the Reports menu

    def test_the_administrator_filters_by_user_action_and_case(self, ours, clerk, new_case):
        first, second = new_case(subject="ไฟดับ 1"), new_case(subject="ไฟดับ 2")
        services.reveal_reporter(first, clerk)
        services.reply(second, clerk, "รับเรื่องแล้ว")
        client = signed_in(administrator_of(ours, "boss"))
        by_action = client.get(TRAIL, {"action": "changed_case"}).context["rows"]
        assert [row.record.case_code for row in by_action] == [second.display_code]
        assert by_action[0].detail == "ส่งคำตอบ"  # the step by its name
        typed = first.tracking_code.lower()  # as someone types it
        by_case = client.get(TRAIL, {"case": typed}).context["rows"]
        assert [row.record.action for row in by_case] == [AccessAction.VIEWED_IDENTITY]
        assert client.get(TRAIL, {"username": "nobody"}).context["rows"] == []

    @pytest.mark.parametrize("staff", ["clerk", "case_admin", "integrity_officer", "executive"])
    def test_other_staff_cannot_open_it_nor_see_it_in_the_menu(
        self, ours, staff, request, new_case
    ):
        member = request.getfixturevalue(staff)
        case = new_case()
        audit.record(member, AccessAction.VIEWED_IDENTITY, case=case)
        client = signed_in(member)
        response = client.get(TRAIL)
        assert response.status_code in (302, 403)
        assert case.display_code not in response.content.decode()
        assert TRAIL not in client.get("/admin/").content.decode()

    def test_another_organizations_administrator_sees_none_of_our_rows(self, ours, clerk, new_case):
        theirs = Organization.for_site(second_organization_site(OTHER_HOST))
        case = new_case()
        services.reveal_reporter(case, clerk)
        their_case = new_case(organization=theirs, subject="ไฟดับที่บ้านเขา")
        audit.record(clerk, AccessAction.VIEWED_IDENTITY, case=their_case)

        their_admin = signed_in(administrator_of(theirs, "their-boss"))
        on_their_site = their_admin.get(TRAIL, HTTP_HOST=OTHER_HOST)
        assert on_their_site.status_code == 200
        assert [row.record.case_code for row in on_their_site.context["rows"]] == [
            their_case.display_code
        ]
        assert case.display_code not in on_their_site.content.decode()
        # Their administrator's role counts on their site only: ours refuses them.
        on_ours = their_admin.get(TRAIL)
        assert on_ours.status_code in (302, 403)
        assert case.display_code not in on_ours.content.decode()

        our_admin = signed_in(administrator_of(ours, "boss"))
        rows = our_admin.get(TRAIL).context["rows"]
        assert [row.record.case_code for row in rows] == [case.display_code]


class TestRetention:
    def test_the_purge_keeps_the_recent_rows_and_removes_the_old(self, settings, clerk, new_case):
        settings.TAMBON_AUDIT_KEEP_DAYS = 30
        case = new_case()
        now = timezone.now()
        for days_ago in (31, 29, 0):
            moment = now - datetime.timedelta(days=days_ago)
            AccessRecord.objects.for_organization(case.organization).create(
                user=clerk,
                username="clerk",
                action=AccessAction.VIEWED_IDENTITY,
                case_code=case.display_code,
                created=moment,
            )
        out = io.StringIO()
        call_command("purge_audit_trail", stdout=out)
        assert "1 access record(s) purged" in out.getvalue()
        kept = sorted((now - created).days for created in trail().values_list("created", flat=True))
        assert kept == [0, 29]

    def test_by_default_two_years_are_kept(self, clerk, new_case):
        case = new_case()
        old = timezone.now() - datetime.timedelta(days=729)
        AccessRecord.objects.for_organization(case.organization).create(
            user=clerk, username="clerk", action=AccessAction.VIEWED_IDENTITY, created=old
        )
        call_command("purge_audit_trail", stdout=io.StringIO())
        assert trail().count() == 1
