"""The case staff screens offer and accept only the divisions of their site's organization."""

import pytest
from django.utils.translation import gettext, override

from tambon.cases.models import CaseState
from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.people.tests.factories import DivisionFactory

from .test_admin import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def divisions(site):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    return DivisionFactory(name="กองช่างของเรา"), DivisionFactory(
        name="กองช่างของเขา", organization=other
    )


def test_the_division_filter_lists_and_accepts_ours_only(clerk, new_case, divisions):
    ours, theirs = divisions
    client = signed_in(clerk)
    html = client.get("/admin/cases/").content.decode()
    assert "กองช่างของเรา" in html
    assert "กองช่างของเขา" not in html
    assert client.get(f"/admin/cases/?division={ours.pk}").context["filters"].is_valid()
    refused = client.get(f"/admin/cases/?division={theirs.pk}").context["filters"]
    assert not refused.is_valid()
    assert "division" in refused.errors


def test_a_case_cannot_be_assigned_to_another_organizations_division(clerk, new_case, divisions):
    ours, theirs = divisions
    case = new_case()
    client = signed_in(clerk)
    html = client.get(f"/admin/cases/{case.pk}/").content.decode()
    assert "กองช่างของเรา" in html
    assert "กองช่างของเขา" not in html
    url = f"/admin/cases/{case.pk}/act/"
    response = client.post(
        url, {"action": "assign", "assignee": clerk.pk, "division": theirs.pk}, follow=True
    )
    with override("th"):
        expected = gettext("Choose a division from the list.")
    assert [str(m) for m in response.context["messages"]] == [expected]
    case.refresh_from_db()
    assert case.division is None
    client.post(url, {"action": "assign", "assignee": clerk.pk, "division": ours.pk})
    case.refresh_from_db()
    assert (case.division, case.state) == (ours, CaseState.ASSIGNED)
