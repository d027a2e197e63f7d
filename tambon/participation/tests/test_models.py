import datetime

import pytest

from tambon.participation.models import Phase, PhaseKind, phase_order_errors

from .factories import PlanCycleFactory, cycle_around

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


def test_the_phase_holding_a_day_is_the_current_one_and_says_what_residents_can_do():
    cycle = cycle_around(TODAY, PhaseKind.VILLAGE_FORUMS)
    phase = cycle.phase_on(TODAY)
    assert phase.kind == PhaseKind.VILLAGE_FORUMS
    assert cycle.accepts_proposals_on(TODAY)
    assert "ประชาคม" in str(phase.resident_action)
    later = cycle.phase_on(TODAY + datetime.timedelta(days=10))
    assert later.kind == PhaseKind.SUBDISTRICT_FORUM
    assert not cycle.accepts_proposals_on(TODAY + datetime.timedelta(days=10))


def test_no_phase_before_the_first_or_after_the_last():
    cycle = cycle_around(TODAY, PhaseKind.COLLECT_NEEDS)
    assert cycle.phase_on(TODAY - datetime.timedelta(days=30)) is None
    assert cycle.phase_on(TODAY + datetime.timedelta(days=400)) is None
    assert not cycle.accepts_proposals_on(TODAY - datetime.timedelta(days=30))


def test_the_timeline_follows_the_regulation_whatever_order_phases_were_added_in():
    cycle = PlanCycleFactory()
    for kind, day in ((PhaseKind.DRAFTING, 20), (PhaseKind.COLLECT_NEEDS, 1)):
        Phase.objects.for_organization(cycle.organization).create(
            cycle=cycle,
            kind=kind,
            starts_on=datetime.date(2027, 1, day),
            ends_on=datetime.date(2027, 1, day + 5),
        )
    assert [p.kind for p in cycle.timeline()] == [PhaseKind.COLLECT_NEEDS, PhaseKind.DRAFTING]
    assert cycle.plan_years == [2571, 2572, 2573, 2574, 2575]


def _phase(kind, start, end):
    return Phase(
        kind=kind, starts_on=datetime.date(2027, 1, start), ends_on=datetime.date(2027, 1, end)
    )


def test_phases_may_only_go_forward_in_the_regulations_order():
    assert (
        phase_order_errors(
            [_phase(PhaseKind.COLLECT_NEEDS, 1, 10), _phase(PhaseKind.VILLAGE_FORUMS, 11, 20)]
        )
        == []
    )
    # The village forums before the needs are collected: refused.
    backwards = phase_order_errors(
        [_phase(PhaseKind.COLLECT_NEEDS, 11, 20), _phase(PhaseKind.VILLAGE_FORUMS, 1, 10)]
    )
    assert len(backwards) == 1
    assert "ประชาคมหมู่บ้าน" in str(backwards[0])
    # Overlapping by a day: two phases would run at once.
    assert phase_order_errors(
        [_phase(PhaseKind.COLLECT_NEEDS, 1, 10), _phase(PhaseKind.VILLAGE_FORUMS, 10, 20)]
    )
    twice = phase_order_errors([_phase(PhaseKind.DRAFTING, 1, 2), _phase(PhaseKind.DRAFTING, 5, 6)])
    assert twice


def test_a_phase_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    phase = _phase(PhaseKind.DRAFTING, 10, 5)
    with pytest.raises(ValidationError):
        phase.clean()
