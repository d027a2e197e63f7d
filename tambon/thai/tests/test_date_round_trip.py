"""The Buddhist-Era date and date-time boxes of the admin: what they show reads back as the
same day (and moment), a Christian Era year is refused in Thai, and text that is not a date
is shown back as typed."""

import datetime

import pytest
from django import forms
from django.utils import translation

from tambon.thai.dates import BANGKOK, read_datetime
from tambon.thai.forms import ThaiDateField, ThaiDateTimeField


class EditForm(forms.Form):
    day = ThaiDateField(required=False)
    moment = ThaiDateTimeField(required=False)


def shown(form, name):
    """The value the box shows."""
    bound = form[name]
    return bound.field.widget.format_value(bound.value())


@pytest.mark.parametrize(
    "day",
    [
        datetime.date(2022, 3, 14),
        datetime.date(2024, 2, 29),  # 2567 is a leap year: 29/02/2567
        datetime.date(2000, 1, 1),
        datetime.date(2026, 12, 31),
        datetime.date(1900, 2, 28),
    ],
)
def test_a_day_shown_reads_back_as_the_same_day(day):
    text = shown(EditForm(initial={"day": day}), "day")
    assert str(day.year + 543) in text
    form = EditForm({"day": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == day


def test_the_day_is_shown_day_first_with_the_buddhist_year():
    assert shown(EditForm(initial={"day": datetime.date(2022, 3, 14)}), "day") == "14/03/2565"


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2022, 3, 14, 9, 5, tzinfo=BANGKOK),
        datetime.datetime(2024, 2, 29, 23, 59, tzinfo=BANGKOK),
        # 17:30 UTC on the 13th is already the 14th in Bangkok
        datetime.datetime(2022, 3, 13, 17, 30, tzinfo=datetime.UTC),
    ],
)
def test_a_moment_shown_reads_back_as_the_same_moment(moment):
    text = shown(EditForm(initial={"moment": moment}), "moment")
    form = EditForm({"moment": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["moment"] == moment


def test_a_moment_is_shown_in_bangkok_time_with_the_buddhist_year():
    utc = datetime.datetime(2022, 3, 13, 17, 30, tzinfo=datetime.UTC)
    assert shown(EditForm(initial={"moment": utc}), "moment") == "14/03/2565 00:30"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("14/03/2565 09:30", datetime.datetime(2022, 3, 14, 9, 30)),
        ("14/03/2565 เวลา 09.30 น.", datetime.datetime(2022, 3, 14, 9, 30)),
        ("๑๔/๐๓/๒๕๖๕ ๙:๓๐", datetime.datetime(2022, 3, 14, 9, 30)),
        ("14 มีนาคม 2565 09:30", datetime.datetime(2022, 3, 14, 9, 30)),
        ("2022-03-14 09:30", datetime.datetime(2022, 3, 14, 9, 30)),
        ("2022-03-14T09:30:15", datetime.datetime(2022, 3, 14, 9, 30, 15)),
        ("14/03/2565", datetime.datetime(2022, 3, 14)),
    ],
)
def test_a_moment_is_read_as_thai_people_write_it(typed, meant):
    assert read_datetime(typed) == meant
    form = EditForm({"moment": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["moment"] == meant.replace(tzinfo=BANGKOK)


def errors_of(data):
    with translation.override("th"):
        form = EditForm(data)
        form.is_valid()
        return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


@pytest.mark.parametrize("typed", ["29/02/2566", "31/04/2565", "0/01/2565", "14/13/2565"])
def test_a_day_that_does_not_exist_is_told_in_thai(typed):
    # 2566 (2023) is not a leap year.
    assert errors_of({"day": typed}) == {"day": ["กรอกวันที่ เช่น 14/03/2568 (วัน/เดือน/ปี พ.ศ.)"]}


@pytest.mark.parametrize(
    "typed", ["29/02/2566 09:00", "14/03/2565 25:00", "14/03/2565 9:75", "พรุ่งนี้"]
)
def test_a_moment_that_does_not_exist_is_told_in_thai(typed):
    assert errors_of({"moment": typed}) == {
        "moment": ["กรอกวันที่และเวลา เช่น 14/03/2568 09:30 (ปี พ.ศ.)"]
    }


def test_a_christian_era_year_in_a_moment_is_told_with_the_buddhist_year_meant():
    assert errors_of({"moment": "14/03/2022 09:30"}) == {
        "moment": ["ปี 2022 น่าจะเป็นปี ค.ศ. โปรดระบุเป็นปี พ.ศ. (2565)"]
    }


@pytest.mark.parametrize(("name", "typed"), [("day", "29/02/2566"), ("moment", "14/03/2565 25:00")])
def test_what_was_typed_wrong_is_shown_back_as_typed(name, typed):
    form = EditForm({name: typed})
    assert not form.is_valid()
    assert f'value="{typed}"' in str(form[name])
