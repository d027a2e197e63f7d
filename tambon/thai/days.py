"""Counting days in Bangkok: where a Bangkok day starts and ends, working days, months, and the
days that end on a date. No rule of any service here: the apps decide how many days they give.
"""

import datetime
from functools import cache

import holidays

from .dates import BANGKOK


def start_of_day(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of `day` in Bangkok, as an aware datetime."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BANGKOK)


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last second of `day` in Bangkok: a deadline "on" a day falls here."""
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=BANGKOK)


@cache
def _public_holidays(year: int):
    """Thailand's public holidays of a year, from the `holidays` package (its data ships with
    it, nothing is downloaded)."""
    return holidays.country_holidays("TH", years=year)


def is_public_holiday(day: datetime.date) -> bool:
    return day in _public_holidays(day.year)


def is_working_day(day: datetime.date, closed=frozenset()) -> bool:
    """Monday to Friday, not a Thai public holiday, and not one of the `closed` dates (the
    days an organization adds for itself)."""
    return day.weekday() < 5 and not is_public_holiday(day) and day not in closed


def add_working_days(day: datetime.date, count: int, closed=frozenset()) -> datetime.date:
    """The count-th working day after `day` (see is_working_day)."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, closed):
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
