"""The residents' order of a cycle's proposals (published, not merged), per village and for the
whole area. A village's order: its village-forum votes plus online supports; ties go to the
order the forum agreed, then to the proposal sent first. The area's order: subdistrict-forum
votes plus village-forum votes plus supports; ties go to the subdistrict forum's agreed order,
then the village forum's, then the earlier proposal. The committee may decide otherwise, with a
reason (`decision_conflicts`)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count

from .models import Decision, ForumKind, ForumTally, Proposal, Support

# Decided, and not taken into the plan: what counts against the ranking when a lower-ranked
# proposal of the same village is taken.
NOT_TAKEN = frozenset({Decision.DEFERRED, Decision.NOT_ADOPTED, Decision.ELSEWHERE})
LAST = float("inf")


@dataclass
class Ranked:
    proposal: Proposal
    village_votes: int = 0
    area_votes: int = 0  # at the subdistrict forum
    supports: int = 0
    forum_order: int | None = None  # the village forum's agreed order
    area_order: int | None = None  # the subdistrict forum's agreed order
    rank: int = 0

    @property
    def village_score(self):
        return self.village_votes + self.supports

    @property
    def area_score(self):
        return self.area_votes + self.village_votes + self.supports

    @property
    def votes(self):
        return self.village_votes + self.area_votes


def _standings(cycle):
    """A Ranked (not yet ranked) for each published, unmerged proposal of the cycle."""
    organization = cycle.organization_id
    proposals = (
        Proposal.objects.for_organization(organization)
        .published()
        .filter(cycle=cycle, merged_into=None)
        .select_related("village", "strategy", "category")
    )
    rows = {proposal.pk: Ranked(proposal) for proposal in proposals}
    tallies = ForumTally.objects.for_organization(organization).filter(
        proposal__in=list(rows), forum__cycle=cycle
    )
    for proposal_pk, kind, votes, order in tallies.values_list(
        "proposal", "forum__kind", "votes", "forum_rank"
    ):
        row = rows[proposal_pk]
        if kind == ForumKind.SUBDISTRICT:
            row.area_votes += votes
            row.area_order = _first(row.area_order, order)
        else:
            row.village_votes += votes
            row.forum_order = _first(row.forum_order, order)
    supports = (
        Support.objects.for_organization(organization)
        .filter(proposal__in=list(rows))
        .values_list("proposal")
        .annotate(count=Count("pk"))
    )
    for proposal_pk, count in supports:
        rows[proposal_pk].supports = count
    return list(rows.values())


def _first(current, order):
    if order is None:
        return current
    return order if current is None else min(current, order)


def _or_last(order):
    return LAST if order is None else order


def _numbered(rows):
    for number, row in enumerate(rows, start=1):
        row.rank = number
    return rows


def _village_order(row):
    p = row.proposal
    return (-row.village_score, _or_last(row.forum_order), p.created, p.pk)


def _area_order(row):
    p = row.proposal
    order = (_or_last(row.area_order), _or_last(row.forum_order), p.created, p.pk)
    return (-row.area_score, *order)


def village_rankings(cycle, rows=None):
    """[(village, [Ranked, ...]), ...] in the villages' order, villages without proposals left
    out."""
    by_village = defaultdict(list)
    for row in _standings(cycle) if rows is None else rows:
        by_village[row.proposal.village].append(row)
    villages = sorted(by_village, key=lambda village: (village.number, village.pk))
    return [
        (village, _numbered(sorted(by_village[village], key=_village_order)))
        for village in villages
    ]


def area_ranking(cycle, rows=None):
    rows = _standings(cycle) if rows is None else rows
    return _numbered(sorted(rows, key=_area_order))


def rankings(cycle):
    """Both orders from one set of queries: (village_rankings, area_ranking). The Ranked rows
    of the area are copies, so each keeps its own rank."""
    rows = _standings(cycle)
    villages = village_rankings(cycle, rows)
    area = area_ranking(cycle, [Ranked(**vars(row)) for row in rows])
    return villages, area


def decision_conflicts(proposal, village, decision):
    """The proposals of `village` whose decision makes `decision` for `proposal` go against
    the village's ranking: higher-ranked ones not taken when it is adopted, lower-ranked ones
    adopted when it is not taken. Empty when there is nothing to explain."""
    if decision != Decision.ADOPTED and decision not in NOT_TAKEN:
        return []
    ranked = dict(village_rankings(proposal.cycle)).get(village, [])
    place = next((i for i, row in enumerate(ranked) if row.proposal.pk == proposal.pk), None)
    if place is None:
        return []
    if decision == Decision.ADOPTED:
        return [row for row in ranked[:place] if row.proposal.decision in NOT_TAKEN]
    return [row for row in ranked[place + 1 :] if row.proposal.decision == Decision.ADOPTED]
