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

    sums = _sums(Organization.for_site(site).pk, periods)
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


def _sums(organization_id, periods):
    """{period name: visits}, "total" and "first_day" of one organization, in one statement.

    Raw SQL because the ORM took some 2 ms to build this query, which the database answers in a
    tenth of that, and a worker serving a thousand sites makes it about 30 times a second (each
    site's counter block every TAMBON_COUNTER_REFRESH_SECONDS). The organization is a parameter
    like every value; only our own table and column names go into the text."""
    quote = connection.ops.quote_name
    table = quote(DailyVisits._meta.db_table)
    day, visits = quote("day"), quote("visits")
    owner = quote(DailyVisits._meta.get_field("organization").column)
    in_period = f"COALESCE(SUM(CASE WHEN {day} >= %s AND {day} <= %s THEN {visits} END), 0)"
    sql = (
        f"SELECT {', '.join([in_period] * len(periods))}, "  # noqa: S608
        f"COALESCE(SUM({visits}), 0), MIN({day}) FROM {table} WHERE {owner} = %s"
    )
    params = [bound for first_last in periods.values() for bound in first_last]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, organization_id])
        *in_periods, total, first_day = cursor.fetchone()
    if isinstance(first_day, str):  # SQLite answers MIN() of a date column with its text
        first_day = datetime.date.fromisoformat(first_day)
    return {**dict(zip(periods, in_periods, strict=True)), "total": total, "first_day": first_day}
