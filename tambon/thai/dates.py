"""Thai dates: Buddhist Era years, Thai month names, formatting and parsing.

The Buddhist Era (พ.ศ.) year is the Gregorian year + 543. All dates are shown as
the date in Bangkok, whatever time zone a datetime arrives in.
"""

import datetime
import re
from zoneinfo import ZoneInfo

from .digits import to_arabic_digits, to_thai_digits

BANGKOK = ZoneInfo("Asia/Bangkok")

BUDDHIST_ERA_OFFSET = 543

# Years below this are almost certainly Gregorian years typed by mistake
# (2400 BE is 1857 CE, long before any record this site will hold).
MIN_BUDDHIST_YEAR = 2400
# Python's dates end in 9999 CE, so a Buddhist Era year must stay below this (10543 BE would
# do, but no address or form of this site needs more than four digits).
MAX_BUDDHIST_YEAR = 10_000

# Index 0 is January: THAI_MONTHS[date.month - 1].
THAI_MONTHS = (
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
)
THAI_MONTHS_ABBR = (
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
)
# Index 0 is Monday, matching date.weekday().
THAI_WEEKDAYS = ("จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์")

DATE_STYLES = ("long", "short", "abbr", "full", "datetime")


def buddhist_year(year: int) -> int:
    """Gregorian year -> Buddhist Era year (2022 -> 2565)."""
    return year + BUDDHIST_ERA_OFFSET


def gregorian_year(be_year: int) -> int:
    """Buddhist Era year -> Gregorian year (2565 -> 2022)."""
    return be_year - BUDDHIST_ERA_OFFSET


def is_buddhist_year(year: int) -> bool:
    """True for a four-digit Buddhist Era year this site can show (2400 to 9999)."""
    return MIN_BUDDHIST_YEAR <= year < MAX_BUDDHIST_YEAR


def to_bangkok_datetime(value: datetime.datetime) -> datetime.datetime:
    """An aware datetime moved to Bangkok time; a naive one is already Bangkok time."""
    if value.tzinfo is None:
        return value
    return value.astimezone(BANGKOK)


def to_bangkok_date(value) -> datetime.date:
    """The calendar date in Bangkok of a date or datetime.

    2022-03-13 17:30 UTC is already 14 March in Bangkok (UTC+7).
    """
    # datetime is a subclass of date, so it must be checked first.
    if isinstance(value, datetime.datetime):
        return to_bangkok_datetime(value).date()
    if isinstance(value, datetime.date):
        return value
    raise TypeError(f"Expected a date or datetime, got {type(value).__name__}")


def format_thai_date(value, style="long", thai_digits=False) -> str:
    """Format a date or datetime the Thai way.

    long      14 มีนาคม 2565
    short     5/03/2563  (day without a leading zero, as the reference site prints it)
    abbr      14 มี.ค. 65
    full      วันจันทร์ที่ 14 มีนาคม พ.ศ. 2565
    datetime  14 มีนาคม 2565 เวลา 09:05 น.  (needs a datetime, not a date)

    None or "" gives "", so optional dates can be passed straight in.
    """
    # Checked before the empty case so a typo in a style fails even on empty values.
    if style not in DATE_STYLES:
        raise ValueError(f"Unknown Thai date style {style!r}; use one of {DATE_STYLES}")
    if value is None or value == "":
        return ""

    day = to_bangkok_date(value)
    be_year = buddhist_year(day.year)
    month_name = THAI_MONTHS[day.month - 1]

    if style == "long":
        text = f"{day.day} {month_name} {be_year}"
    elif style == "short":
        text = f"{day.day}/{day.month:02d}/{be_year}"
    elif style == "abbr":
        text = f"{day.day} {THAI_MONTHS_ABBR[day.month - 1]} {be_year % 100:02d}"
    elif style == "full":
        weekday = THAI_WEEKDAYS[day.weekday()]
        text = f"วัน{weekday}ที่ {day.day} {month_name} พ.ศ. {be_year}"
    else:  # "datetime"
        if not isinstance(value, datetime.datetime):
            raise TypeError("The 'datetime' style needs a datetime, not a date")
        local = to_bangkok_datetime(value)
        text = f"{day.day} {month_name} {be_year} เวลา {local:%H:%M} น."

    return to_thai_digits(text) if thai_digits else text


def format_thai_month(day: datetime.date, style="abbr") -> str:
    """The month of a date the Thai way.

    abbr   พ.ย. 2569
    long   พฤศจิกายน 2569
    full   พฤศจิกายน พ.ศ. 2569
    """
    be_year = buddhist_year(day.year)
    if style == "abbr":
        return f"{THAI_MONTHS_ABBR[day.month - 1]} {be_year}"
    if style == "long":
        return f"{THAI_MONTHS[day.month - 1]} {be_year}"
    if style == "full":
        return f"{THAI_MONTHS[day.month - 1]} พ.ศ. {be_year}"
    raise ValueError(f"Unknown Thai month style {style!r}; use abbr, long or full")


class NotBuddhistEraYear(ValueError):
    """A Christian Era year where a Buddhist Era year belongs (2026 written for 2569)."""

    def __init__(self, year, text):
        super().__init__(
            f"{year} is not a Buddhist Era year (did you mean {year + 543}?) in {text!r}"
        )
        self.year = year


# "5/03/2563" or "05/03/2563"
_SHORT_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})", re.ASCII)
# "14 มีนาคม 2565", also "14 มี.ค. 2565" and "14 มีนาคม พ.ศ. 2565"
_LONG_DATE = re.compile(r"(\d{1,2})\s+(\S+)\s+(?:พ\.ศ\.\s*)?(\d{4})", re.ASCII)

_MONTH_NUMBERS = {name: number for number, name in enumerate(THAI_MONTHS, start=1)} | {
    name: number for number, name in enumerate(THAI_MONTHS_ABBR, start=1)
}


def parse_thai_date(text) -> datetime.date:
    """Read a date written as "5/03/2563" or "14 มีนาคม 2565" (Thai or Arabic digits).

    The year must be a Buddhist Era year. Raises ValueError on anything else.
    """
    cleaned = " ".join(to_arabic_digits(text or "").split())

    if match := _SHORT_DATE.fullmatch(cleaned):
        day, month, be_year = (int(part) for part in match.groups())
    elif match := _LONG_DATE.fullmatch(cleaned):
        day, month_name, be_year = int(match[1]), match[2], int(match[3])
        month = _MONTH_NUMBERS.get(month_name)
        if month is None:
            raise ValueError(f"Unknown Thai month name {month_name!r} in {text!r}")
    else:
        raise ValueError(f"Not a Thai date: {text!r}; expected e.g. 5/03/2563 or 14 มีนาคม 2565")

    if be_year < MIN_BUDDHIST_YEAR:
        raise NotBuddhistEraYear(be_year, text)
    try:
        return datetime.date(gregorian_year(be_year), month, day)
    except ValueError as error:
        # e.g. 31/02/2565, or 29/02/2566 (2023 is not a leap year).
        raise ValueError(f"No such date: {text!r} ({error})") from None


_YEAR_FIRST_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})", re.ASCII)


def read_date(text) -> datetime.date:
    """A date as people in Thailand write it or as a program sends it.

    Buddhist Era as Thai people write it (14/03/2568, 14 มีนาคม 2568, Thai digits too), or year
    first as date pickers, spreadsheets and addresses send it (2025-03-14); a year-first date
    with a Buddhist Era year (2568-03-14) is read as one. Raises ValueError on anything else,
    NotBuddhistEraYear when a day/month/year date has a Christian Era year.
    """
    cleaned = to_arabic_digits(str(text or "")).strip()
    if match := _YEAR_FIRST_DATE.fullmatch(cleaned):
        year, month, day = (int(part) for part in match.groups())
        if year >= MIN_BUDDHIST_YEAR:
            year = gregorian_year(year)
        return datetime.date(year, month, day)
    return parse_thai_date(cleaned)


# "14/03/2565 09:30", "14/03/2565 เวลา 09.30 น.", "2022-03-14T09:30" (a program's), or a date
# alone (midnight).
_TRAILING_TIME = re.compile(
    r"(?P<date>.+?)(?:(?:\s+|T)(?:เวลา\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})"
    r"(?::(?P<second>\d{2}))?(?:\s*น\.)?)?",
)


def read_datetime(text) -> datetime.datetime:
    """A day and a time of day as people in Thailand write them: the day as read_date reads it,
    then the time as 09:30 or 09.30 (with "เวลา" and "น." or without); a day alone is its
    midnight. Naive: the caller puts it in Bangkok time. Raises ValueError like read_date."""
    cleaned = " ".join(to_arabic_digits(str(text or "")).split())
    match = _TRAILING_TIME.fullmatch(cleaned)
    if match is None:
        raise ValueError(f"Not a Thai date and time: {text!r}")
    day = read_date(match["date"])
    if match["hour"] is None:
        return datetime.datetime.combine(day, datetime.time())
    # An out-of-range hour or minute raises ValueError too.
    return datetime.datetime.combine(
        day, datetime.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
    )


def format_thai_datetime_input(value: datetime.datetime) -> str:
    """A datetime as a form shows it for editing, in Bangkok time: 14/03/2565 09:30."""
    local = to_bangkok_datetime(value)
    return f"{format_thai_date(local.date(), 'short')} {local:%H:%M}"
