"""The public page of a forum: when and where it met, who came (by sex and age group), its
minutes and photos, and the published proposals it discussed with their votes. Never who
proposed what."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods

from tambon.core.scoping import organization_for_request

from .models import AgeGroup, Forum, ForumPhoto, ForumTally, Moderation, PlanCycle, Sex


def attendance_table(forum):
    """Rows (sex label, counts by age group, row total), column totals and the grand total."""
    counts = {(row.sex, row.age_group): row.count for row in forum.attendance.all()}
    rows = []
    for sex, label in Sex.choices:
        cells = [counts.get((sex, age), 0) for age in AgeGroup.values]
        rows.append((label, cells, sum(cells)))
    totals = [sum(counts.get((sex, age), 0) for sex in Sex.values) for age in AgeGroup.values]
    return {"ages": AgeGroup.labels, "rows": rows, "totals": totals, "total": sum(totals)}


def shown_tallies(forum):
    """The forum's tallies of published proposals, in the forum's order."""
    tallies = ForumTally.objects.for_organization(forum.organization_id).filter(forum=forum)
    tallies = tallies.filter(proposal__moderation=Moderation.PUBLISHED)
    return tallies.select_related("proposal", "proposal__village")


@require_http_methods(["GET", "HEAD"])
def forum(request, pk, forum_pk):
    organization = organization_for_request(request)
    if organization is None:
        raise Http404
    cycles = PlanCycle.objects.for_organization(organization).filter(shown=True)
    cycle = get_object_or_404(cycles, pk=pk)
    forums = Forum.objects.for_organization(organization).filter(cycle=cycle)
    found = get_object_or_404(forums.select_related("village", "minutes_document"), pk=forum_pk)
    photos = ForumPhoto.objects.for_organization(organization).filter(forum=found)
    return render(
        request,
        "participation/forums/forum.html",
        {
            "cycle": cycle,
            "forum": found,
            "attendance": attendance_table(found),
            "tallies": shown_tallies(found),
            "photos": photos.select_related("image"),
        },
    )
