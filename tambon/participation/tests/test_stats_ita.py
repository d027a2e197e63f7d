"""The ITA dashboard offers a cycle's pages as evidence for the item on public participation
(FY2568 O20), for the fiscal year in which its steps ran, and never another organization's."""

import datetime

import pytest
from django.urls import reverse

from tambon.core.ita.evidence import suggestions_for
from tambon.core.ita.topics import ItaTopic
from tambon.core.models import Organization
from tambon.core.tests.factories import default_organization
from tambon.infocenter.ita.loading import load_ita_items
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import PhaseKind

from .factories import cycle_around

pytestmark = pytest.mark.django_db

# FY 2568 runs from 1 October 2024 to 30 September 2025.
IN_FY2568 = datetime.date(2025, 3, 1)


def rows_of(html, code):
    return html.split(f'<tr id="ita-{code}"')[1].split("</tr>")[0]


def test_the_dashboard_suggests_the_cycle_pages_for_the_participation_item(admin_client, site):
    load_ita_items(default_organization())
    cycle = cycle_around(IN_FY2568, PhaseKind.VILLAGE_FORUMS)

    html = rows_of(admin_client.get(reverse("ita_coverage") + "?year=2568").content.decode(), "o20")

    assert f'value="/participation/{cycle.pk}/"' in html
    assert f'value="/participation/{cycle.pk}/statistics/"' in html
    assert f'value="/participation/{cycle.pk}/statistics/#budget"' in html


def test_only_cycles_running_in_the_fiscal_year_are_offered_and_for_that_year(site):
    cycle = cycle_around(IN_FY2568, PhaseKind.VILLAGE_FORUMS, days=10)
    found = suggestions_for(ItaTopic.PARTICIPATION, site, 2568, current_only=True)
    assert {s.url() for s in found} >= {f"/participation/{cycle.pk}/"}
    assert {s.covers_fiscal_year for s in found} == {2568}
    assert "ปีงบประมาณ พ.ศ. 2568" in found[0].label
    # Its eight steps of ten days are over by the end of FY 2568.
    assert suggestions_for(ItaTopic.PARTICIPATION, site, 2569, current_only=True) == []


def test_a_hidden_cycle_or_another_organizations_is_not_offered(site):
    cycle_around(IN_FY2568, shown=False)
    other_site = second_organization_site("other.example")
    cycle_around(IN_FY2568, organization=Organization.for_site(other_site))
    assert suggestions_for(ItaTopic.PARTICIPATION, site, 2568, current_only=True) == []
    assert len(suggestions_for(ItaTopic.PARTICIPATION, other_site, 2568, current_only=True)) == 3
