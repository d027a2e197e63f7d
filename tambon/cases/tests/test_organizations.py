"""Two organizations on one deployment: A on the default site, B on its own host. Nothing of B's
cases, categories, e-service types or answers shows on A's public pages or A's admin, whatever
id, UUID, code or slug is typed; a case filed on a host belongs to that host's organization."""

import csv
import io
import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.translation import gettext, override

from tambon.cases import publishing, reminders, services
from tambon.cases.models import (
    Case,
    CaseEvent,
    CaseKind,
    CaseSettings,
    CaseState,
    Category,
    EventKind,
    Reporter,
)
from tambon.cases.uploads import check_upload
from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.people.tests.factories import DivisionFactory
from tambon.thai.fiscal import fiscal_year

from . import files
from .conftest import REPORTER
from .factories import (
    CaseFactory,
    CaseStatisticsPageFactory,
    CategoryFactory,
    QuestionAnswerPageFactory,
    ServiceTypeFactory,
)
from .test_admin import signed_in
from .test_retention import finished_days_ago

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1"  # B's host name; the default site (A) answers the rest
OURS, THEIRS = "ไฟถนนดับหน้าวัดของเรา", "ไฟถนนดับหน้าวัดของเขา"


@pytest.fixture
def other_site(site):
    return second_organization_site(OTHER_HOST)


@pytest.fixture
def organizations(site, other_site):
    return Organization.for_site(site), Organization.for_site(other_site)


def file_case(organization, subject, **fields):
    fields.setdefault("reporter", REPORTER)
    fields.setdefault("files", [check_upload(files.pdf())])
    return CaseFactory(organization=organization, subject=subject, **fields)


@pytest.fixture
def two_cases(organizations):
    ours, theirs = organizations
    return file_case(ours, OURS), file_case(theirs, THEIRS)


def from_b(path, client=None, **kwargs):
    return (client or Client()).get(path, HTTP_HOST=OTHER_HOST, **kwargs)


class TestFiling:
    def test_a_case_filed_on_a_host_belongs_to_that_hosts_organization(
        self, organizations, starter_categories
    ):
        ours, theirs = organizations
        category_b = CategoryFactory(organization=theirs, name="ไฟฟ้าของเขา")
        data = {
            "subject": "ถนนเป็นหลุม",
            "details": "หลุมลึกหน้าโรงเรียน",
            "location_text": "",
            "name": "สมหญิง รักดี",
            "phone": "081 234 5678",
            "email": "",
            "address": "",
            "citizen_id": "",
            "website": "",
        }
        category_a = Category.objects.for_organization(ours).of_kind(CaseKind.COMPLAINT).first()
        assert (
            Client().post("/cases/new/complaint/", data | {"category": category_a.pk}).status_code
            == 302
        )
        response = Client().post(
            "/cases/new/complaint/", data | {"category": category_b.pk}, HTTP_HOST=OTHER_HOST
        )
        assert response.status_code == 302
        filed = Case.objects.all_organizations().order_by("pk")
        assert [(case.organization_id, case.category_id) for case in filed] == [
            (ours.pk, category_a.pk),
            (theirs.pk, category_b.pk),
        ]
        reporter = Reporter.objects.all_organizations().get(case=filed[1])
        assert reporter.organization_id == theirs.pk
        assert {event.organization_id for event in filed[1].events.all()} == {theirs.pk}

    def test_the_complaint_form_offers_and_accepts_the_hosts_categories_only(
        self, organizations, starter_categories
    ):
        _ours, theirs = organizations
        theirs_only = CategoryFactory(organization=theirs, name="หมวดของเขาเท่านั้น")
        html = Client().get("/cases/new/complaint/").content.decode()
        assert "ไฟฟ้าส่องสว่าง" in html
        assert "หมวดของเขาเท่านั้น" not in html
        response = Client().post(
            "/cases/new/complaint/",
            {
                "category": theirs_only.pk,
                "subject": "ถนนเป็นหลุม",
                "details": "หลุมลึก",
                "name": "สมหญิง รักดี",
                "phone": "081 234 5678",
            },
        )
        assert response.status_code == 200
        assert "category" in response.context["form"].errors
        assert not Case.objects.all_organizations().exists()

    def test_each_organization_has_its_own_e_services(self, organizations):
        ours, theirs = organizations
        ServiceTypeFactory(organization=ours, name="ขอถังขยะของเรา", slug="garbage-bin")
        ServiceTypeFactory(organization=theirs, name="ขอถังขยะของเขา", slug="garbage-bin")
        ServiceTypeFactory(organization=theirs, name="ขอตัดต้นไม้ของเขา", slug="tree-cutting")
        index = Client().get("/cases/new/eservice/").content.decode()
        assert "ขอถังขยะของเรา" in index
        assert "ของเขา" not in index
        assert "ขอถังขยะของเรา" in Client().get("/cases/new/eservice/garbage-bin/").content.decode()
        assert Client().get("/cases/new/eservice/tree-cutting/").status_code == 404
        html = from_b("/cases/new/eservice/garbage-bin/").content.decode()
        assert "ขอถังขยะของเขา" in html
        assert "ขอถังขยะของเรา" not in html


class TestTracking:
    def open_case(self, case, secret, **host):
        client = Client()
        response = client.post(
            "/cases/track/",
            {"action": "open", "code": case.display_code, "secret": secret},
            **host,
        )
        return client, response

    def test_a_code_of_b_typed_on_a_is_not_found_like_an_unknown_code(self, two_cases):
        _ours, theirs = two_cases
        _client, refused = self.open_case(theirs, theirs.pin)
        assert refused.status_code == 200
        assert THEIRS not in refused.content.decode()
        unknown = Client().post(
            "/cases/track/", {"action": "open", "code": "ZZZZ-ZZZZ", "secret": theirs.pin}
        )
        assert (
            refused.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()
        )
        client, opened = self.open_case(theirs, theirs.pin, HTTP_HOST=OTHER_HOST)
        assert opened.status_code == 302
        assert THEIRS in from_b("/cases/track/", client).content.decode()

    def test_a_case_opened_on_b_is_not_shown_on_a(self, two_cases):
        _ours, theirs = two_cases
        client, _opened = self.open_case(theirs, theirs.pin, HTTP_HOST=OTHER_HOST)
        assert THEIRS not in client.get("/cases/track/").content.decode()

    def test_a_file_of_b_is_not_found_on_a_even_for_the_citizen_who_opened_it(self, two_cases):
        _ours, theirs = two_cases
        client, _opened = self.open_case(theirs, theirs.pin, HTTP_HOST=OTHER_HOST)
        address = f"/cases/files/{theirs.attachments.get().public_id}/"
        assert from_b(address, client).status_code == 200
        assert client.get(address).status_code == 404


class TestAdmin:
    def test_the_case_list_is_the_organizations(self, clerk, two_cases):
        html = signed_in(clerk).get("/admin/cases/").content.decode()
        assert OURS in html
        assert THEIRS not in html

    def test_a_case_of_b_is_not_found_by_its_number(self, clerk, superuser, two_cases):
        ours, theirs = two_cases
        for user in (clerk, superuser):
            client = signed_in(user)
            assert client.get(f"/admin/cases/{ours.pk}/").status_code == 200
            assert client.get(f"/admin/cases/{theirs.pk}/").status_code == 404
            assert client.get(f"/admin/cases/{theirs.pk}/?reporter=1").status_code == 404

    def test_no_action_reaches_a_case_of_b(self, clerk, two_cases):
        _ours, theirs = two_cases
        client = signed_in(clerk)
        note = client.post(f"/admin/cases/{theirs.pk}/act/", {"action": "add_note", "text": "x"})
        assert note.status_code == 404
        acknowledged = client.post(f"/admin/cases/{theirs.pk}/act/", {"action": "acknowledge"})
        assert acknowledged.status_code == 404
        published = client.post(
            f"/admin/cases/{theirs.pk}/publish/",
            {"action": "publish", "public_question": "ถาม", "public_answer": "ตอบ"},
        )
        assert published.status_code == 404
        client.post("/admin/cases/bulk/", {"case": [theirs.pk], "bulk_action": "acknowledge"})
        theirs.refresh_from_db()
        assert theirs.state == CaseState.SUBMITTED
        assert list(theirs.events.values_list("kind", flat=True)) == [EventKind.STATE_CHANGE]

    def test_a_file_of_b_is_not_found_by_its_address(self, clerk, two_cases):
        ours, theirs = two_cases
        client = signed_in(clerk)
        assert client.get(f"/cases/files/{ours.attachments.get().public_id}/").status_code == 200
        address = f"/cases/files/{theirs.attachments.get().public_id}/"
        assert client.get(address).status_code == 404

    def test_the_filters_refuse_a_category_of_b(self, clerk, organizations, two_cases):
        _ours, theirs = organizations
        category = CategoryFactory(organization=theirs, name="หมวดของเขา")
        client = signed_in(clerk)
        assert "หมวดของเขา" not in client.get("/admin/cases/").content.decode()
        filters = client.get(f"/admin/cases/?category={category.pk}").context["filters"]
        assert "category" in filters.errors

    def test_the_information_register_and_its_export_are_the_organizations(
        self, clerk, organizations
    ):
        ours, theirs = organizations
        file_case(ours, "ขอสำเนาสัญญาของเรา", kind=CaseKind.INFORMATION)
        file_case(theirs, "ขอสำเนาสัญญาของเขา", kind=CaseKind.INFORMATION)
        client = signed_in(clerk)
        html = client.get("/admin/cases/information-register/").content.decode()
        assert "ขอสำเนาสัญญาของเรา" in html
        assert "ของเขา" not in html
        download = client.get("/admin/cases/information-register/?export=csv")
        text = download.content.decode("utf-8-sig")
        assert "ขอสำเนาสัญญาของเรา" in text
        assert "ของเขา" not in text

    def test_the_statistics_export_counts_the_organizations_cases(self, clerk, organizations):
        ours, theirs = organizations
        file_case(ours, OURS)
        for number in range(2):
            file_case(theirs, f"{THEIRS} {number}")
        client = signed_in(clerk)
        download = client.get(f"/admin/cases/statistics/?year={fiscal_year()}&export=csv")
        rows = csv.DictReader(io.StringIO(download.content.decode("utf-8-sig")))
        year = next(r for r in rows if r["kind"] == "complaint" and r["period"] == "12m")
        assert year["received"] == "1"

    def test_the_categories_are_the_organizations(self, case_admin, organizations):
        ours, theirs = organizations
        CategoryFactory(organization=ours, name="หมวดของเรา")
        category = CategoryFactory(organization=theirs, name="หมวดของเขา")
        client = signed_in(case_admin)
        html = client.get("/admin/snippets/cases/category/").content.decode()
        assert "หมวดของเรา" in html
        assert "หมวดของเขา" not in html
        edit = f"/admin/snippets/cases/category/edit/{category.pk}/"
        assert client.get(edit).status_code == 404
        assert (
            client.post(f"/admin/snippets/cases/category/delete/{category.pk}/").status_code == 404
        )
        assert Category.objects.all_organizations().filter(pk=category.pk).exists()

    def test_a_category_added_in_the_admin_belongs_to_the_organization(
        self, case_admin, organizations
    ):
        ours, theirs = organizations
        CategoryFactory(organization=theirs, kind=CaseKind.COMPLAINT, name="ถนนชำรุด")
        response = signed_in(case_admin).post(
            "/admin/snippets/cases/category/add/",
            {"kind": "complaint", "name": "ถนนชำรุด", "sort_order": "0", "is_active": "on"},
        )
        assert response.status_code == 302  # the same name as B's: names are per organization
        added = Category.objects.for_organization(ours).get(name="ถนนชำรุด")
        assert added.kind == CaseKind.COMPLAINT

    def test_the_e_service_types_are_the_organizations(self, superuser, organizations):
        ours, theirs = organizations
        ServiceTypeFactory(organization=ours, name="บริการของเรา")
        service = ServiceTypeFactory(organization=theirs, name="บริการของเขา")
        client = signed_in(superuser)
        html = client.get("/admin/snippets/cases/servicetype/").content.decode()
        assert "บริการของเรา" in html
        assert "บริการของเขา" not in html
        edit = f"/admin/snippets/cases/servicetype/edit/{service.pk}/"
        assert client.get(edit).status_code == 404

    def test_a_case_cannot_be_given_a_category_of_b(self, organizations):
        ours, theirs = organizations
        category = CategoryFactory(organization=theirs)
        with pytest.raises(ValueError):
            services.submit(
                kind=CaseKind.COMPLAINT,
                subject="ถนน",
                details="หลุม",
                category=category,
                organization=ours,
            )


class TestPublicPages:
    def test_the_statistics_and_open_data_count_the_hosts_organization_only(
        self, site, other_site, organizations
    ):
        ours, theirs = organizations
        for each in (site, other_site):
            CaseStatisticsPageFactory(parent=each.root_page)
        file_case(ours, OURS)
        for number in range(2):
            file_case(theirs, f"{THEIRS} {number}")
        year = fiscal_year()
        for host, expected in (({}, "1"), ({"HTTP_HOST": OTHER_HOST}, "2")):
            downloads = [
                Client().get(f"/case-statistics/{year}/csv/", **host),
                Client().get(f"/case-statistics/{year}/json/", **host),
            ]
            rows = list(csv.DictReader(io.StringIO(downloads[0].content.decode("utf-8-sig"))))
            records = [{k: str(v) for k, v in r.items()} for r in json.loads(downloads[1].content)]
            for table in (rows, records):
                row = next(r for r in table if r["kind"] == "complaint" and r["period"] == "12m")
                assert row["received"] == expected
        html = Client().get(f"/case-statistics/{year}/").content.decode()
        assert THEIRS not in html

    def test_the_q_and_a_of_b_is_not_on_a(self, site, other_site, organizations, superuser):
        _ours, theirs = organizations
        for each in (site, other_site):
            QuestionAnswerPageFactory(parent=each.root_page)
        question = file_case(theirs, "คำถามของเขา", kind=CaseKind.QUESTION, files=())
        published = publishing.publish_question(question, superuser, "ถามของเขา", "ตอบของเขา")
        assert "ถามของเขา" in from_b("/questions/").content.decode()
        assert from_b(f"/questions/{published.code}/").status_code == 200
        assert "ถามของเขา" not in Client().get("/questions/").content.decode()
        assert "ถามของเขา" not in Client().get("/questions/?q=ถาม").content.decode()
        assert Client().get(f"/questions/{published.code}/").status_code == 404
        page_of_a = site.root_page.get_children().get(slug="questions").specific
        locations = [url["location"] for url in page_of_a.get_sitemap_urls()]
        assert not any(published.code in location for location in locations)


class TestJobs:
    def test_the_purge_keeps_each_organizations_retention(
        self, organizations, case_admin, settings
    ):
        settings.TAMBON_CASE_RETENTION_DAYS = 365
        ours, theirs = organizations
        rules = CaseSettings.of_organization(ours)
        rules.retention_days = 30
        rules.save()
        case_a, case_b = file_case(ours, OURS), file_case(theirs, THEIRS)
        for case in (case_a, case_b):
            finished_days_ago(case, case_admin, 60)
        call_command("purge_case_personal_data", stdout=io.StringIO())
        assert not Reporter.objects.for_organization(ours).exists()
        assert Reporter.objects.for_organization(theirs).filter(case=case_b).exists()

    def test_the_reminders_go_per_organization_with_its_own_address(
        self, organizations, division_head
    ):
        division_head.email = "head@example.com"
        division_head.save()
        ours, theirs = organizations
        late = timezone.now() + timezone.timedelta(days=400)
        file_case(ours, OURS)
        file_case(theirs, THEIRS)
        # The division head is staff of both (memberships do not exist yet): one mail each.
        assert reminders.send_reminders(now=late) == 2
        by_subject = {OURS: None, THEIRS: None}
        for message in mail.outbox:
            for subject in by_subject:
                if subject in message.body:
                    by_subject[subject] = message.body
        assert OURS not in by_subject[THEIRS]
        assert THEIRS not in by_subject[OURS]
        assert f"http://{OTHER_HOST}/admin/cases/" in by_subject[THEIRS]

    def test_the_citizen_of_b_is_sent_to_bs_site(
        self, organizations, django_capture_on_commit_callbacks
    ):
        _ours, theirs = organizations
        with django_capture_on_commit_callbacks(execute=True):
            file_case(theirs, THEIRS, reporter=REPORTER | {"email": "citizen@example.com"})
        assert len(mail.outbox) == 1
        assert f"http://{OTHER_HOST}/cases/track/" in mail.outbox[-1].body


def test_the_division_filter_lists_and_accepts_ours_only(clerk, new_case, organizations):
    _ours, theirs = organizations
    ours_division = DivisionFactory(name="กองช่างของเรา")
    theirs_division = DivisionFactory(name="กองช่างของเขา", organization=theirs)
    client = signed_in(clerk)
    html = client.get("/admin/cases/").content.decode()
    assert "กองช่างของเรา" in html
    assert "กองช่างของเขา" not in html
    assert client.get(f"/admin/cases/?division={ours_division.pk}").context["filters"].is_valid()
    refused = client.get(f"/admin/cases/?division={theirs_division.pk}").context["filters"]
    assert not refused.is_valid()
    assert "division" in refused.errors


def test_a_case_cannot_be_assigned_to_another_organizations_division(
    clerk, new_case, organizations
):
    _ours, theirs = organizations
    ours_division = DivisionFactory(name="กองช่างของเรา")
    theirs_division = DivisionFactory(name="กองช่างของเขา", organization=theirs)
    case = new_case()
    client = signed_in(clerk)
    html = client.get(f"/admin/cases/{case.pk}/").content.decode()
    assert "กองช่างของเรา" in html
    assert "กองช่างของเขา" not in html
    url = f"/admin/cases/{case.pk}/act/"
    response = client.post(
        url, {"action": "assign", "assignee": clerk.pk, "division": theirs_division.pk}, follow=True
    )
    with override("th"):
        expected = gettext("Choose a division from the list.")
    assert [str(m) for m in response.context["messages"]] == [expected]
    case.refresh_from_db()
    assert case.division is None
    client.post(url, {"action": "assign", "assignee": clerk.pk, "division": ours_division.pk})
    case.refresh_from_db()
    assert (case.division, case.state) == (ours_division, CaseState.ASSIGNED)
    assert CaseEvent.objects.for_organization(case.organization).filter(case=case).count() == 2


def test_the_clerks_of_a_case_are_those_of_its_organization(organizations):
    """Who is told of a new case and who may be assigned one: staff of the case's
    organization, by their role there."""
    from django.contrib.auth import get_user_model

    from tambon.cases import roles
    from tambon.core import memberships
    from tambon.core.models import Role

    ours, theirs = organizations
    users = get_user_model().objects
    a_clerk = users.create_user("a-clerk", "a@example.org", "x" * 12)
    b_clerk = users.create_user("b-clerk", "b@example.org", "x" * 12)
    both = users.create_user("both", "both@example.org", "x" * 12)
    memberships.add_member(a_clerk, ours, Role.CLERK)
    memberships.add_member(b_clerk, theirs, Role.CLERK)
    memberships.add_member(both, ours, Role.EXECUTIVE)
    memberships.add_member(both, theirs, Role.CLERK)

    assert set(roles.holders([roles.CLERK], ours)) == {a_clerk}
    assert set(roles.holders([roles.CLERK], theirs)) == {b_clerk, both}
    assert set(roles.holders([roles.EXECUTIVE], ours)) == {both}
    assert roles.belongs_to(both, ours) and not roles.belongs_to(a_clerk, theirs)
