import datetime

import pytest

from tambon.thai.fiscal import (
    fiscal_half,
    fiscal_months,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_bounds,
    today_in_bangkok,
)

UTC = datetime.UTC
date = datetime.date


class TestFiscalYear:
    def test_30_september_is_the_last_day_of_the_year(self):
        assert fiscal_year(date(2022, 9, 30)) == 2565

    def test_1_october_starts_the_next_year(self):
        assert fiscal_year(date(2022, 10, 1)) == 2566

    def test_january_belongs_to_the_year_that_started_in_october(self):
        assert fiscal_year(date(2022, 1, 1)) == 2565

    def test_aware_datetime_counts_by_its_bangkok_date(self):
        # 17:30 UTC on 30 Sep is 00:30 on 1 Oct in Bangkok.
        assert fiscal_year(datetime.datetime(2022, 9, 30, 17, 30, tzinfo=UTC)) == 2566
        assert fiscal_year(datetime.datetime(2022, 9, 30, 16, 59, 59, tzinfo=UTC)) == 2565

    def test_naive_datetime_is_bangkok_time(self):
        assert fiscal_year(datetime.datetime(2022, 9, 30, 23, 59)) == 2565

    def test_default_is_today_in_bangkok(self, time_machine):
        time_machine.move_to(datetime.datetime(2022, 9, 30, 17, 30, tzinfo=UTC), tick=False)
        assert today_in_bangkok() == date(2022, 10, 1)
        assert fiscal_year() == 2566


class TestFiscalYearBounds:
    def test_fy_2565_runs_from_october_2021_to_september_2022(self):
        assert fiscal_year_bounds(2565) == (date(2021, 10, 1), date(2022, 9, 30))

    def test_bounds_agree_with_fiscal_year(self):
        first, last = fiscal_year_bounds(2567)
        assert fiscal_year(first) == fiscal_year(last) == 2567
        assert fiscal_year(first - datetime.timedelta(days=1)) == 2566
        assert fiscal_year(last + datetime.timedelta(days=1)) == 2568

    def test_gregorian_year_is_refused(self):
        with pytest.raises(ValueError, match="Buddhist Era"):
            fiscal_year_bounds(2022)


@pytest.mark.parametrize(
    ("day", "quarter", "half"),
    [
        (date(2022, 10, 1), 1, 1),
        (date(2022, 12, 31), 1, 1),
        (date(2023, 1, 1), 2, 1),
        (date(2023, 3, 31), 2, 1),
        (date(2023, 4, 1), 3, 2),
        (date(2023, 6, 30), 3, 2),
        (date(2023, 7, 1), 4, 2),
        (date(2023, 9, 30), 4, 2),
    ],
)
def test_quarters_and_halves_change_on_the_first_of_the_month(day, quarter, half):
    assert fiscal_quarter(day) == quarter
    assert fiscal_half(day) == half


def test_quarter_of_an_aware_datetime_uses_the_bangkok_date():
    # 31 Dec 17:00 UTC is 1 Jan 00:00 in Bangkok: the second quarter.
    assert fiscal_quarter(datetime.datetime(2022, 12, 31, 17, 0, tzinfo=UTC)) == 2


def test_fiscal_months_run_from_october_to_september():
    assert fiscal_months(2565) == [
        (2021, 10),
        (2021, 11),
        (2021, 12),
        (2022, 1),
        (2022, 2),
        (2022, 3),
        (2022, 4),
        (2022, 5),
        (2022, 6),
        (2022, 7),
        (2022, 8),
        (2022, 9),
    ]
