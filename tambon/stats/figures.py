"""The seven figures of the visitor counter, computed in Bangkok days, months and years."""

import datetime
from dataclasses import dataclass

from django.db import connection

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
    return counter_figures_of_sites([site], now, {site.pk: pending_visits or {}})[site.pk]


def counter_figures_of_sites(sites, now, pending_visits_by_site):
    """{site id: CounterFigures} for many sites (a few hundred at most: one parameter each),
    in one query for those whose years are calendar years and one for fiscal years, not one
    query per site: the flusher thread makes the blocks of every site asked for since its last
    turn (counter.py), and a round trip each cost the database and the worker more than the
    figures do."""
    periods_of = {fiscal: _periods(to_bangkok_date(now), fiscal) for fiscal in (False, True)}
    settings_by_site = {site.pk: VisitorCounterSettings.for_site(site) for site in sites}
    owner_by_site = {site.pk: Organization.for_site(site).pk for site in sites}
    sums_by_owner = {}
    for fiscal, periods in periods_of.items():
        owners = sorted(
            {
                owner_by_site[pk]
                for pk, kept in settings_by_site.items()
                if kept.year_is_fiscal == fiscal
            }
        )
        if owners:
            sums_by_owner.update(_sums(owners, periods))
    figures = {}
    for site in sites:
        settings = settings_by_site[site.pk]
        periods = periods_of[settings.year_is_fiscal]
        sums = dict(sums_by_owner[owner_by_site[site.pk]])
        for day, visits in pending_visits_by_site.get(site.pk, {}).items():
            sums["total"] += visits
            for name, (first, last) in periods.items():
                if first <= day <= last:
                    sums[name] += visits
        figures[site.pk] = CounterFigures(
            counted_since=settings.counted_since or sums["first_day"],
            total=sums["total"] + settings.baseline_visits,
            **{name: sums[name] for name in periods},
        )
    return figures


def _periods(today, fiscal):
    """{figure name: (first day, last day)} of the six figures that are periods."""
    this_year_start, last_year_start = _year_starts(today, fiscal)
    return {
        "today": (today, today),
        "yesterday": (today - datetime.timedelta(days=1),) * 2,
        "this_month": (today.replace(day=1), today),
        "last_month": (
            add_months(today, -1),
            today.replace(day=1) - datetime.timedelta(days=1),
        ),
        "this_year": (this_year_start, today),
        "last_year": (last_year_start, this_year_start - datetime.timedelta(days=1)),
    }


def _sums(organization_ids, periods):
    """{organization id: {period name: visits, "total", "first_day"}}, in one statement; an
    organization without daily rows has zeros and no first day.

    Raw SQL because the ORM took some 2 ms to build this query, which the database answers in a
    tenth of that. The organizations are parameters like every value; only our own table and
    column names go into the text."""
    quote = connection.ops.quote_name
    table = quote(DailyVisits._meta.db_table)
    day, visits = quote("day"), quote("visits")
    owner = quote(DailyVisits._meta.get_field("organization").column)
    in_period = f"COALESCE(SUM(CASE WHEN {day} >= %s AND {day} <= %s THEN {visits} END), 0)"
    owners = ", ".join(["%s"] * len(organization_ids))
    sql = (
        f"SELECT {owner}, {', '.join([in_period] * len(periods))}, "  # noqa: S608
        f"COALESCE(SUM({visits}), 0), MIN({day}) FROM {table} "
        f"WHERE {owner} IN ({owners}) GROUP BY {owner}"
    )
    params = [bound for first_last in periods.values() for bound in first_last]
    nothing = {**dict.fromkeys(periods, 0), "total": 0, "first_day": None}
    found = dict.fromkeys(organization_ids, nothing)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *organization_ids])
        for organization_id, *in_periods, total, first_day in cursor.fetchall():
            if isinstance(first_day, str):  # SQLite answers MIN() of a date column with its text
                first_day = datetime.date.fromisoformat(first_day)
            found[organization_id] = {
                **dict(zip(periods, in_periods, strict=True)),
                "total": total,
                "first_day": first_day,
            }
    return found
