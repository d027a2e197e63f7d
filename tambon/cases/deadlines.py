"""When a case must be acknowledged and answered: per kind in the settings, per category in
the admin. A deadline falls at the end of its day, Bangkok time."""

import datetime

from tambon.thai.dates import BANGKOK

from . import conf


def add_working_days(day: datetime.date, count: int) -> datetime.date:
    """The count-th Monday-to-Friday after `day` (public holidays are not known here)."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def end_of_day(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=BANGKOK)


def due_dates(kind, category, received: datetime.datetime):
    """(acknowledge_due, resolve_due) for a case received at `received`."""
    rules = conf.deadlines(kind)
    ack_days = rules["acknowledge_working_days"]
    resolve_days = rules["resolve_days"]
    if category is not None:
        if category.acknowledge_working_days is not None:
            ack_days = category.acknowledge_working_days
        if category.resolve_days is not None:
            resolve_days = category.resolve_days
    day = received.astimezone(BANGKOK).date()
    acknowledge = end_of_day(add_working_days(day, ack_days))
    resolve = end_of_day(day + datetime.timedelta(days=resolve_days))
    return acknowledge, resolve
