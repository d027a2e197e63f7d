"""Progress reports in the admin: staff report on a project of the plan in force, the project
follows the report, and a report going backwards is refused in Thai."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import PlanProject, ProjectStatus, ProjectUpdate

from .factories import PlanCycleFactory, PlanEditionFactory, PlanProjectFactory

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_participation_projectupdate:add"


@pytest.fixture
def admin_client(client, site):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


@pytest.fixture
def project(site):
    cycle = PlanCycleFactory()
    first = PlanEditionFactory(cycle=cycle, approved_on=datetime.date(2026, 6, 1))
    PlanProjectFactory(edition=first, title="โครงการฉบับแรกเท่านั้น")
    amended = PlanEditionFactory(
        cycle=cycle, kind="amended", number=1, approved_on=datetime.date(2026, 9, 1)
    )
    PlanEditionFactory(cycle=cycle, kind="amended", number=2, approved_on=None)
    return PlanProjectFactory(edition=amended, title="โครงการฉบับเปลี่ยนแปลง")


def _report(project, **changes):
    return {
        "project": str(project.pk),
        "reported_on": "2027-03-01",
        "status": "in_progress",
        "percent_done": "40",
        "note": "เทคอนกรีตแล้วครึ่งสาย",
        "image": "",
        **changes,
    }


def test_the_project_choice_lists_the_plan_in_force_of_the_organization_only(admin_client, project):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = PlanEditionFactory(
        cycle=PlanCycleFactory(organization=other), approved_on=datetime.date(2026, 6, 1)
    )
    PlanProjectFactory(edition=theirs, title="โครงการของเขา")
    text = admin_client.get(reverse(ADD)).content.decode()
    assert "รายงานความคืบหน้า" in text
    assert "โครงการฉบับเปลี่ยนแปลง" in text
    assert "โครงการฉบับแรกเท่านั้น" not in text
    assert "โครงการของเขา" not in text


def test_a_report_saved_in_the_admin_moves_the_project(admin_client, project):
    response = admin_client.post(reverse(ADD), _report(project))
    assert response.status_code == 302
    moved = PlanProject.objects.for_organization(project.organization_id).get(pk=project.pk)
    assert (moved.status, moved.percent_done) == (ProjectStatus.IN_PROGRESS, 40)
    listing = admin_client.get(
        reverse("wagtailsnippets_participation_projectupdate:list")
    ).content.decode()
    assert "โครงการฉบับเปลี่ยนแปลง" in listing and "1 มีนาคม 2570" in listing


def test_a_report_going_backwards_is_refused_in_thai(admin_client, project):
    admin_client.post(reverse(ADD), _report(project))
    backwards = _report(project, reported_on="2027-04-01", status="budgeted", percent_done="0")
    response = admin_client.post(reverse(ADD), backwards)
    assert response.status_code == 200
    assert "สถานะเดินหน้าได้อย่างเดียว" in response.content.decode()
    assert ProjectUpdate.objects.for_organization(project.organization_id).count() == 1


def test_a_link_from_a_project_opens_a_report_on_it(admin_client, project):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = PlanProjectFactory(
        edition=PlanEditionFactory(
            cycle=PlanCycleFactory(organization=other), approved_on=datetime.date(2026, 6, 1)
        ),
        title="โครงการของเขา",
    )
    form = admin_client.get(reverse(ADD), {"project": project.pk}).context["form"]
    assert form["project"].value() == project.pk
    form = admin_client.get(reverse(ADD), {"project": theirs.pk}).context["form"]
    assert form["project"].value() is None
