"""The Thai government fiscal year (ปีงบประมาณ).

It runs from 1 October to 30 September and is named by the Buddhist Era year
in which it ENDS: fiscal year 2565 is 1 Oct 2021 - 30 Sep 2022.
"""

import datetime

from django.utils import timezone

from .dates import BANGKOK, MIN_BUDDHIST_YEAR, buddhist_year, gregorian_year, to_bangkok_date

FIRST_MONTH = 10  # October


def today_in_bangkok() -> datetime.date:
    """Today's date in Bangkok."""
    return timezone.now().astimezone(BANGKOK).date()


def fiscal_year(value=None) -> int:
    """The Buddhist Era fiscal year of a date or datetime (default: today in Bangkok)."""
    day = today_in_bangkok() if value is None else to_bangkok_date(value)
    ending_year = day.year + 1 if day.month >= FIRST_MONTH else day.year
    return buddhist_year(ending_year)


def fiscal_year_bounds(fy_be: int) -> tuple[datetime.date, datetime.date]:
    """First and last day (both inclusive) of a fiscal year given in Buddhist Era."""
    if fy_be < MIN_BUDDHIST_YEAR:
        raise ValueError(f"Fiscal years are Buddhist Era years, got {fy_be}")
    ending_year = gregorian_year(fy_be)
    return datetime.date(ending_year - 1, 10, 1), datetime.date(ending_year, 9, 30)


def fiscal_quarter(value) -> int:
    """1 = Oct-Dec, 2 = Jan-Mar, 3 = Apr-Jun, 4 = Jul-Sep."""
    month = to_bangkok_date(value).month
    months_since_start = (month - FIRST_MONTH) % 12  # October -> 0, September -> 11
    return months_since_start // 3 + 1


def fiscal_half(value) -> int:
    """1 = Oct-Mar, 2 = Apr-Sep."""
    return 1 if fiscal_quarter(value) <= 2 else 2


def fiscal_months(fy_be: int) -> list[tuple[int, int]]:
    """The 12 Gregorian (year, month) pairs of a fiscal year, October first."""
    start, end = fiscal_year_bounds(fy_be)
    return [(start.year, month) for month in (10, 11, 12)] + [
        (end.year, month) for month in range(1, 10)
    ]
