"""Thai citizen ID numbers and phone numbers: cleaning, checking, display."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .digits import to_arabic_digits

CITIZEN_ID_MESSAGE = _("Enter a valid 13-digit Thai citizen ID number.")
PHONE_MESSAGE = _("Enter a Thai phone number, e.g. 081 234 5678 or 054 123 456.")

# Spaces and every kind of dash people paste from documents.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015]")

# [0-9] rather than \d: \d would also match digits of other scripts.
_CITIZEN_ID = re.compile(r"[1-9][0-9]{12}")
_MOBILE = re.compile(r"0[689][0-9]{8}")
_LANDLINE = re.compile(r"0[23457][0-9]{7}")


def normalize_citizen_id(value) -> str:
    """ "1-1037-02071-56-1" or "๑ ๑๐๓๗ ..." -> "1103702071561" (not validated)."""
    if value is None:
        return ""
    return _SEPARATORS.sub("", to_arabic_digits(value))


def is_valid_citizen_id(value) -> bool:
    """13 digits, not starting with 0, with a correct check digit.

    The check digit is (11 - sum % 11) % 10, where sum weighs the first 12 digits
    by 13, 12, ..., 2.
    """
    digits = normalize_citizen_id(value)
    if not _CITIZEN_ID.fullmatch(digits):
        return False
    total = sum(int(digit) * (13 - position) for position, digit in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def validate_citizen_id(value):
    """Django validator for a Thai citizen ID number."""
    if not is_valid_citizen_id(value):
        raise ValidationError(CITIZEN_ID_MESSAGE, code="invalid_citizen_id")


def normalize_thai_phone(value) -> str:
    """Any common way of writing a Thai number -> national form "0812345678" (not validated).

    Drops spaces, dashes and parentheses, turns Thai digits into 0-9 and replaces the
    country code (+66 or 66) with the leading 0.
    """
    if value is None:
        return ""
    number = re.sub(r"[()]", "", _SEPARATORS.sub("", to_arabic_digits(value)))
    for country_code in ("+66", "66"):
        if number.startswith(country_code):
            rest = number[len(country_code) :]
            # People sometimes keep the trunk 0 after the country code: +66 (0)81 ...
            return "0" + rest.removeprefix("0")
    return number


def is_valid_thai_phone(value) -> bool:
    """Mobile: 10 digits starting 06, 08 or 09. Landline: 9 digits starting 02-05 or 07."""
    number = normalize_thai_phone(value)
    return bool(_MOBILE.fullmatch(number) or _LANDLINE.fullmatch(number))


def validate_thai_phone(value):
    """Django validator for a Thai mobile or landline number."""
    if not is_valid_thai_phone(value):
        raise ValidationError(PHONE_MESSAGE, code="invalid_phone")


def format_thai_phone(value) -> str:
    """Display form: "081-234-5678", "02-123-4567" (Bangkok), "054-123-456".

    Raises ValueError for a number that is not a valid Thai phone number.
    """
    number = normalize_thai_phone(value)
    if _MOBILE.fullmatch(number):
        return f"{number[:3]}-{number[3:6]}-{number[6:]}"
    if _LANDLINE.fullmatch(number):
        # Bangkok's area code is one digit (2); the provinces' are two (e.g. 54).
        if number.startswith("02"):
            return f"{number[:2]}-{number[2:5]}-{number[5:]}"
        return f"{number[:3]}-{number[3:6]}-{number[6:]}"
    raise ValueError(f"Not a Thai phone number: {value!r}")
