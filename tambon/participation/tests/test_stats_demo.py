"""The demo shows the whole path for both demo organizations: a past cycle with forums,
decisions, an approved plan, an addition and progress; a current cycle whose village forums run
today; loading it again adds nothing."""

import pytest
from django.core.management import call_command

from tambon.core.models import Organization
from tambon.participation.models import (
    Decision,
    EditionKind,
    Forum,
    ForumAttendance,
    ForumTally,
    PhaseKind,
    PlanCycle,
    PlanEdition,
    PlanProject,
    ProjectStatus,
    ProjectUpdate,
    Proposal,
    Support,
)
from tambon.thai.fiscal import today_in_bangkok

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

MODELS = (
    PlanCycle,
    Proposal,
    Forum,
    ForumAttendance,
    ForumTally,
    Support,
    PlanEdition,
    PlanProject,
    ProjectUpdate,
)


def counts():
    return {model.__name__: model.objects.all_organizations().count() for model in MODELS}


def demo_organizations():
    return list(Organization.objects.exclude(site=None).order_by("pk"))


def test_loading_the_demo_again_adds_no_participation_row():
    before = counts()
    call_command("load_demo", verbosity=0)
    assert counts() == before


@pytest.mark.parametrize("which", [0, 1])
def test_each_demo_organization_has_a_plan_in_monitoring_and_one_being_prepared(which):
    organization = demo_organizations()[which]
    today = today_in_bangkok()
    past, current = sorted(
        PlanCycle.objects.for_organization(organization), key=lambda c: c.first_year_be
    )
    assert past.phase_on(today).kind == PhaseKind.MONITORING
    assert current.phase_on(today).kind == PhaseKind.VILLAGE_FORUMS
    assert past.last_year_be + 1 == current.first_year_be

    for cycle in (past, current):
        village_forums = cycle.forums.exclude(village=None)
        assert village_forums.values("village").distinct().count() >= 3
        for forum in village_forums:
            assert forum.attendance_total > 0 and forum.minutes and forum.tallies.exists()
    assert Support.objects.for_organization(organization).filter(proposal__cycle=current).exists()

    # The committee went against a village's first choice once, and said why.
    overruled = Proposal.objects.for_organization(organization).get(
        cycle=past, tallies__forum_rank=1, decision=Decision.ELSEWHERE
    )
    assert overruled.decision_reason

    first, added = PlanEdition.objects.for_organization(organization).filter(cycle=past)
    assert first.kind == EditionKind.FIRST and first.is_approved
    assert added.kind == EditionKind.ADDITIONAL and added.is_approved
    assert str(added).endswith(f"ครั้งที่ 1/{added.year_be}")
    assert added.projects.count() == first.projects.count() + 1
    changed = [
        new
        for new in added.projects.all()
        for old in first.projects.all()
        if new.lineage == old.lineage and new.budgets() != old.budgets()
    ]
    assert len(changed) == 1
    for project in added.projects.all():
        assert project.objective and project.output_target and project.indicator
        assert project.expected_result and project.responsible_unit
        assert any(project.budgets())
    statuses = {p.status: p for p in added.projects.all()}
    assert statuses[ProjectStatus.DONE].percent_done == 100
    assert statuses[ProjectStatus.IN_PROGRESS].updates.count() == 3


def test_the_demo_cycles_pages_and_statistics_show_forums_and_projects(client):
    past, current = sorted(
        PlanCycle.objects.for_organization(demo_organizations()[0]), key=lambda c: c.first_year_be
    )
    text = client.get(f"/participation/{past.pk}/statistics/").content.decode()
    assert "หมู่ที่ 1 บ้านพงษ์" in text
    assert "เพิ่มเติม ครั้งที่ 1/" in text  # the budget comes from the addition
    assert text.count("<svg") == 5
    text = client.get(f"/participation/{current.pk}/").content.decode()
    assert "ก่อสร้างรางระบายน้ำข้างถนนสายหลัก (ตัวอย่าง)" in text
    assert "ผู้เสนอตัวอย่าง" not in text
