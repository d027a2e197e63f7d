"""The public Q&A page and the staff action that publishes a question on it."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import PermissionDenied
from django.test import Client

from tambon.cases import publishing, services
from tambon.cases.models import (
    CaseEvent,
    CaseKind,
    EventKind,
    PublishedQuestion,
)
from tambon.cases.models.pages import QUESTIONS_PER_PAGE
from tambon.cases.tests.conftest import REPORTER
from tambon.cases.tests.factories import QuestionAnswerPageFactory

pytestmark = pytest.mark.django_db

CITIZEN_SUBJECT = "ลูกสาวผมชื่อน้องฟ้า จะขอทุนเรียนได้ไหม"
CITIZEN_DETAILS = "บ้านเลขที่ 99/1 ลูกสาวเรียนอยู่ ม.3 ครอบครัวมีรายได้น้อย"
PUBLIC_QUESTION = "นักเรียนจากครอบครัวรายได้น้อยขอทุนการศึกษาจาก อบต. ได้หรือไม่"
PUBLIC_ANSWER = "ได้ โดยยื่นคำขอที่กองการศึกษาภายในเดือนพฤษภาคมของทุกปี"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def qa_page(home):
    return QuestionAnswerPageFactory(parent=home)


@pytest.fixture
def question(new_case):
    return new_case(kind=CaseKind.QUESTION, subject=CITIZEN_SUBJECT, details=CITIZEN_DETAILS)


@pytest.fixture
def published(question, clerk):
    return publishing.publish_question(question, clerk, PUBLIC_QUESTION, PUBLIC_ANSWER)


def page_text(url, **params):
    response = Client().get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_page_shows_the_rewritten_question_and_never_the_citizens_words_or_identity(
    qa_page, published
):
    listing = page_text(qa_page.url)
    detail = page_text(f"{qa_page.url}{published.code}/")
    for html in (listing, detail):
        assert PUBLIC_QUESTION in html
        assert PUBLIC_ANSWER in html
        for private in (CITIZEN_SUBJECT, CITIZEN_DETAILS, *REPORTER.values()):
            assert private not in html


def test_each_answer_has_its_own_stable_address_linked_from_the_list(qa_page, published):
    listing = BeautifulSoup(page_text(qa_page.url), "html.parser")
    link = listing.find("a", string=PUBLIC_QUESTION)
    assert link["href"] == f"{qa_page.url}{published.code}/"


def test_unpublished_questions_are_not_shown(qa_page, question, published, clerk):
    publishing.unpublish_question(question, clerk)
    assert PUBLIC_QUESTION not in page_text(qa_page.url)
    assert Client().get(f"{qa_page.url}{published.code}/").status_code == 404


def test_the_search_finds_answers_by_their_words(qa_page, published):
    assert PUBLIC_QUESTION in page_text(qa_page.url, q="ทุนการศึกษา")
    assert PUBLIC_QUESTION not in page_text(qa_page.url, q="ภาษีป้าย")


def test_the_newest_answers_come_first_and_the_list_is_paginated(qa_page, new_case, clerk):
    for number in range(QUESTIONS_PER_PAGE + 1):
        case = new_case(kind=CaseKind.QUESTION)
        publishing.publish_question(case, clerk, f"คำถามทดสอบลำดับ {number:02d}", "คำตอบ")
    first_page = page_text(qa_page.url)
    newest = f"คำถามทดสอบลำดับ {QUESTIONS_PER_PAGE:02d}"
    assert newest in first_page
    assert first_page.index(newest) < first_page.index(
        f"คำถามทดสอบลำดับ {QUESTIONS_PER_PAGE - 1:02d}"
    )
    assert "คำถามทดสอบลำดับ 00" in page_text(qa_page.url, page=2)


def test_the_next_page_link_keeps_the_search_words(qa_page, new_case, clerk):
    for number in range(QUESTIONS_PER_PAGE + 1):
        case = new_case(kind=CaseKind.QUESTION)
        publishing.publish_question(case, clerk, f"คำถามเรื่องขยะ {number:02d}", "คำตอบ")
    html = Client().get(qa_page.url, {"q": "ขยะ"}).content.decode()
    next_link = BeautifulSoup(html, "html.parser").find("a", rel="next")
    assert parse_qs(urlsplit(next_link["href"]).query) == {"q": ["ขยะ"], "page": ["2"]}
    second = Client().get(qa_page.url + next_link["href"]).content.decode()
    assert "คำถามเรื่องขยะ 00" in second


def test_the_page_links_to_the_question_form(qa_page):
    assert 'href="/cases/new/question/"' in page_text(qa_page.url)


@pytest.mark.parametrize("params", [{"page": "abc"}, {"page": "99999"}])
def test_a_bad_page_number_is_not_found(qa_page, params):
    assert Client().get(qa_page.url, params).status_code == 404


def test_an_unknown_answer_address_is_not_found(qa_page):
    assert Client().get(f"{qa_page.url}no-such-answer/").status_code == 404


class TestPublishing:
    def test_publishing_writes_an_internal_event(self, question, clerk):
        publishing.publish_question(question, clerk, PUBLIC_QUESTION, PUBLIC_ANSWER)
        event = CaseEvent.objects.all_organizations().filter(case=question).last()
        assert (event.kind, event.actor, event.is_public) == (EventKind.INTERNAL_NOTE, clerk, False)

    def test_only_questions_can_be_published(self, new_case, clerk):
        complaint = new_case()
        with pytest.raises(services.CaseError):
            publishing.publish_question(complaint, clerk, PUBLIC_QUESTION, PUBLIC_ANSWER)

    def test_both_texts_are_needed(self, question, clerk):
        with pytest.raises(services.CaseError):
            publishing.publish_question(question, clerk, PUBLIC_QUESTION, "  ")

    def test_staff_outside_the_case_groups_cannot_publish(self, question, outsider):
        with pytest.raises(PermissionDenied):
            publishing.publish_question(question, outsider, PUBLIC_QUESTION, PUBLIC_ANSWER)

    def test_a_clerk_publishes_from_the_case_page(self, qa_page, question, clerk):
        client = signed_in(clerk)
        case_page = client.get(f"/admin/cases/{question.pk}/").content.decode()
        assert 'name="public_question"' in case_page
        response = client.post(
            f"/admin/cases/{question.pk}/publish/",
            {"public_question": PUBLIC_QUESTION, "public_answer": PUBLIC_ANSWER},
        )
        assert response.status_code == 302
        assert PUBLIC_QUESTION in page_text(qa_page.url)

    def test_a_missing_answer_is_refused_with_a_message(self, question, clerk):
        client = signed_in(clerk)
        response = client.post(
            f"/admin/cases/{question.pk}/publish/",
            {"public_question": PUBLIC_QUESTION, "public_answer": ""},
            follow=True,
        )
        assert "กรุณาเขียนคำถามและคำตอบ" in response.content.decode()
        assert not PublishedQuestion.objects.all_organizations().filter(case=question).exists()


def test_publishing_and_unpublishing_start_a_new_page_cache_generation(question, clerk):
    from tambon.core import pagecache

    before = pagecache.generation()
    publishing.publish_question(question, clerk, PUBLIC_QUESTION, PUBLIC_ANSWER)
    published = pagecache.generation()
    publishing.unpublish_question(question, clerk)
    assert before != published != pagecache.generation()
