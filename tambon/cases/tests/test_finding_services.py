"""Issue 14: a villager finds the forms, completes them on a phone the first time, and keeps
the receipt."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from tambon.cases.models import Case, CaseKind

from .factories import ServiceTypeFactory
from .test_public_forms import complaint_data, is_thai

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(site, starter_categories):
    ServiceTypeFactory(name="ขอรับน้ำอุปโภคบริโภค", slug="water-delivery")
    return Client()


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def noindex(response):
    return soup_of(response).find("meta", attrs={"name": "robots", "content": "noindex"})


class TestFindingTheForms:
    def test_the_hub_links_every_form_and_the_tracking_page(self, client):
        links = {a["href"] for a in soup_of(client.get("/cases/")).select("main a")}
        for kind in CaseKind:
            if kind != CaseKind.ESERVICE:
                assert f"/cases/new/{kind.value}/" in links
        assert "/cases/new/eservice/" in links
        assert "/cases/track/" in links

    @pytest.mark.parametrize(
        "path", ["/cases/", "/cases/new/complaint/", "/cases/new/eservice/water-delivery/"]
    )
    def test_the_forms_may_be_indexed(self, client, path):
        assert noindex(client.get(path)) is None

    def test_a_search_engine_shows_what_the_form_is_for(self, client):
        description = soup_of(client.get("/cases/new/complaint/")).find(
            "meta", attrs={"name": "description"}
        )
        assert description["content"].startswith("ร้องเรียน/ร้องทุกข์: ส่งถึง องค์การบริหารส่วนตำบลทดสอบ")
        assert "ติดตามเรื่อง" in description["content"]

    def test_the_tracking_page_is_not_indexed(self, client):
        assert noindex(client.get("/cases/track/")) is not None

    def test_sitemap_xml_lists_the_forms_with_the_requested_host(self, client):
        xml = client.get("/sitemap.xml", HTTP_HOST="localhost").content.decode()
        for path in (
            "/cases/",
            "/cases/new/complaint/",
            "/cases/new/information/",
            "/cases/new/eservice/",
            "/cases/new/eservice/water-delivery/",
        ):
            assert f"<loc>http://localhost{path}</loc>" in xml

    def test_every_public_page_links_the_tracking_page_in_its_header(self, client):
        for path in ("/", "/cases/new/complaint/"):
            header = soup_of(client.get(path)).select_one("header.site-header")
            assert header.find("a", href="/cases/track/"), path


class TestCategoryChoice:
    def test_no_category_is_chosen_for_the_citizen(self, client):
        select = soup_of(client.get("/cases/new/complaint/")).find("select", id="id_category")
        first = select.find("option")
        assert first["value"] == ""
        assert first.get_text() == "เลือกหมวดหมู่"
        chosen = [option["value"] for option in select.find_all("option", selected=True)]
        assert chosen in ([], [""])

    def test_a_complaint_without_a_category_is_refused_in_thai(self, client):
        response = client.post("/cases/new/complaint/", complaint_data(category=""))
        assert response.status_code == 200
        assert not Case.objects.all_organizations().exists()
        errors = soup_of(response).select("#id_category-errors li, .field--error .errorlist li")
        assert is_thai([e.get_text() for e in errors])


class TestErrorSummary:
    def test_the_summary_names_and_links_each_field_in_error_and_keeps_the_text(self, client):
        response = client.post(
            "/cases/new/complaint/", complaint_data(category="", phone="", email="")
        )
        page = soup_of(response)
        summary = page.find(id="error-summary")
        assert summary is not None and summary.has_attr("autofocus")
        assert summary["tabindex"] == "-1"
        links = {a["href"]: a.get_text() for a in summary.select("a")}
        assert set(links) == {"#id_category", "#id_phone"}
        assert links["#id_phone"].startswith("โทรศัพท์")  # the field's own label first
        assert page.find(id="id_subject")["value"] == "ถนนหมู่ 3 เป็นหลุมลึก"
        assert "หลุมกว้าง" in page.find(id="id_details").get_text()
        # The summary comes before the form.
        html = response.content.decode()
        assert html.index('id="error-summary"') < html.index('class="case-form"')

    def test_the_robot_trap_is_named_without_a_link_to_the_hidden_field(self, client):
        response = client.post("/cases/new/complaint/", complaint_data(website="x"))
        summary = soup_of(response).find(id="error-summary")
        assert not summary.select('a[href="#id_website"]')
        assert is_thai([summary.get_text()])


class TestPlace:
    def test_the_place_is_asked_in_words_and_the_location_button_may_be_used(self, client):
        response = client.get("/cases/new/complaint/")
        page = soup_of(response)
        assert page.find("input", id="id_location_text")["type"] == "text"
        button = page.find("button", attrs={"data-locate": True})
        assert button.has_attr("hidden")  # shown by the script only: nothing to press without it
        script = page.find("script", src=re.compile(r"core/citizen_forms(\.[0-9a-f]+)?\.js$"))
        assert script is not None and not script.get_text().strip()
        assert "geolocation=(self)" in response["Permissions-Policy"]
        assert "camera=()" in response["Permissions-Policy"]

    def test_other_pages_still_may_not_ask_for_the_location(self, client):
        assert "geolocation=()" in client.get("/cases/track/")["Permissions-Policy"]

    def test_a_complaint_without_coordinates_is_filed(self, client):
        data = complaint_data(latitude="", longitude="")
        assert client.post("/cases/new/complaint/", data).status_code == 302


class TestReceipt:
    def file(self, client, **data):
        response = client.post("/cases/new/complaint/", complaint_data(**data))
        return client.get(response["Location"])

    def test_the_receipt_says_how_to_keep_it_and_where_to_track(self, client):
        page = soup_of(self.file(client))
        assert page.find("button", attrs={"data-print": True})
        assert "PDF" in page.get_text()
        tracking = page.find(id="track-heading").parent
        assert tracking.find("a", href="/cases/track/")
        assert "http://testserver/cases/track/" in tracking.get_text()
        assert not page.select("form.receipt-mail")  # no e-mail given: nothing to send to

    def test_the_code_and_pin_are_sent_to_the_given_e_mail_once(self, client):
        page = soup_of(self.file(client, email="somying@example.com"))
        pin = page.select_one(".receipt__pin").get_text()
        assert page.select_one("form.receipt-mail")
        mail.outbox.clear()  # the worker's notice of receipt (code only)
        sent = client.post("/cases/receipt/")
        assert sent.status_code == 200
        assert [message.to for message in mail.outbox] == [["somying@example.com"]]
        case = Case.objects.all_organizations().get()
        assert case.display_code in mail.outbox[0].body
        assert pin in mail.outbox[0].body
        assert "/cases/track/" in mail.outbox[0].body
        assert pin not in sent.content.decode()
        again = client.post("/cases/receipt/")
        assert again.status_code == 302 and len(mail.outbox) == 1

    def test_a_mail_server_failure_is_said_in_thai_not_an_error_page(self, client, settings):
        self.file(client, email="somying@example.com")
        settings.EMAIL_BACKEND = "tambon.cases.tests.test_finding_services.RefusingBackend"
        response = client.post("/cases/receipt/")
        assert response.status_code == 200
        assert is_thai([soup_of(response).select_one('[role="alert"]').get_text()])


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
