"""The seven figures of the visitor counter, computed in Bangkok days, months and years."""

import datetime
from dataclasses import dataclass

from django.db.models import Min, Q, Sum

from tambon.thai.dates import to_bangkok_date

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


def _first_of_previous_month(day):
    last_day_of_previous = day.replace(day=1) - datetime.timedelta(days=1)
    return last_day_of_previous.replace(day=1)


def counter_figures(site, now):
    """All seven figures in one query over the daily rows."""
    today = to_bangkok_date(now)
    yesterday = today - datetime.timedelta(days=1)
    month_start = today.replace(day=1)
    last_month_start = _first_of_previous_month(today)
    year_start = today.replace(month=1, day=1)
    last_year_start = year_start.replace(year=year_start.year - 1)

    def visits_where(condition):
        return Sum("visits", filter=condition, default=0)

    sums = DailyVisits.objects.filter(site=site).aggregate(
        today=visits_where(Q(day=today)),
        yesterday=visits_where(Q(day=yesterday)),
        this_month=visits_where(Q(day__gte=month_start, day__lte=today)),
        last_month=visits_where(Q(day__gte=last_month_start, day__lt=month_start)),
        this_year=visits_where(Q(day__gte=year_start, day__lte=today)),
        last_year=visits_where(Q(day__gte=last_year_start, day__lt=year_start)),
        total=Sum("visits", default=0),
        first_day=Min("day"),
    )
    settings = VisitorCounterSettings.for_site(site)
    return CounterFigures(
        counted_since=settings.counted_since or sums.pop("first_day"),
        today=sums["today"],
        yesterday=sums["yesterday"],
        this_month=sums["this_month"],
        last_month=sums["last_month"],
        this_year=sums["this_year"],
        last_year=sums["last_year"],
        total=sums["total"] + settings.baseline_visits,
    )
