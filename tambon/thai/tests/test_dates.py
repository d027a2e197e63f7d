import datetime

import pytest

from tambon.thai.dates import (
    BANGKOK,
    THAI_MONTHS,
    THAI_MONTHS_ABBR,
    THAI_WEEKDAYS,
    NotBuddhistEraYear,
    buddhist_year,
    format_thai_date,
    format_thai_month,
    is_buddhist_year,
    parse_thai_date,
    read_date,
    to_bangkok_date,
)

UTC = datetime.UTC


def test_name_tables_are_complete_and_in_calendar_order():
    assert len(THAI_MONTHS) == 12
    assert (THAI_MONTHS[0], THAI_MONTHS[11]) == ("มกราคม", "ธันวาคม")
    assert (THAI_MONTHS_ABBR[0], THAI_MONTHS_ABBR[11]) == ("ม.ค.", "ธ.ค.")
    assert (THAI_WEEKDAYS[0], THAI_WEEKDAYS[6]) == ("จันทร์", "อาทิตย์")


def test_buddhist_year_is_gregorian_plus_543():
    assert buddhist_year(2022) == 2565
    assert buddhist_year(2024) == 2567


class TestToBangkokDate:
    def test_a_date_is_returned_as_is(self):
        assert to_bangkok_date(datetime.date(2022, 3, 14)) == datetime.date(2022, 3, 14)

    def test_evening_utc_is_already_the_next_day_in_bangkok(self):
        evening_utc = datetime.datetime(2022, 3, 13, 17, 30, tzinfo=UTC)
        assert to_bangkok_date(evening_utc) == datetime.date(2022, 3, 14)

    def test_naive_datetime_is_taken_as_bangkok_time(self):
        assert to_bangkok_date(datetime.datetime(2022, 3, 13, 23, 30)) == datetime.date(2022, 3, 13)

    def test_a_string_is_refused(self):
        with pytest.raises(TypeError):
            to_bangkok_date("2022-03-14")


class TestFormatThaiDate:
    day = datetime.date(2022, 3, 14)  # a Monday

    def test_long_is_the_default_style(self):
        assert format_thai_date(self.day) == "14 มีนาคม 2565"

    def test_short_has_no_leading_zero_on_the_day_but_one_on_the_month(self):
        assert format_thai_date(datetime.date(2020, 3, 5), "short") == "5/03/2563"
        assert format_thai_date(datetime.date(2022, 12, 25), "short") == "25/12/2565"

    def test_abbr_uses_the_short_month_and_two_digit_year(self):
        assert format_thai_date(self.day, "abbr") == "14 มี.ค. 65"
        # 1962 is BE 2505: the year keeps its leading zero.
        assert format_thai_date(datetime.date(1962, 6, 1), "abbr") == "1 มิ.ย. 05"

    def test_full_names_the_weekday_and_the_era(self):
        assert format_thai_date(self.day, "full") == "วันจันทร์ที่ 14 มีนาคม พ.ศ. 2565"

    def test_datetime_style_shows_bangkok_time(self):
        at_0205_utc = datetime.datetime(2022, 3, 14, 2, 5, tzinfo=UTC)
        assert format_thai_date(at_0205_utc, "datetime") == "14 มีนาคม 2565 เวลา 09:05 น."

    def test_datetime_style_takes_a_naive_datetime_as_bangkok_time(self):
        naive = datetime.datetime(2022, 3, 14, 9, 5)
        assert format_thai_date(naive, "datetime") == "14 มีนาคม 2565 เวลา 09:05 น."

    def test_datetime_style_refuses_a_date_without_a_time(self):
        with pytest.raises(TypeError):
            format_thai_date(self.day, "datetime")

    def test_thai_digits(self):
        assert format_thai_date(self.day, thai_digits=True) == "๑๔ มีนาคม ๒๕๖๕"
        assert format_thai_date(datetime.date(2020, 3, 5), "short", True) == "๕/๐๓/๒๕๖๓"

    def test_leap_day_2024_is_be_2567_and_a_thursday(self):
        leap_day = datetime.date(2024, 2, 29)
        assert format_thai_date(leap_day) == "29 กุมภาพันธ์ 2567"
        assert format_thai_date(leap_day, "short") == "29/02/2567"
        assert format_thai_date(leap_day, "full") == "วันพฤหัสบดีที่ 29 กุมภาพันธ์ พ.ศ. 2567"

    def test_midnight_in_bangkok_starts_the_new_year(self):
        midnight_bangkok = datetime.datetime(2022, 12, 31, 17, 0, 0, tzinfo=UTC)
        assert format_thai_date(midnight_bangkok) == "1 มกราคม 2566"
        assert format_thai_date(midnight_bangkok, "datetime") == "1 มกราคม 2566 เวลา 00:00 น."

    def test_one_second_before_midnight_in_bangkok_is_still_the_old_year(self):
        just_before = datetime.datetime(2022, 12, 31, 16, 59, 59, tzinfo=UTC)
        assert format_thai_date(just_before) == "31 ธันวาคม 2565"

    def test_datetime_in_another_zone_is_shown_in_bangkok_time(self):
        tokyo_morning = datetime.datetime(
            2022, 3, 14, 1, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=9))
        )
        # 01:00 in Tokyo (UTC+9) is 23:00 the evening before in Bangkok (UTC+7).
        assert format_thai_date(tokyo_morning, "datetime") == "13 มีนาคม 2565 เวลา 23:00 น."

    def test_empty_values_give_an_empty_string(self):
        assert format_thai_date(None) == ""
        assert format_thai_date("") == ""

    def test_unknown_style_is_an_error(self):
        with pytest.raises(ValueError, match="medium"):
            format_thai_date(self.day, "medium")


class TestParseThaiDate:
    def test_short_form_with_or_without_leading_zero(self):
        assert parse_thai_date("5/03/2563") == datetime.date(2020, 3, 5)
        assert parse_thai_date("05/03/2563") == datetime.date(2020, 3, 5)

    def test_long_form(self):
        assert parse_thai_date("14 มีนาคม 2565") == datetime.date(2022, 3, 14)

    def test_thai_digits(self):
        assert parse_thai_date("๕/๐๓/๒๕๖๓") == datetime.date(2020, 3, 5)
        assert parse_thai_date("๑๔ มีนาคม ๒๕๖๕") == datetime.date(2022, 3, 14)

    def test_surrounding_and_repeated_spaces_are_ignored(self):
        assert parse_thai_date("  14   มีนาคม 2565 ") == datetime.date(2022, 3, 14)

    def test_abbreviated_month_and_era_marker_are_understood(self):
        assert parse_thai_date("14 มี.ค. 2565") == datetime.date(2022, 3, 14)
        assert parse_thai_date("14 มีนาคม พ.ศ. 2565") == datetime.date(2022, 3, 14)

    def test_leap_day_of_a_leap_year(self):
        assert parse_thai_date("29/02/2567") == datetime.date(2024, 2, 29)
        assert parse_thai_date("29 กุมภาพันธ์ 2567") == datetime.date(2024, 2, 29)

    def test_leap_day_of_a_common_year_is_rejected(self):
        # BE 2566 is 2023, not a leap year.
        with pytest.raises(ValueError, match="No such date"):
            parse_thai_date("29/02/2566")

    def test_31_february_is_rejected(self):
        with pytest.raises(ValueError, match="No such date"):
            parse_thai_date("31/02/2565")

    def test_month_13_is_rejected(self):
        with pytest.raises(ValueError):
            parse_thai_date("5/13/2563")

    def test_unknown_month_name_is_rejected(self):
        with pytest.raises(ValueError, match="Unknown Thai month"):
            parse_thai_date("14 Mars 2565")

    def test_gregorian_year_is_rejected(self):
        with pytest.raises(ValueError, match="Buddhist Era"):
            parse_thai_date("5/03/2020")

    @pytest.mark.parametrize("text", ["", None, "yesterday", "2022-03-14", "5/03/63"])
    def test_text_that_is_not_a_date_is_rejected(self, text):
        with pytest.raises(ValueError):
            parse_thai_date(text)

    @pytest.mark.parametrize("style", ["short", "long"])
    def test_parsing_undoes_formatting(self, style):
        day = datetime.date(2024, 2, 29)
        assert parse_thai_date(format_thai_date(day, style)) == day
        assert parse_thai_date(format_thai_date(day, style, thai_digits=True)) == day


def test_bangkok_is_seven_hours_ahead_of_utc():
    noon = datetime.datetime(2022, 6, 1, 12, 0, tzinfo=BANGKOK)
    assert noon.utcoffset() == datetime.timedelta(hours=7)


class TestReadDate:
    @pytest.mark.parametrize(
        "text",
        ["14/03/2565", "14 มีนาคม 2565", "๑๔/๐๓/๒๕๖๕", "2022-03-14", "2565-03-14", " 2022-3-14 "],
    )
    def test_buddhist_or_year_first_dates_are_read(self, text):
        assert read_date(text) == datetime.date(2022, 3, 14)

    @pytest.mark.parametrize("text", ["", None, "yesterday", "2022-02-30", "14/03/65"])
    def test_anything_else_is_refused(self, text):
        with pytest.raises(ValueError):
            read_date(text)

    def test_a_christian_year_in_a_thai_date_names_the_year(self):
        with pytest.raises(NotBuddhistEraYear) as raised:
            read_date("14/03/2022")
        assert raised.value.year == 2022


def test_format_thai_month_styles():
    day = datetime.date(2026, 11, 24)
    assert format_thai_month(day) == "พ.ย. 2569"
    assert format_thai_month(day, "long") == "พฤศจิกายน 2569"
    assert format_thai_month(day, "full") == "พฤศจิกายน พ.ศ. 2569"
    with pytest.raises(ValueError):
        format_thai_month(day, "short")


@pytest.mark.parametrize(
    ("year", "shown"), [(2399, False), (2400, True), (9999, True), (10000, False)]
)
def test_buddhist_years_this_site_can_show_have_four_digits_from_2400(year, shown):
    assert is_buddhist_year(year) is shown
