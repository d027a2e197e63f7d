"""Buddhist-Era dates in Thai, read in Bangkok time."""

import datetime
from zoneinfo import ZoneInfo

BANGKOK = ZoneInfo("Asia/Bangkok")
THAI_MONTHS = [
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
]


def buddhist_year(year):
    return year + 543


def to_bangkok_date(value):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(BANGKOK)
        return value.date()
    return value


def format_thai_date(value, style="long", thai_digits=False):
    if value in (None, ""):
        return ""
    day = to_bangkok_date(value)
    if style == "long":
        return f"{day.day} {THAI_MONTHS[day.month - 1]} {buddhist_year(day.year)}"
    if style == "short":
        return f"{day.day}/{day.month:02d}/{buddhist_year(day.year)}"
    raise ValueError(style)
