"""Factories of community planning rows. Rows belong to the default site's organization unless
given ``organization=``. ``cycle_around(today, PhaseKind.X)`` makes a cycle whose phase X runs
today, the steps before it over and those after it to come."""

import datetime

import factory

from tambon.core.tests.factories import OrganizationOwnedFactory
from tambon.participation.models import (
    Category,
    EditionKind,
    Forum,
    ForumKind,
    Moderation,
    Phase,
    PhaseKind,
    PlanCycle,
    PlanEdition,
    PlanProject,
    Proposal,
    Strategy,
    Village,
)


class VillageFactory(OrganizationOwnedFactory):
    class Meta:
        model = Village

    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"บ้านทดสอบ {n + 1}")


class StrategyFactory(OrganizationOwnedFactory):
    class Meta:
        model = Strategy

    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(lambda n: f"ยุทธศาสตร์ทดสอบที่ {n + 1}")


class CategoryFactory(OrganizationOwnedFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"หมวดทดสอบ {n}")


class PlanCycleFactory(OrganizationOwnedFactory):
    class Meta:
        model = PlanCycle

    name = "แผนพัฒนาท้องถิ่น (พ.ศ. 2571-2575)"
    first_year_be = 2571


def cycle_around(today, current=PhaseKind.COLLECT_NEEDS, days=10, **fields):
    """A cycle with all eight phases, `days` long each, one day apart, `current` holding today."""
    cycle = PlanCycleFactory(**fields)
    kinds = list(PhaseKind)
    start = today - datetime.timedelta(days=kinds.index(current) * days + days // 2)
    for kind in kinds:
        end = start + datetime.timedelta(days=days - 1)
        Phase.objects.for_organization(cycle.organization).create(
            cycle=cycle, kind=kind, starts_on=start, ends_on=end
        )
        start = end + datetime.timedelta(days=1)
    return cycle


class ProposalFactory(OrganizationOwnedFactory):
    class Meta:
        model = Proposal

    cycle = factory.SubFactory(PlanCycleFactory)
    organization = factory.SelfAttribute("cycle.organization")
    village = factory.SubFactory(
        VillageFactory, organization=factory.SelfAttribute("..organization")
    )
    title = factory.Sequence(lambda n: f"ข้อเสนอทดสอบ {n}")
    problem = "ถนนเป็นหลุมเป็นบ่อ หน้าฝนรถสัญจรไม่ได้"
    proposed_project = "ก่อสร้างถนนคอนกรีตเสริมเหล็ก"
    moderation = Moderation.PUBLISHED
    proposer_name = "นางสาวผู้เสนอ ลับเฉพาะ"
    proposer_contact = "0812345678"


class ForumFactory(OrganizationOwnedFactory):
    """A village forum of a proposal's cycle, held yesterday."""

    class Meta:
        model = Forum

    cycle = factory.SubFactory(PlanCycleFactory)
    organization = factory.SelfAttribute("cycle.organization")
    kind = ForumKind.VILLAGE
    village = factory.SubFactory(
        VillageFactory, organization=factory.SelfAttribute("..organization")
    )
    held_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=1))
    place = "ศาลาประชาคมหมู่บ้าน"
    minutes = "ที่ประชุมพิจารณาข้อเสนอและลงคะแนน"


class PlanEditionFactory(OrganizationOwnedFactory):
    class Meta:
        model = PlanEdition

    cycle = factory.SubFactory(PlanCycleFactory)
    organization = factory.SelfAttribute("cycle.organization")
    kind = EditionKind.FIRST
    number = 1
    year_be = factory.SelfAttribute("cycle.first_year_be")


class PlanProjectFactory(OrganizationOwnedFactory):
    """A ผ.02 row with every column filled and a budget in the first two plan years."""

    class Meta:
        model = PlanProject

    edition = factory.SubFactory(PlanEditionFactory)
    organization = factory.SelfAttribute("edition.organization")
    strategy = factory.SubFactory(
        StrategyFactory, organization=factory.SelfAttribute("..organization")
    )
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"โครงการก่อสร้างถนนทดสอบ {n}")
    objective = "เพื่อให้ประชาชนสัญจรได้สะดวก"
    output_target = "ถนน คสล. กว้าง 4 ม. ยาว 200 ม."
    budget_year_1 = 500000
    budget_year_2 = 250000
    indicator = "ร้อยละของครัวเรือนที่พึงพอใจ"
    expected_result = "ประชาชนสัญจรได้ตลอดปี"
    responsible_unit = "กองช่าง"
