import datetime

import pytest
from django.test import Client

from tambon.cases.models import (
    Attachment,
    Case,
    CaseKind,
    ServiceDocument,
    ServiceField,
    ServiceType,
)
from tambon.cases.starter import SERVICE_TYPES, ensure_service_types
from tambon.cases.tests.conftest import make_user
from tambon.cases.tests.test_public_forms import XSS, is_thai
from tambon.core.models import Organization
from tambon.core.tests.factories import default_organization
from tambon.people.tests.factories import DivisionFactory

from . import files

pytestmark = pytest.mark.django_db


@pytest.fixture
def division(site):
    return DivisionFactory(name="กองสาธารณสุขทดสอบ")


@pytest.fixture
def service(division):
    service = ServiceType.objects.for_organization(default_organization()).create(
        name="ขอรับวัคซีนสุนัขทดสอบ",
        slug="dog-vaccine-test",
        description="ฉีดวัคซีนพิษสุนัขบ้าฟรี",
        division=division,
        resolve_days=4,
    )
    ServiceDocument.objects.create(service_type=service, name="สำเนาบัตรประชาชน")
    ServiceField.objects.create(
        service_type=service, label="จำนวนสุนัข", kind="number", required=True, sort_order=0
    )
    ServiceField.objects.create(
        service_type=service,
        label="ช่วงเวลา",
        kind="choice",
        required=True,
        choices="เช้า\nบ่าย",
        sort_order=1,
    )
    ServiceField.objects.create(
        service_type=service, label="วันที่สะดวก", kind="date", required=False, sort_order=2
    )
    ServiceField.objects.create(
        service_type=service, label="สีของสุนัข", kind="text", required=False, sort_order=3
    )
    return ServiceType.objects.all_organizations().get(pk=service.pk)


def fields_of(service):
    return {field.label: f"extra_{field.pk}" for field in service.fields.all()}


def document_field(service):
    return f"document_{service.documents.get().pk}"


def request_data(service, **overrides):
    names = fields_of(service)
    data = {
        "subject": "ขอฉีดวัคซีนให้สุนัขที่บ้าน",
        "details": "มีสุนัขสองตัวยังไม่เคยฉีดวัคซีน",
        "location_text": "หมู่ 5",
        "name": "สมหญิง รักดี",
        "phone": "0812345678",
        "email": "",
        "address": "",
        "citizen_id": "",
        "website": "",
        names["จำนวนสุนัข"]: "2",
        names["ช่วงเวลา"]: "บ่าย",
        names["วันที่สะดวก"]: "14/03/2569",
        names["สีของสุนัข"]: "",
    }
    data.update(overrides)
    return data


def url(service):
    return f"/cases/new/eservice/{service.slug}/"


class TestServiceIndex:
    def test_the_index_lists_live_types_only_with_their_documents(self, service):
        hidden = ServiceType.objects.for_organization(default_organization()).create(
            name="บริการที่ปิดแล้ว", slug="closed", is_live=False
        )
        html = Client().get("/cases/new/eservice/").content.decode()
        assert service.name in html
        assert url(service) in html
        assert "สำเนาบัตรประชาชน" in html
        assert hidden.name not in html
        assert Client().get("/cases/new/eservice/closed/").status_code == 404

    def test_the_form_shows_the_types_extra_fields_and_document_slots(self, service):
        html = Client().get(url(service)).content.decode()
        for label in ("จำนวนสุนัข", "ช่วงเวลา", "วันที่สะดวก", "สีของสุนัข", "สำเนาบัตรประชาชน"):
            assert label in html
        assert f'name="{document_field(service)}"' in html
        assert 'type="date"' in html


class TestSubmitting:
    def test_a_complete_request_is_filed_with_its_answers_division_deadline_and_document(
        self, service, division
    ):
        client = Client()
        data = request_data(service, **{document_field(service): files.jpeg_with_gps("id.jpg")})
        response = client.post(url(service), data)
        assert response.status_code == 302
        case = Case.objects.all_organizations().get(subject="ขอฉีดวัคซีนให้สุนัขที่บ้าน")
        assert case.kind == CaseKind.ESERVICE
        assert case.service_type == service
        assert case.division == division
        received = case.created.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
        assert case.resolve_due.astimezone(received.tzinfo).date() == (
            received.date() + datetime.timedelta(days=4)
        )
        assert case.service_answers == [
            {"label": "จำนวนสุนัข", "value": "2"},
            {"label": "ช่วงเวลา", "value": "บ่าย"},
            {"label": "วันที่สะดวก", "value": "14 มีนาคม 2569"},
            {"label": "สีของสุนัข", "value": ""},
        ]
        document = Attachment.objects.all_organizations().get(case=case)
        assert document.document == "สำเนาบัตรประชาชน"

    def test_the_answers_keep_the_labels_asked_even_after_an_editor_renames_a_field(self, service):
        client = Client()
        data = request_data(service, **{document_field(service): files.pdf()})
        client.post(url(service), data)
        ServiceField.objects.all_organizations().filter(label="จำนวนสุนัข").update(
            label="จำนวนสัตว์เลี้ยง"
        )
        case = Case.objects.all_organizations().get(service_type=service)
        assert case.service_answers[0]["label"] == "จำนวนสุนัข"

    def test_the_citizen_and_the_staff_see_the_answers(self, service):
        client = Client()
        data = request_data(service, **{document_field(service): files.pdf("idcard.pdf")})
        client.post(url(service), data)
        tracking = client.get("/cases/track/").content.decode()
        assert "ช่วงเวลา" in tracking and "บ่าย" in tracking
        assert "14 มีนาคม 2569" in tracking
        assert "idcard.pdf" in tracking and "สำเนาบัตรประชาชน" in tracking
        staff = Client()
        staff.force_login(make_user("clerk-a", "clerk"))
        case = Case.objects.all_organizations().get(service_type=service)
        page = staff.get(f"/admin/cases/{case.pk}/").content.decode()
        assert service.name in page
        assert "จำนวนสุนัข" in page and "บ่าย" in page
        assert "สำเนาบัตรประชาชน" in page


class TestRequiredAndKept:
    def test_a_missing_document_and_missing_answers_are_refused_in_thai(self, service):
        names = fields_of(service)
        response = Client().post(
            url(service), request_data(service, **{names["จำนวนสุนัข"]: "", names["ช่วงเวลา"]: ""})
        )
        assert response.status_code == 200
        errors = response.context["form"].errors
        assert is_thai(errors[document_field(service)])
        assert "สำเนาบัตรประชาชน" in str(errors[document_field(service)])
        assert is_thai(errors[names["จำนวนสุนัข"]])
        assert is_thai(errors[names["ช่วงเวลา"]])
        assert not Case.objects.all_organizations().filter(service_type=service).exists()

    def test_answers_and_an_accepted_document_are_kept_when_something_else_is_wrong(self, service):
        client = Client()
        names = fields_of(service)
        first = client.post(
            url(service),
            request_data(
                service,
                phone="12345",
                **{names["สีของสุนัข"]: "น้ำตาลลายขาว", document_field(service): files.pdf("b.pdf")},
            ),
        )
        assert first.status_code == 200
        html = first.content.decode()
        assert "น้ำตาลลายขาว" in html
        assert "b.pdf" in html  # the document is kept, not asked again
        assert document_field(service) not in first.context["form"].errors
        second = client.post(
            url(service), request_data(service, **{names["สีของสุนัข"]: "น้ำตาลลายขาว"})
        )
        assert second.status_code == 302
        case = Case.objects.all_organizations().get(service_type=service)
        assert case.attachments.get().document == "สำเนาบัตรประชาชน"
        assert {"label": "สีของสุนัข", "value": "น้ำตาลลายขาว"} in case.service_answers

    def test_a_removed_kept_document_must_be_attached_again(self, service):
        client = Client()
        client.post(
            url(service),
            request_data(service, phone="12345", **{document_field(service): files.pdf()}),
        )
        token = client.session["cases_pending_files"][f"new-eservice-{service.pk}"][0]["token"]
        response = client.post(url(service), request_data(service, remove_attachment=token))
        assert response.status_code == 200
        assert document_field(service) in response.context["form"].errors
        assert not Case.objects.all_organizations().filter(service_type=service).exists()


class TestHostileInput:
    def test_a_disguised_document_is_refused_and_nothing_typed_is_lost(self, service):
        response = Client().post(
            url(service),
            request_data(service, **{document_field(service): files.exe_named_jpg("id.jpg")}),
        )
        assert response.status_code == 200
        assert is_thai(response.context["form"].errors[document_field(service)])
        assert "มีสุนัขสองตัวยังไม่เคยฉีดวัคซีน" in response.content.decode()

    @pytest.mark.parametrize("value", ["กลางคืน", "<script>", "เช้า\nบ่าย"])
    def test_a_choice_not_offered_is_refused(self, service, value):
        names = fields_of(service)
        response = Client().post(url(service), request_data(service, **{names["ช่วงเวลา"]: value}))
        assert response.status_code == 200
        assert is_thai(response.context["form"].errors[names["ช่วงเวลา"]])

    @pytest.mark.parametrize("value", ["สอง", "1e999", "9" * 40, "NaN"])
    def test_a_number_that_is_not_one_is_refused(self, service, value):
        names = fields_of(service)
        response = Client().post(url(service), request_data(service, **{names["จำนวนสุนัข"]: value}))
        assert response.status_code == 200
        assert names["จำนวนสุนัข"] in response.context["form"].errors

    @pytest.mark.parametrize("value", ["31/02/2569", "tomorrow", "14/03/2026", "ก" * 50])
    def test_a_date_that_is_not_one_is_refused_in_thai(self, service, value):
        names = fields_of(service)
        response = Client().post(url(service), request_data(service, **{names["วันที่สะดวก"]: value}))
        assert response.status_code == 200
        assert is_thai(response.context["form"].errors[names["วันที่สะดวก"]])

    def test_script_and_invisible_characters_in_a_text_answer_are_stored_safely(self, service):
        client = Client()
        names = fields_of(service)
        sneaky = XSS + "\u202e\u200bดำ"
        response = client.post(
            url(service),
            request_data(
                service, **{names["สีของสุนัข"]: sneaky, document_field(service): files.pdf()}
            ),
        )
        assert response.status_code == 302
        stored = (
            Case.objects.all_organizations().get(service_type=service).service_answers[3]["value"]
        )
        assert "\u202e" not in stored and "\u200b" not in stored
        html = client.get("/cases/track/").content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html


class TestStarterTypes:
    def test_the_starter_types_are_created_once_with_their_documents_and_fields(self, site):
        organization = Organization.for_site(site)
        ensure_service_types(organization)
        ensure_service_types(organization)
        assert ServiceType.objects.all_organizations().count() == len(SERVICE_TYPES)
        allowance = ServiceType.objects.all_organizations().get(slug="elderly-allowance")
        assert allowance.name == "ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ"
        assert allowance.documents.count() == 3
        assert allowance.fields.filter(kind="date", required=True).exists()


class TestEditing:
    def test_a_choice_field_without_choices_is_refused_in_the_admin(self, service):
        from django.core.exceptions import ValidationError

        field = ServiceField(service_type=service, label="ขนาด", kind="choice", choices=" \n")
        with pytest.raises(ValidationError) as refused:
            field.full_clean()
        assert "choices" in refused.value.message_dict

    def test_an_editor_adds_a_type_with_its_fields_in_the_admin(self, superuser, division):
        client = Client()
        client.force_login(superuser)
        add_url = "/admin/snippets/cases/servicetype/add/"
        assert client.get(add_url).status_code == 200
        data = {
            "name": "ขอใช้สถานที่ทดสอบ",
            "slug": "venue-test",
            "description": "",
            "division": division.pk,
            "resolve_days": "5",
            "sort_order": "0",
            "is_live": "on",
            "documents-TOTAL_FORMS": "1",
            "documents-INITIAL_FORMS": "0",
            "documents-MIN_NUM_FORMS": "0",
            "documents-MAX_NUM_FORMS": "1000",
            "documents-0-name": "หนังสือขอใช้สถานที่",
            "documents-0-help_text": "",
            "documents-0-ORDER": "1",
            "fields-TOTAL_FORMS": "1",
            "fields-INITIAL_FORMS": "0",
            "fields-MIN_NUM_FORMS": "0",
            "fields-MAX_NUM_FORMS": "1000",
            "fields-0-label": "จำนวนผู้ร่วมงาน",
            "fields-0-kind": "number",
            "fields-0-required": "on",
            "fields-0-choices": "",
            "fields-0-help_text": "",
            "fields-0-ORDER": "1",
        }
        response = client.post(add_url, data)
        assert response.status_code == 302
        service = ServiceType.objects.all_organizations().get(slug="venue-test")
        assert [d.name for d in service.documents.all()] == ["หนังสือขอใช้สถานที่"]
        html = Client().get("/cases/new/eservice/venue-test/").content.decode()
        assert "จำนวนผู้ร่วมงาน" in html and "หนังสือขอใช้สถานที่" in html
