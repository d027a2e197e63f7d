"""ITA evidence this app answers: the organization chart and the executives (O1, O2)."""

from tambon.core.ita.evidence import Suggestion, finds, live_pages
from tambon.core.ita.topics import ItaTopic

from .models import OrgChartPage, PersonPage, PositionGroup


@finds(ItaTopic.STRUCTURE)
def org_chart(site, fiscal_year, current_only):
    return [Suggestion(page.title, page=page) for page in live_pages(OrgChartPage, site)]


@finds(ItaTopic.EXECUTIVES)
def executives(site, fiscal_year, current_only):
    people = (
        live_pages(PersonPage, site)
        .filter(position__group=PositionGroup.EXECUTIVE)
        .order_by("position__rank", "sort_order", "path")
    )
    return [Suggestion(f"{person.position} {person.full_name}", page=person) for person in people]
