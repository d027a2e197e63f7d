import pytest

from tambon.core.models import Organization
from tambon.procurement.demo import ensure_procurement
from tambon.procurement.models import (
    Method,
    ProcurementAnnouncement,
    ProcurementIndexPage,
    ProcurementPlan,
    ProcurementProject,
)
from tambon.thai.fiscal import fiscal_year, today_in_bangkok

# The demo is the subject of these tests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


@pytest.fixture
def demo_organization(demo_home):
    return Organization.for_site(demo_home.get_site())


@pytest.fixture
def demo_procurement_page(demo_home):
    """The demo organization's procurement page."""
    return ProcurementIndexPage.objects.child_of(demo_home).get()


def test_the_demo_has_sample_procurement_of_this_fiscal_year_and_the_two_before(
    demo_procurement_page, demo_organization
):
    current = fiscal_year()
    projects = ProcurementProject.objects.for_organization(demo_organization)

    assert 6 <= projects.count() <= 12
    assert projects.of_fiscal_year(current).exists()
    assert projects.of_fiscal_year(current - 1).exists()
    assert projects.of_fiscal_year(current - 2).exists()  # what the demo's ITA FY 2568 links
    assert projects.filter(method=Method.E_BIDDING).count() == 2
    assert all("ตัวอย่าง" in project.title for project in projects)
    assert all(project.bids.exists() for project in projects)
    plans = ProcurementPlan.objects.for_organization(demo_organization)
    assert plans.of_fiscal_year(current).exists()
    announcements = ProcurementAnnouncement.objects.for_organization(demo_organization)
    assert announcements.count() >= projects.count()


def every_organizations_counts():
    # Building again must add nothing to any organization.
    return tuple(
        model.objects.all_organizations().count()
        for model in (ProcurementProject, ProcurementAnnouncement, ProcurementPlan)
    )


def test_building_the_demo_again_changes_nothing(demo_home):
    counts = every_organizations_counts()

    ensure_procurement(demo_home, today_in_bangkok())

    assert counts == every_organizations_counts()
