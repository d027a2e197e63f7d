"""When a case must be acknowledged and answered: per kind in the organization's case rules
(CaseSettings, defaults from the deployment's settings), per category or e-service type in the
admin. Working days skip weekends, Thai public holidays and the days the organization closes.
A deadline falls at the end of its day, Bangkok time."""

import datetime

from tambon.thai.dates import BANGKOK
from tambon.thai.days import add_working_days, end_of_day


def due_dates(kind, category, received: datetime.datetime, case_rules):
    """(acknowledge_due, resolve_due) for a case received at `received` by the organization
    whose case rules (a CaseSettings) are `case_rules`."""
    rules = case_rules.deadlines(kind)
    ack_days = rules["acknowledge_working_days"]
    resolve_days = rules["resolve_days"]
    if category is not None:
        if category.acknowledge_working_days is not None:
            ack_days = category.acknowledge_working_days
        if category.resolve_days is not None:
            resolve_days = category.resolve_days
    day = received.astimezone(BANGKOK).date()
    closed = case_rules.extra_closed_days()
    acknowledge = end_of_day(add_working_days(day, ack_days, closed))
    resolve = end_of_day(day + datetime.timedelta(days=resolve_days))
    return acknowledge, resolve
