"""Merging duplicate proposals into the one kept: the duplicates point to it (merged_into) and
leave the lists, their online supports move to it (a person who supported both counts once),
and their votes at each forum are added to its votes at that forum."""

from django.db import transaction
from django.utils.translation import gettext as _

from .models import ForumTally, Proposal, Support


class CannotMerge(Exception):
    """Why these proposals cannot be merged (a Thai sentence)."""


def check_mergeable(kept, duplicates):
    if kept.merged_into_id:
        raise CannotMerge(_("The proposal to keep is itself merged into another one."))
    for duplicate in duplicates:
        if (duplicate.cycle_id, duplicate.organization_id) != (kept.cycle_id, kept.organization_id):
            raise CannotMerge(_("Only proposals of the same planning cycle can be merged."))


@transaction.atomic
def merge(kept, duplicates):
    """Merge `duplicates` (proposals of the same organization and cycle) into `kept`; the
    number merged."""
    duplicates = [p for p in duplicates if p.pk != kept.pk]
    check_mergeable(kept, duplicates)
    organization = kept.organization_id
    for duplicate in duplicates:
        _move_supports(organization, duplicate, kept)
        _add_tallies(organization, duplicate, kept)
        # Duplicates of the duplicate now count with the kept proposal too.
        proposals = Proposal.objects.for_organization(organization)
        proposals.filter(merged_into=duplicate).update(merged_into=kept)
        duplicate.merged_into = kept
        duplicate.save(update_fields=["merged_into"])
    return len(duplicates)


def _move_supports(organization, duplicate, kept):
    supports = Support.objects.for_organization(organization)
    already = set(supports.filter(proposal=kept).values_list("supporter_hash", flat=True))
    from_duplicate = supports.filter(proposal=duplicate)
    from_duplicate.filter(supporter_hash__in=already).delete()
    from_duplicate.update(proposal=kept)


def _add_tallies(organization, duplicate, kept):
    tallies = ForumTally.objects.for_organization(organization)
    kept_at = {tally.forum_id: tally for tally in tallies.filter(proposal=kept)}
    for tally in tallies.filter(proposal=duplicate):
        same_forum = kept_at.get(tally.forum_id)
        if same_forum is None:
            tally.proposal = kept
            tally.save(update_fields=["proposal"])
            continue
        same_forum.votes += tally.votes
        if tally.forum_rank is not None:
            ranks = [r for r in (same_forum.forum_rank, tally.forum_rank) if r is not None]
            same_forum.forum_rank = min(ranks)
        same_forum.save(update_fields=["votes", "forum_rank"])
        tally.delete()
