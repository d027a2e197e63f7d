"""The report's figures, read from the daily rows of one organization: every day of a period,
the months that end with a month, and the most viewed pages; and the charts drawn from them."""

import datetime
from dataclasses import dataclass

from django.db.models import Sum
from django.utils.translation import gettext as _

from tambon.core.charts import BarChart, bar_chart
from tambon.thai.dates import THAI_MONTHS_ABBR, buddhist_year, format_thai_date, format_thai_month
from tambon.thai.days import add_months, each_day
from tambon.thai.digits import format_number

from ..models import DailyPageViews, DailyVisits

TOP_PAGES_COUNT = 20


@dataclass(frozen=True)
class DayRow:
    day: datetime.date
    visits: int
    page_views: int

    @property
    def thai_date(self) -> str:
        """24/11/2569"""
        return format_thai_date(self.day, "short")

    # What the figures table shows and puts in <time datetime>.
    label = thai_date

    @property
    def machine_date(self) -> str:
        return self.day.isoformat()


@dataclass(frozen=True)
class MonthRow:
    month: datetime.date  # the first day of the month
    visits: int
    page_views: int

    @property
    def thai_label(self) -> str:
        """พ.ย. 2569"""
        return format_thai_month(self.month)

    label = thai_label

    @property
    def machine_date(self) -> str:
        return self.month.strftime("%Y-%m")


def daily_rows(organization, start: datetime.date, end: datetime.date) -> list[DayRow]:
    """One row for every day from start to end, days without a row counted as 0."""
    stored = {
        day: (visits, page_views)
        for day, visits, page_views in DailyVisits.objects.for_organization(organization)
        .filter(day__gte=start, day__lte=end)
        .values_list("day", "visits", "page_views")
    }
    return [DayRow(day, *stored.get(day, (0, 0))) for day in each_day(start, end)]


def monthly_rows(organization, last_month: datetime.date, count: int) -> list[MonthRow]:
    """The `count` months that end with the month of `last_month`, oldest first."""
    first = add_months(last_month, -(count - 1))
    after_last = add_months(last_month, 1)
    sums = {}
    for day, visits, page_views in (
        DailyVisits.objects.for_organization(organization)
        .filter(day__gte=first, day__lt=after_last)
        .values_list("day", "visits", "page_views")
    ):
        key = day.replace(day=1)
        month_visits, month_views = sums.get(key, (0, 0))
        sums[key] = (month_visits + visits, month_views + page_views)
    return [
        MonthRow(month, *sums.get(month, (0, 0)))
        for month in (add_months(first, offset) for offset in range(count))
    ]


def top_pages(organization, start: datetime.date, end: datetime.date, limit: int = TOP_PAGES_COUNT):
    """[(path, views)] with the most viewed page first; equal views in address order."""
    return list(
        DailyPageViews.objects.for_organization(organization)
        .filter(day__gte=start, day__lte=end)
        .values("path")
        .annotate(total=Sum("views"))
        .order_by("-total", "path")
        .values_list("path", "total")[:limit]
    )


def totals(rows) -> tuple[int, int]:
    return sum(row.visits for row in rows), sum(row.page_views for row in rows)


def daily_chart(rows: list[DayRow]) -> BarChart:
    visits = totals(rows)[0]
    description = _(
        "Visits on each day from %(start)s to %(end)s: %(visits)s in all. "
        "The table below gives the figure of every day."
    ) % {
        "start": format_thai_date(rows[0].day, "long"),
        "end": format_thai_date(rows[-1].day, "long"),
        "visits": format_number(visits),
    }
    # Label the first of each month, as "1 ธ.ค.".
    labels = {
        index: (f"{row.day.day} {THAI_MONTHS_ABBR[row.day.month - 1]}", "")
        for index, row in enumerate(rows)
        if row.day.day == 1
    }
    return bar_chart(
        "daily-visits-chart",
        _("Visits per day"),
        description,
        [row.visits for row in rows],
        [f"{row.thai_date}: {format_number(row.visits)}" for row in rows],
        labels,
    )


def monthly_chart(rows: list[MonthRow]) -> BarChart:
    visits = totals(rows)[0]
    description = _(
        "Visits in each month from %(start)s to %(end)s: %(visits)s in all. "
        "The table below gives the figure of every month."
    ) % {
        "start": rows[0].thai_label,
        "end": rows[-1].thai_label,
        "visits": format_number(visits),
    }
    # Every month gets its abbreviation; the Buddhist Era year goes under January and the first.
    labels = {
        index: (
            THAI_MONTHS_ABBR[row.month.month - 1],
            str(buddhist_year(row.month.year)) if index == 0 or row.month.month == 1 else "",
        )
        for index, row in enumerate(rows)
    }
    return bar_chart(
        "monthly-visits-chart",
        _("Visits per month"),
        description,
        [row.visits for row in rows],
        [f"{row.thai_label}: {format_number(row.visits)}" for row in rows],
        labels,
    )
