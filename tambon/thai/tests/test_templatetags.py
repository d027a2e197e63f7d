import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template


def render(source, **context):
    return Template("{% load thai %}" + source).render(Context(context))


class TestThaiDateFilter:
    day = datetime.date(2022, 3, 14)

    def test_long_is_the_default(self):
        assert render("{{ d|thai_date }}", d=self.day) == "14 มีนาคม 2565"

    def test_style_argument(self):
        assert render('{{ d|thai_date:"short" }}', d=datetime.date(2020, 3, 5)) == "5/03/2563"
        assert render('{{ d|thai_date:"abbr" }}', d=self.day) == "14 มี.ค. 65"

    def test_thai_digits_option(self):
        assert render('{{ d|thai_date:"long,thai" }}', d=self.day) == "๑๔ มีนาคม ๒๕๖๕"

    def test_aware_datetime_is_shown_in_bangkok_time(self):
        at_0205_utc = datetime.datetime(2022, 3, 14, 2, 5, tzinfo=datetime.UTC)
        assert (
            render('{{ d|thai_date:"datetime" }}', d=at_0205_utc) == "14 มีนาคม 2565 เวลา 09:05 น."
        )

    def test_none_renders_as_nothing(self):
        assert render("[{{ d|thai_date }}]", d=None) == "[]"

    def test_text_that_is_not_a_date_is_shown_unchanged(self):
        assert render("{{ d|thai_date }}", d="soon") == "soon"

    def test_unknown_style_shows_the_value_unchanged(self):
        # Unchanged means as Django shows the bare date, whatever the locale makes of it.
        assert render('{{ d|thai_date:"medium" }}', d=self.day) == render("{{ d }}", d=self.day)

    def test_output_is_still_escaped(self):
        assert render("{{ d|thai_date }}", d="<b>") == "&lt;b&gt;"


def test_thai_digits_filter():
    assert render("{{ n|thai_digits }}", n=2565) == "๒๕๖๕"
    assert render("[{{ n|thai_digits }}]", n=None) == "[]"


class TestThaiNumberFilter:
    def test_groups_thousands(self):
        assert render("{{ n|thai_number }}", n=1296) == "1,296"

    def test_decimals_argument(self):
        assert render("{{ n|thai_number:2 }}", n=Decimal("1234567.891")) == "1,234,567.89"

    def test_chains_with_thai_digits(self):
        assert render("{{ n|thai_number|thai_digits }}", n=1296) == "๑,๒๙๖"

    def test_bad_input_is_shown_unchanged(self):
        assert render("{{ n|thai_number }}", n="many") == "many"
        assert render('{{ n|thai_number:"x" }}', n=1296) == "1296"
        assert render("[{{ n|thai_number }}]", n=None) == "[]"


class TestThaiPhoneFilter:
    def test_valid_numbers_are_formatted(self):
        assert render("{{ p|thai_phone }}", p="+66812345678") == "081-234-5678"
        assert render("{{ p|thai_phone }}", p="021234567") == "02-123-4567"

    def test_invalid_number_is_shown_unchanged(self):
        assert render("{{ p|thai_phone }}", p="1669") == "1669"

    def test_none_renders_as_nothing(self):
        assert render("[{{ p|thai_phone }}]", p=None) == "[]"


class TestCurrentFiscalYearTag:
    @pytest.fixture(autouse=True)
    def first_minutes_of_fy_2566(self, time_machine):
        # 30 Sep 2022 17:30 UTC is 1 Oct 2022 00:30 in Bangkok: fiscal year 2566.
        moment = datetime.datetime(2022, 9, 30, 17, 30, tzinfo=datetime.UTC)
        time_machine.move_to(moment, tick=False)

    def test_renders_the_buddhist_era_fiscal_year(self):
        assert render("{% current_fiscal_year %}") == "2566"

    def test_can_be_stored_in_a_variable(self):
        assert render("{% current_fiscal_year as fy %}{{ fy|thai_digits }}") == "๒๕๖๖"
