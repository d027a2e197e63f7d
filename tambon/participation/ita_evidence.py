"""ITA evidence this app answers: the item on public participation (การเปิดโอกาสให้เกิดการมีส่วนร่วม,
FY2564 O33, FY2568 O20) asks for what the organization did that year to let residents take
part. A planning cycle whose steps ran in the fiscal year assessed shows it: its page (steps,
proposals by village), its statistics (forums held, people who came, by village, sex and age
group) and the plan's projects that came of it. Each finder looks at the site's organization
only."""

from dataclasses import replace

from django.urls import reverse
from django.utils.translation import gettext as _

from tambon.core.ita.evidence import finds, site_path_suggestion
from tambon.core.ita.topics import ItaTopic
from tambon.core.models import Organization
from tambon.thai.fiscal import fiscal_year_bounds

from .models import Phase, PlanCycle


def cycles_active_in(organization, fiscal_year):
    """The cycles shown on the site with a step running at some time in the fiscal year."""
    first, last = fiscal_year_bounds(fiscal_year)
    phases = Phase.objects.for_organization(organization).filter(
        starts_on__lte=last, ends_on__gte=first
    )
    cycles = PlanCycle.objects.for_organization(organization).filter(shown=True)
    return cycles.filter(pk__in=phases.values("cycle_id")).order_by("-first_year_be", "pk")


@finds(ItaTopic.PARTICIPATION)
def planning_cycles(site, fiscal_year, current_only):
    organization = Organization.for_site(site)
    found = []
    for cycle in cycles_active_in(organization, fiscal_year):
        pages = [
            (cycle.name, reverse("participation:cycle", args=[cycle.pk])),
            (
                _("Forums and participation statistics: %(cycle)s") % {"cycle": cycle.name},
                reverse("participation:statistics", args=[cycle.pk]),
            ),
            (
                _("Projects of the plan: %(cycle)s") % {"cycle": cycle.name},
                reverse("participation:statistics", args=[cycle.pk]) + "#budget",
            ),
        ]
        for label, path in pages:
            label = _("%(label)s, fiscal year %(year)s") % {"label": label, "year": fiscal_year}
            suggestion = site_path_suggestion(label, site, path)
            found.append(replace(suggestion, covers_fiscal_year=fiscal_year))
    return found
