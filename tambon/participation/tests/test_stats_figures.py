"""The statistics page of a cycle: figures counted by hand from known rows, the charts with their
tables, isolation between organizations."""

import datetime
from decimal import Decimal

import pytest

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.participation import statistics
from tambon.participation.models import (
    AgeGroup,
    ForumAttendance,
    ForumKind,
    ForumTally,
    Moderation,
    PhaseKind,
    Sex,
    Source,
    Support,
)
from tambon.thai.fiscal import today_in_bangkok

from .factories import (
    CategoryFactory,
    ForumFactory,
    PlanEditionFactory,
    PlanProjectFactory,
    ProposalFactory,
    StrategyFactory,
    VillageFactory,
    cycle_around,
)

pytestmark = pytest.mark.django_db


def attend(forum, counts):
    """counts: {(sex, age group): people}."""
    for (sex, age), count in counts.items():
        ForumAttendance.objects.for_organization(forum.organization).create(
            forum=forum, sex=sex, age_group=age, count=count
        )


def support(proposal, who):
    return Support.objects.for_organization(proposal.organization).create(
        proposal=proposal, supporter_hash=who * 64
    )


@pytest.fixture
def world(site):
    """Village 1: two proposals online, one from its forum (20 men and 25 women), 3 supports.
    Village 2: one proposal from its forum (12 people), none online. Left out of every figure:
    a proposal waiting for review, one not published, a duplicate merged into another."""
    today = today_in_bangkok()
    cycle = cycle_around(today, PhaseKind.VILLAGE_FORUMS)
    first = VillageFactory(number=1, name="บ้านหนึ่ง")
    second = VillageFactory(number=2, name="บ้านสอง")
    VillageFactory(number=3, name="บ้านสาม")  # no proposal, no forum: a row of zeros
    roads, water = CategoryFactory(name="ถนน"), CategoryFactory(name="แหล่งน้ำ")
    road = ProposalFactory(cycle=cycle, village=first, category=roads, source=Source.ONLINE)
    lamp = ProposalFactory(cycle=cycle, village=first, category=roads, source=Source.ONLINE)
    pond = ProposalFactory(cycle=cycle, village=first, category=water, source=Source.FORUM)
    well = ProposalFactory(cycle=cycle, village=second, category=None, source=Source.FORUM)
    ProposalFactory(cycle=cycle, village=first, moderation=Moderation.PENDING)
    ProposalFactory(cycle=cycle, village=second, moderation=Moderation.REJECTED)
    ProposalFactory(cycle=cycle, village=first, category=roads, merged_into=road)
    for proposal, who in ((road, "a"), (road, "b"), (lamp, "a"), (well, "c")):
        support(proposal, who)
    forum_one = ForumFactory(cycle=cycle, village=first, held_on=today)
    attend(
        forum_one,
        {
            (Sex.MALE, AgeGroup.ADULT): 15,
            (Sex.MALE, AgeGroup.ELDERLY): 5,
            (Sex.FEMALE, AgeGroup.ADULT): 20,
            (Sex.FEMALE, AgeGroup.YOUTH): 5,
        },
    )
    ForumTally.objects.for_organization(cycle.organization).create(
        forum=forum_one, proposal=pond, votes=31
    )
    forum_two = ForumFactory(cycle=cycle, village=second, held_on=today)
    attend(forum_two, {(Sex.FEMALE, AgeGroup.ELDERLY): 8, (Sex.NOT_STATED, AgeGroup.ADULT): 4})
    # Long before the first step: counted outside the steps.
    subdistrict = ForumFactory(
        cycle=cycle,
        kind=ForumKind.SUBDISTRICT,
        village=None,
        held_on=today - datetime.timedelta(days=400),
    )
    attend(subdistrict, {(Sex.MALE, AgeGroup.ADULT): 40})
    return cycle


def test_village_figures_count_published_proposals_attendance_and_supports(world):
    rows = statistics.village_figures(world)
    assert [row.label for row in rows] == [
        "หมู่ที่ 1 บ้านหนึ่ง",
        "หมู่ที่ 2 บ้านสอง",
        "หมู่ที่ 3 บ้านสาม",
        "ประชาคมตำบล",
    ]
    one, two, three, subdistrict = rows
    assert (one.online, one.from_forums, one.supports, one.forums) == (2, 1, 3, 1)
    assert (two.online, two.from_forums, two.supports, two.forums) == (0, 1, 1, 1)
    assert (three.proposals, three.attendance, three.supports) == (0, 0, 0)
    # Sexes: male, female, not stated; ages: under 18, 18-25, 26-59, 60+.
    assert one.sex_counts == [20, 25, 0] and one.age_counts == [0, 5, 35, 5]
    assert two.sex_counts == [0, 8, 4] and two.age_counts == [0, 0, 4, 8]
    assert subdistrict.attendance == 40 and subdistrict.proposals == 0
    totals = statistics.village_totals(rows)
    assert (totals.proposals, totals.supports, totals.attendance, totals.forums) == (4, 4, 97, 3)


def test_phase_figures_put_each_thing_in_the_step_of_its_day(world):
    rows = {row.label: row for row in statistics.phase_figures(world)}
    forums = rows["ประชาคมหมู่บ้าน"]
    assert (forums.online, forums.forums, forums.attendance, forums.supports) == (2, 2, 57, 4)
    assert rows["รวบรวมปัญหาความต้องการ"].is_empty
    outside = rows["นอกช่วงวันที่ของขั้นตอน"]
    assert (outside.forums, outside.attendance) == (1, 40)


def test_category_figures_list_every_category_and_those_without_one(world):
    assert statistics.category_figures(world) == [
        ("ถนน", 2),
        ("แหล่งน้ำ", 1),
        ("ไม่ระบุหมวด", 1),
    ]


def test_budget_comes_from_the_latest_approved_edition_by_strategy_and_year(world):
    infrastructure = StrategyFactory(number=1, name="โครงสร้างพื้นฐาน")
    StrategyFactory(number=2, name="เศรษฐกิจ")
    old = PlanEditionFactory(cycle=world, approved_on=datetime.date(2026, 1, 10))
    PlanProjectFactory(edition=old, strategy=infrastructure, budget_year_1=999)
    latest = PlanEditionFactory(
        cycle=world, number=1, kind="additional", approved_on=datetime.date(2026, 6, 1)
    )
    PlanEditionFactory(cycle=world, number=2, kind="additional")  # a draft: not counted
    PlanProjectFactory(
        edition=latest,
        strategy=infrastructure,
        budget_year_1=100000,
        budget_year_2=50000,
        budget_year_3=None,
    )
    PlanProjectFactory(
        edition=latest, strategy=infrastructure, budget_year_1=20000, budget_year_2=None
    )

    assert statistics.latest_approved_edition(world) == latest
    rows = statistics.budget_figures(world, latest)
    assert [(row.strategy.number, row.projects) for row in rows] == [(1, 2), (2, 0)]
    assert rows[0].budgets == [Decimal(120000), Decimal(50000), 0, 0, 0]
    assert rows[0].total == Decimal(170000)
    assert statistics.budget_per_year(rows) == [Decimal(120000), Decimal(50000), 0, 0, 0]


def test_the_page_shows_charts_with_tables_in_thai(client, world):
    text = client.get(f"/participation/{world.pk}/statistics/").content.decode()
    assert text.count("<svg") == 3  # proposals and attendance by village, categories
    assert "สถิติการมีส่วนร่วม" in text
    village_table = text.split('id="caption-villages"')[1].split("</table>")[0]
    assert "หมู่ที่ 1 บ้านหนึ่ง" in village_table
    attendance_table = text.split('id="caption-attendance"')[1].split("</table>")[0]
    assert ">97<" in attendance_table  # the total of people
    assert "ยังไม่มีแผนฉบับใดได้รับอนุมัติ" in text
    assert "ผู้เสนอ ลับเฉพาะ" not in text
    cycle_page = client.get(f"/participation/{world.pk}/").content.decode()
    assert f"/participation/{world.pk}/statistics/" in cycle_page


def test_the_budget_section_names_its_edition_with_a_buddhist_era_date(client, world):
    strategy = StrategyFactory(number=1)
    edition = PlanEditionFactory(cycle=world, approved_on=datetime.date(2026, 6, 1))
    PlanProjectFactory(edition=edition, strategy=strategy, budget_year_1=1500000)
    text = client.get(f"/participation/{world.pk}/statistics/").content.decode()
    budget = text.split('id="heading-budget"')[1].split("</section>")[0]
    assert "1 มิถุนายน 2569" in budget
    assert "1,500,000" in budget
    assert budget.count("<svg") == 2


def test_another_organizations_cycle_is_not_found(client, world):
    other = Organization.for_site(second_organization_site("other.example"))
    theirs = cycle_around(today_in_bangkok(), organization=other)
    assert client.get(f"/participation/{theirs.pk}/statistics/").status_code == 404
    assert client.get(f"/participation/{theirs.pk}/statistics/proposals.csv").status_code == 404
    assert client.get(f"/participation/{world.pk}/statistics/nothing.csv").status_code == 404
    assert client.get(f"/participation/{world.pk}/statistics/proposals.xml").status_code == 404
