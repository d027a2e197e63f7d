import datetime

import pytest
from django import forms
from django.utils import translation

from tambon.thai.forms import FiscalYearField, ThaiDateField


class PeriodForm(forms.Form):
    day = ThaiDateField(required=False)
    year = FiscalYearField(required=False)


def errors_of(data):
    with translation.override("th"):
        form = PeriodForm(data)
        form.is_valid()
        return {name: [str(error) for error in errors] for name, errors in form.errors.items()}


@pytest.mark.parametrize(
    "typed",
    ["1/11/2569", "01/11/2569", "๑/๑๑/๒๕๖๙", "1 พฤศจิกายน 2569", "1 พ.ย. 2569", "2026-11-01"],
)
def test_a_date_is_read_as_thai_people_write_it_or_as_a_date_picker_sends_it(typed):
    form = PeriodForm({"day": f" {typed} "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day"] == datetime.date(2026, 11, 1)


def test_a_year_first_date_with_a_buddhist_year_is_read_as_one():
    form = PeriodForm({"day": "2569-11-01"})
    assert form.is_valid()
    assert form.cleaned_data["day"] == datetime.date(2026, 11, 1)


@pytest.mark.parametrize("typed", ["yesterday", "31/02/2569", "2026-13-01", "ก" * 50])
def test_text_that_is_not_a_date_is_told_in_thai(typed):
    assert errors_of({"day": typed}) == {"day": ["กรอกวันที่ เช่น 14/03/2568 (วัน/เดือน/ปี พ.ศ.)"]}


def test_a_christian_era_year_is_told_with_the_buddhist_year_meant():
    assert errors_of({"day": "1/11/2026"}) == {
        "day": ["ปี 2026 น่าจะเป็นปี ค.ศ. โปรดระบุเป็นปี พ.ศ. (2569)"]
    }


def test_a_date_is_shown_back_the_thai_way_and_text_that_is_not_one_as_typed():
    assert 'value="1/11/2569"' in str(PeriodForm({"day": "2026-11-01"})["day"])
    assert 'value="oops"' in str(PeriodForm({"day": "oops"})["day"])
    unbound = PeriodForm(initial={"day": datetime.date(2026, 8, 26)})
    assert 'value="26/08/2569"' in str(unbound["day"])


def test_an_empty_optional_date_or_year_is_none():
    form = PeriodForm({"day": "  ", "year": ""})
    assert form.is_valid()
    assert form.cleaned_data == {"day": None, "year": None}


@pytest.mark.parametrize(("typed", "year"), [("2568", 2568), (" ๒๕๖๘ ", 2568), ("2400", 2400)])
def test_a_fiscal_year_is_a_buddhist_era_year(typed, year):
    form = PeriodForm({"year": typed})
    assert form.is_valid()
    assert form.cleaned_data["year"] == year


@pytest.mark.parametrize("typed", ["abc", "2025", "99999", "2568abc", "-2568", "2568.0"])
def test_anything_else_is_not_a_fiscal_year_in_thai(typed):
    message = errors_of({"year": typed})["year"][0]
    assert message.startswith(f"“{typed[:10]}” ไม่ใช่ปีงบประมาณ")
