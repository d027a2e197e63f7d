"""The seven figures of the visitor counter, computed in Bangkok days, months and years."""

import datetime
from dataclasses import dataclass

from django.db.models import Min, Q, Sum

from tambon.core.models import Organization
from tambon.thai.dates import to_bangkok_date
from tambon.thai.days import add_months
from tambon.thai.fiscal import fiscal_year, fiscal_year_bounds

from .models import DailyVisits, VisitorCounterSettings


@dataclass(frozen=True)
class CounterFigures:
    counted_since: datetime.date | None
    today: int
    yesterday: int
    this_month: int
    last_month: int
    this_year: int
    last_year: int
    total: int


def _year_starts(today, fiscal):
    """First day of this year and of last year: calendar years, or Thai fiscal years."""
    if fiscal:
        this_start, _ = fiscal_year_bounds(fiscal_year(today))
        last_start, _ = fiscal_year_bounds(fiscal_year(today) - 1)
        return this_start, last_start
    this_start = today.replace(month=1, day=1)
    return this_start, this_start.replace(year=this_start.year - 1)


def counter_figures(site, now, pending_visits=None):
    """All seven figures of the site's organization in one query over its daily rows, plus
    visits not yet written (`pending_visits`: day -> visits)."""
    settings = VisitorCounterSettings.for_site(site)
    today = to_bangkok_date(now)
    periods = {
        "today": (today, today),
        "yesterday": (today - datetime.timedelta(days=1),) * 2,
        "this_month": (today.replace(day=1), today),
        "last_month": (
            add_months(today, -1),
            today.replace(day=1) - datetime.timedelta(days=1),
        ),
    }
    this_year_start, last_year_start = _year_starts(today, settings.year_is_fiscal)
    periods["this_year"] = (this_year_start, today)
    periods["last_year"] = (last_year_start, this_year_start - datetime.timedelta(days=1))

    organization = Organization.for_site(site)
    sums = DailyVisits.objects.for_organization(organization).aggregate(
        **{
            name: Sum("visits", filter=Q(day__gte=first, day__lte=last), default=0)
            for name, (first, last) in periods.items()
        },
        total=Sum("visits", default=0),
        first_day=Min("day"),
    )
    for day, visits in (pending_visits or {}).items():
        sums["total"] += visits
        for name, (first, last) in periods.items():
            if first <= day <= last:
                sums[name] += visits
    return CounterFigures(
        counted_since=settings.counted_since or sums["first_day"],
        total=sums["total"] + settings.baseline_visits,
        **{name: sums[name] for name in periods},
    )
