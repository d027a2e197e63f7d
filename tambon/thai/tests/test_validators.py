import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tambon.thai.validators import (
    format_thai_phone,
    is_valid_citizen_id,
    is_valid_thai_phone,
    normalize_citizen_id,
    normalize_thai_phone,
    validate_citizen_id,
    validate_thai_phone,
)

# Check digits worked out by hand; weights 13..2 on the first 12 digits.
#
# 1-1037-02071-56-?  1*13 + 1*12 + 0*11 + 3*10 + 7*9 + 0*8 + 2*7 + 0*6 + 7*5 + 1*4 + 5*3 + 6*2
#                    = 13 + 12 + 0 + 30 + 63 + 0 + 14 + 0 + 35 + 4 + 15 + 12 = 198
#                    198 % 11 = 0, (11 - 0) % 10 = 1          -> 1103702071561
VALID_ID = "1103702071561"
# 3-1001-00123-46-?  39 + 12 + 0 + 0 + 9 + 0 + 0 + 6 + 10 + 12 + 12 + 12 = 112
#                    112 % 11 = 2, (11 - 2) % 10 = 9          -> 3100100123469
VALID_ID_CHECK_9 = "3100100123469"
# 3-1001-00123-85-?  39 + 12 + 0 + 0 + 9 + 0 + 0 + 6 + 10 + 12 + 24 + 10 = 122
#                    122 % 11 = 1, (11 - 1) % 10 = 0          -> 3100100123850
VALID_ID_CHECK_0 = "3100100123850"


class TestCitizenId:
    @pytest.mark.parametrize("citizen_id", [VALID_ID, VALID_ID_CHECK_9, VALID_ID_CHECK_0])
    def test_ids_with_a_correct_check_digit_are_valid(self, citizen_id):
        assert is_valid_citizen_id(citizen_id)

    def test_wrong_check_digit_is_invalid(self):
        assert not is_valid_citizen_id("1103702071566")

    def test_twelve_digits_are_invalid(self):
        assert not is_valid_citizen_id("110370207156")

    def test_fourteen_digits_are_invalid(self):
        assert not is_valid_citizen_id("11037020715610")

    def test_letters_are_invalid(self):
        assert not is_valid_citizen_id("110370207156a")
        assert not is_valid_citizen_id("A103702071561")

    def test_leading_zero_is_invalid_even_with_a_correct_check_digit(self):
        # 0-1037-02071-56-?: the sum loses 1*13, 185 % 11 = 9, (11 - 9) % 10 = 2.
        assert not is_valid_citizen_id("0103702071562")

    def test_dashes_and_spaces_are_accepted(self):
        assert normalize_citizen_id("1-1037-02071-56-1") == VALID_ID
        assert is_valid_citizen_id("1-1037-02071-56-1")
        assert is_valid_citizen_id(" 1 1037 02071 56 1 ")

    def test_thai_digits_are_accepted(self):
        assert normalize_citizen_id("๑-๑๐๓๗-๐๒๐๗๑-๕๖-๑") == VALID_ID
        assert is_valid_citizen_id("๑๑๐๓๗๐๒๐๗๑๕๖๑")

    def test_none_and_empty_are_invalid(self):
        assert not is_valid_citizen_id(None)
        assert not is_valid_citizen_id("")

    def test_validator_accepts_a_valid_id(self):
        validate_citizen_id("1-1037-02071-56-1")  # does not raise

    def test_validator_rejects_with_a_code_and_a_message(self):
        with pytest.raises(ValidationError) as caught:
            validate_citizen_id("1103702071566")
        assert caught.value.code == "invalid_citizen_id"
        with translation.override("en"):
            assert caught.value.messages == ["Enter a valid 13-digit Thai citizen ID number."]


class TestThaiPhone:
    @pytest.mark.parametrize(
        ("written", "national"),
        [
            ("+66 81 234 5678", "0812345678"),
            ("66812345678", "0812345678"),
            ("+66 (0)81-234-5678", "0812345678"),
            ("081-234-5678", "0812345678"),
            ("(02) 123 4567", "021234567"),
            ("๐๘๑ ๒๓๔ ๕๖๗๘", "0812345678"),
            ("+66 54 123 456", "054123456"),
        ],
    )
    def test_normalized_to_the_national_form(self, written, national):
        assert normalize_thai_phone(written) == national

    @pytest.mark.parametrize(
        "number",
        ["0612345678", "0812345678", "0912345678", "+66 81 234 5678", "๐๘๑๒๓๔๕๖๗๘"],
    )
    def test_mobile_numbers_are_valid(self, number):
        assert is_valid_thai_phone(number)

    @pytest.mark.parametrize(
        "number", ["02-123-4567", "032 123 456", "043123456", "054 123 456", "075123456"]
    )
    def test_landline_numbers_are_valid(self, number):
        assert is_valid_thai_phone(number)

    @pytest.mark.parametrize(
        "number",
        [
            "0112345678",  # no such prefix
            "0712345678",  # 07 is a landline prefix, so only 9 digits
            "081234567",  # mobile prefix, one digit short
            "02123456",  # landline, one digit short
            "0612",  # far too short
            "08123456789",  # mobile, one digit too many
            "1669",  # hotline, not a phone number
            "081-234-567x",
            "",
            None,
        ],
    )
    def test_other_numbers_are_invalid(self, number):
        assert not is_valid_thai_phone(number)

    def test_validator_accepts_a_valid_number(self):
        validate_thai_phone("054 123 456")  # does not raise

    def test_validator_rejects_with_a_code_and_a_message(self):
        with pytest.raises(ValidationError) as caught:
            validate_thai_phone("0112345678")
        assert caught.value.code == "invalid_phone"
        with translation.override("en"):
            assert caught.value.messages == [
                "Enter a Thai phone number, e.g. 081 234 5678 or 054 123 456."
            ]

    @pytest.mark.parametrize(
        ("number", "shown"),
        [
            ("0812345678", "081-234-5678"),
            ("+66 81 234 5678", "081-234-5678"),
            ("021234567", "02-123-4567"),
            ("+66 2 123 4567", "02-123-4567"),
            ("054123456", "054-123-456"),
        ],
    )
    def test_display_form(self, number, shown):
        assert format_thai_phone(number) == shown

    def test_display_of_an_invalid_number_is_an_error(self):
        with pytest.raises(ValueError):
            format_thai_phone("0112345678")
