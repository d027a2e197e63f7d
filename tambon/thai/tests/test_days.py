import datetime

import pytest

from tambon.thai.dates import BANGKOK
from tambon.thai.days import (
    add_months,
    add_working_days,
    each_day,
    end_of_day,
    last_days,
    start_of_day,
)

date = datetime.date
UTC = datetime.UTC


def test_a_bangkok_day_starts_at_17_utc_the_day_before():
    start = start_of_day(date(2026, 11, 24))
    assert start.tzinfo == BANGKOK
    assert start.astimezone(UTC) == datetime.datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


def test_a_bangkok_day_ends_one_second_before_the_next_begins():
    end = end_of_day(date(2026, 11, 24))
    assert end + datetime.timedelta(seconds=1) == start_of_day(date(2026, 11, 25))
    assert end.astimezone(UTC) == datetime.datetime(2026, 11, 24, 16, 59, 59, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (date(2026, 11, 23), 0, date(2026, 11, 23)),  # Monday, nothing to add
        (date(2026, 11, 23), 1, date(2026, 11, 24)),  # Monday -> Tuesday
        (date(2026, 11, 27), 1, date(2026, 11, 30)),  # Friday -> Monday
        (date(2026, 11, 28), 1, date(2026, 11, 30)),  # Saturday -> Monday
        (date(2026, 11, 23), 5, date(2026, 11, 30)),  # a working week
        (date(2026, 10, 26), 15, date(2026, 11, 16)),  # three weeks without a public holiday
    ],
)
def test_working_days_skip_saturdays_and_sundays(day, count, expected):
    assert add_working_days(day, count) == expected


@pytest.mark.parametrize(
    ("day", "count", "expected"),
    [
        (date(2026, 4, 10), 1, date(2026, 4, 16)),  # Friday before Songkran (13-15 April)
        (date(2026, 12, 4), 1, date(2026, 12, 8)),  # 5 December on a Saturday: Monday in lieu
        (date(2026, 11, 23), 15, date(2026, 12, 16)),  # past 7 and 10 December
    ],
)
def test_working_days_skip_thai_public_holidays(day, count, expected):
    assert add_working_days(day, count) == expected


def test_working_days_skip_the_days_an_organization_closes():
    closed = {date(2026, 11, 24), date(2026, 11, 25)}
    assert add_working_days(date(2026, 11, 23), 1, closed) == date(2026, 11, 26)
    assert add_working_days(date(2026, 11, 23), 1) == date(2026, 11, 24)


def test_a_closed_day_on_a_weekend_changes_nothing():
    assert add_working_days(date(2026, 11, 27), 1, {date(2026, 11, 28)}) == date(2026, 11, 30)


@pytest.mark.parametrize(
    ("month", "count", "expected"),
    [
        (date(2026, 11, 24), 0, date(2026, 11, 1)),
        (date(2026, 11, 1), 1, date(2026, 12, 1)),
        (date(2026, 12, 31), 1, date(2027, 1, 1)),
        (date(2026, 1, 15), -1, date(2025, 12, 1)),
        (date(2026, 11, 1), -23, date(2024, 12, 1)),
        (date(2026, 11, 1), 24, date(2028, 11, 1)),
        (date(2026, 11, 24), 1, date(2026, 12, 1)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),
        (date(2026, 1, 31), -1, date(2025, 12, 1)),
    ],
)
def test_add_months_gives_the_first_of_the_month_across_years(month, count, expected):
    assert add_months(month, count) == expected


def test_the_90_days_that_end_on_23_november_start_on_26_august():
    assert last_days(date(2026, 11, 23), 90) == (date(2026, 8, 26), date(2026, 11, 23))
    assert last_days(date(2026, 11, 23), 1) == (date(2026, 11, 23), date(2026, 11, 23))


def test_each_day_includes_both_ends_and_crosses_months():
    days = list(each_day(date(2026, 10, 30), date(2026, 11, 2)))
    assert days == [date(2026, 10, 30), date(2026, 10, 31), date(2026, 11, 1), date(2026, 11, 2)]
    assert list(each_day(date(2026, 11, 2), date(2026, 11, 1))) == []
