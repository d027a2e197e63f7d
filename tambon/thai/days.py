"""Counting days in Bangkok: where a Bangkok day starts and ends, working days, months, and the
days that end on a date. No rule of any service here: the apps decide how many days they give.
"""

import datetime

from .dates import BANGKOK


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in Bangkok, as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BANGKOK)


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last second of `day` in Bangkok: a deadline "on" a day falls here."""
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=BANGKOK)


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The count-th Monday-to-Friday after `day` (public holidays are not known here)."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def add_months(month: datetime.date, count: int) -> datetime.date:
    """The first day of the month `count` months after (or before) the month of `month`."""
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def last_days(end: datetime.date, count: int) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the `count` days that end on `end`."""
    return end - datetime.timedelta(days=count - 1), end


def each_day(start: datetime.date, end: datetime.date):
    """Every date from start to end, both included."""
    day = start
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)
