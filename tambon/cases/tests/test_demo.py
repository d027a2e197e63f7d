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
    demo = Case.objects.filter(subject__contains="(ตัวอย่าง)")
    assert set(demo.values_list("kind", flat=True)) >= {
        CaseKind.COMPLAINT,
        CaseKind.EXECUTIVE,
        CaseKind.CORRUPTION,
    }
    assert demo.filter(state=CaseState.RESOLVED, rating=5).exists()


def test_the_demo_officer_cannot_sign_in(demo_site):
    assert not get_user_model().objects.get(username=DEMO_OFFICER).has_usable_password()
