"""Form fields for what Thai people type: dates in the Buddhist Era and fiscal years."""

import contextlib
import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import from_current_timezone
from django.utils.translation import gettext_lazy as _

from .dates import (
    NotBuddhistEraYear,
    format_thai_date,
    format_thai_datetime_input,
    is_buddhist_year,
    read_date,
    read_datetime,
)
from .digits import to_arabic_digits

# Longer text is not a date; it is refused before anyone tries to read it.
MAX_DATE_LENGTH = 40


def _reads_as(value, read):
    """`value` read by `read` when it is short text that reads; otherwise `value` unchanged
    (a widget then shows it as typed, so that it can be corrected)."""
    if isinstance(value, str) and len(value) <= MAX_DATE_LENGTH:
        with contextlib.suppress(ValueError):
            return read(value)
    return value


def _read_typed(field, value, read):
    """What a Thai date field was given, read by `read`: None when empty, a ValidationError
    in Thai (naming what was typed, shortened) when it does not read."""
    text = str(value or "").strip()
    if not text:
        return None
    shown = text if len(text) <= 20 else text[:20] + "…"
    try:
        if len(text) > MAX_DATE_LENGTH:
            raise ValueError(text)
        return read(text)
    except NotBuddhistEraYear as error:
        raise ValidationError(
            field.error_messages["christian_era_year"],
            code="christian_era_year",
            params={"value": shown, "year": error.year, "be_year": error.year + 543},
        ) from None
    except (ValueError, ValidationError):
        raise ValidationError(
            field.error_messages["invalid"], code="invalid", params={"value": shown}
        ) from None


class ThaiDateInput(forms.TextInput):
    """Shows a date, or typed text that reads as one, the Thai way (14/03/2568); anything
    else as it was typed, so that it can be corrected."""

    def format_value(self, value):
        value = _reads_as(value, read_date)
        if isinstance(value, datetime.date):
            return format_thai_date(value, "short")
        return super().format_value(value)


class ThaiDateField(forms.Field):
    """A date typed as Thai people write it (14/03/2568, 14 มีนาคม 2568) or sent year first
    (2025-03-14, by a date picker or an address). ThaiDateInput shows it back as 14/03/2568;
    a browser's date picker (DateInput with type "date") may be given as the widget instead.

    Error messages may use %(value)s, what was typed; "christian_era_year" also %(year)s and
    %(be_year)s.
    """

    widget = ThaiDateInput
    default_error_messages = {
        "invalid": _("Enter a date, e.g. 14/03/2568 (day/month/Buddhist year)."),
        "christian_era_year": _(
            "%(year)s looks like a Christian Era year. Enter the Buddhist Era year (%(be_year)s)."
        ),
    }

    def to_python(self, value):
        if isinstance(value, datetime.date):
            return value
        return _read_typed(self, value, read_date)


class ThaiDateTimeInput(forms.TextInput):
    """Shows a moment, or typed text that reads as one, in Bangkok time the Thai way
    (14/03/2568 09:30); anything else as it was typed."""

    def format_value(self, value):
        value = _reads_as(value, read_datetime)
        if isinstance(value, datetime.datetime):
            return format_thai_datetime_input(value)
        if isinstance(value, datetime.date):
            return format_thai_date(value, "short")
        return super().format_value(value)


class ThaiDateTimeField(ThaiDateField):
    """A day as ThaiDateField reads it and a time of day (14/03/2568 09:30, or 09.30 น.; the
    day alone is its midnight), in the site's time zone (Bangkok)."""

    widget = ThaiDateTimeInput
    default_error_messages = {
        "invalid": _("Enter a date and time, e.g. 14/03/2568 09:30 (Buddhist year)."),
    }

    def to_python(self, value):
        if isinstance(value, datetime.datetime):
            return from_current_timezone(value) if timezone_naive(value) else value
        return _read_typed(self, value, lambda text: from_current_timezone(read_datetime(text)))


def timezone_naive(value):
    return value.tzinfo is None or value.tzinfo.utcoffset(value) is None


class FiscalYearField(forms.Field):
    """A Buddhist Era fiscal year such as 2568 (Thai digits too)."""

    widget = forms.NumberInput
    default_error_messages = {
        "invalid": _("“%(value)s” is not a fiscal year. Enter a Buddhist Era year such as 2568."),
    }

    def to_python(self, value):
        text = to_arabic_digits(str(value or "")).strip()
        if not text:
            return None
        if text.isascii() and text.isdigit() and is_buddhist_year(int(text)):
            return int(text)
        raise ValidationError(
            self.error_messages["invalid"], code="invalid", params={"value": text[:10]}
        )
