"""The period of the report's downloads, chosen in a form.

The clerk types the first and last day as the report shows dates, in the Buddhist Era
(26/08/2569); the download links carry them year first (2026-08-26), which is read too. A
missing start is 89 days before the end; a missing end is yesterday (today is not over). A
period that cannot be used is told in Thai beside the form, and the default period (the 90 days
that end yesterday) is shown and downloaded instead, as the form says.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tambon.thai.days import last_days
from tambon.thai.digits import format_number
from tambon.thai.forms import ThaiDateField

DAILY_CHART_DAYS = 90
# A download covers at most about ten years, so a typo cannot ask for millions of rows.
MAX_EXPORT_DAYS = 3660


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The 90 days that end yesterday."""
    return last_days(today - datetime.timedelta(days=1), DAILY_CHART_DAYS)


class ReportPeriodForm(forms.Form):
    start = ThaiDateField(
        label=_("Start date"),
        required=False,
        error_messages={
            "invalid": _(
                "The start date “%(value)s” is not a date. "
                "Enter it as day/month/Buddhist year, e.g. 23/11/2569."
            )
        },
    )
    end = ThaiDateField(
        label=_("End date"),
        required=False,
        error_messages={
            "invalid": _(
                "The end date “%(value)s” is not a date. "
                "Enter it as day/month/Buddhist year, e.g. 23/11/2569."
            )
        },
    )

    def __init__(self, data, *, today: datetime.date):
        super().__init__(data, auto_id="period-%s")
        self.today = today

    def clean(self):
        cleaned = super().clean()
        if self.errors:  # a field that is not a date: its own message says so
            return cleaned
        end = cleaned.get("end") or self.today - datetime.timedelta(days=1)
        start = cleaned.get("start") or last_days(end, DAILY_CHART_DAYS)[0]
        if start > end:
            raise ValidationError(_("The start date is after the end date."), code="reversed")
        if (end - start).days + 1 > MAX_EXPORT_DAYS:
            raise ValidationError(
                _("A download can cover at most %(days)s days. Choose a shorter period.")
                % {"days": format_number(MAX_EXPORT_DAYS)},
                code="too_long",
            )
        cleaned.update(start=start, end=end)
        return cleaned

    def period(self) -> tuple[datetime.date, datetime.date]:
        """The period asked for, or the default period when it cannot be used."""
        if self.is_valid():
            return self.cleaned_data["start"], self.cleaned_data["end"]
        return default_period(self.today)

    def error_messages(self) -> list[str]:
        """Every error, the start date's first, for the one alert above the fields."""
        return [
            *self.errors.get("start", []),
            *self.errors.get("end", []),
            *self.non_field_errors(),
        ]

    def invalid_fields(self) -> set[str]:
        """The fields to mark invalid: both when the two dates do not go together."""
        if self.non_field_errors():
            return {"start", "end"}
        return {name for name in ("start", "end") if name in self.errors}

    def shown_value(self, name) -> str:
        """What a field shows: what was typed (a date the Thai way), or, where nothing was,
        the day the report uses."""
        typed = self.data.get(name, "").strip()
        start, end = self.period()
        value = typed or {"start": start, "end": end}[name]
        return self.fields[name].widget.format_value(value)
