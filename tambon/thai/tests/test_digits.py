from decimal import Decimal

import pytest

from tambon.thai.digits import format_number, to_arabic_digits, to_thai_digits


def test_arabic_digits_become_thai_digits_and_other_text_is_kept():
    assert to_thai_digits("พ.ศ. 2565 เวลา 09:05") == "พ.ศ. ๒๕๖๕ เวลา ๐๙:๐๕"


def test_thai_digits_become_arabic_digits():
    assert to_arabic_digits("๐๑๒๓๔๕๖๗๘๙") == "0123456789"


def test_numbers_are_accepted_not_only_strings():
    assert to_thai_digits(2565) == "๒๕๖๕"


def test_thousands_are_grouped_with_commas():
    assert format_number(1296) == "1,296"
    assert format_number(1234567) == "1,234,567"
    assert format_number(999) == "999"


def test_decimals_are_rounded_half_up():
    assert format_number(Decimal("1234.5")) == "1,235"
    assert format_number(2.5) == "3"
    assert format_number(Decimal("1234567.891"), decimals=2) == "1,234,567.89"
    assert format_number(0.125, decimals=2) == "0.13"


def test_decimals_are_padded_with_zeros():
    assert format_number(1234.5, decimals=2) == "1,234.50"


def test_negative_numbers_keep_their_sign_but_negative_zero_does_not():
    assert format_number(-1296) == "-1,296"
    assert format_number(-0.4) == "0"


def test_formatted_number_in_thai_digits():
    assert format_number(1296, thai_digits=True) == "๑,๒๙๖"


def test_something_that_is_not_a_number_is_rejected():
    with pytest.raises(ValueError):
        format_number("abc")
    with pytest.raises(ValueError):
        format_number(float("nan"))
