import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from tambon.cases.demo import DEMO_OFFICER
from tambon.cases.models import Case, CaseKind, CaseState

pytestmark = pytest.mark.django_db


def test_the_home_page_quick_link_leads_to_the_executive_line_form(demo_site):
    html = Client().get("/").content.decode()
    assert 'href="/cases/new/executive/"' in html
    assert Client().get("/cases/new/executive/").status_code == 200


def test_the_demo_has_sample_cases_of_several_kinds_and_states(demo_site):
    demo = Case.objects.all_organizations().filter(subject__contains="(ตัวอย่าง)")
    assert set(demo.values_list("kind", flat=True)) >= {
        CaseKind.COMPLAINT,
        CaseKind.EXECUTIVE,
        CaseKind.CORRUPTION,
    }
    assert demo.filter(state=CaseState.RESOLVED, rating=5).exists()


def test_the_demo_officer_cannot_sign_in(demo_site):
    assert not get_user_model().objects.get(username=DEMO_OFFICER).has_usable_password()


def test_the_demo_statistics_page_has_figures_for_the_previous_fiscal_year(demo_home):
    from bs4 import BeautifulSoup

    from tambon.cases.models import CaseStatisticsPage
    from tambon.thai.fiscal import fiscal_year

    page = CaseStatisticsPage.objects.live().descendant_of(demo_home).get()
    html = Client().get(f"{page.url}{fiscal_year() - 1}/").content.decode()
    complaints = BeautifulSoup(html, "html.parser").find(id="kind-complaint")
    assert complaints.find("table") is not None
    assert "%" in BeautifulSoup(html, "html.parser").find(id="satisfaction").get_text()


def test_the_demo_q_and_a_page_has_published_answers(demo_home):
    from tambon.cases.models import PublishedQuestion, QuestionAnswerPage

    page = QuestionAnswerPage.objects.live().descendant_of(demo_home).get()
    html = Client().get(page.url).content.decode()
    published = PublishedQuestion.objects.all_organizations().published()
    assert 2 <= published.count() <= 3
    assert all(item.question in html for item in published)


def test_the_corruption_guideline_page_gives_the_channels(demo_home):
    from tambon.cases.guideline import GUIDELINE_SLUG

    html = Client().get(f"/{GUIDELINE_SLUG}/").content.decode()
    for channel in ('href="/cases/new/corruption/"', "1567", "1111", "ป.ป.ช."):
        assert channel in html


def test_building_the_case_pages_again_adds_nothing(demo_home):
    from wagtail.models import Page

    from tambon.cases.demo import ensure_case_pages
    from tambon.pages.demo import standard_page

    before = Page.objects.count()
    ensure_case_pages(demo_home, standard_page)
    assert Page.objects.count() == before
