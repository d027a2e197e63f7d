"""Thai digits (๐-๙) and number formatting.

Thai official documents often print numbers in Thai digits; forms and search boxes
receive either kind, so both directions are needed.
"""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"

_ARABIC_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)
_THAI_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)


def to_thai_digits(text) -> str:
    """Replace 0-9 with ๐-๙; everything else is left alone."""
    return str(text).translate(_ARABIC_TO_THAI)


def to_arabic_digits(text) -> str:
    """Replace ๐-๙ with 0-9, so the result can be parsed with int() or a regex."""
    return str(text).translate(_THAI_TO_ARABIC)


def format_number(n, thai_digits=False, decimals=0) -> str:
    """Group thousands with commas: 1296 -> "1,296", (1234.5, decimals=2) -> "1,234.50".

    Accepts int, float, Decimal or a numeric string. Rounds half up, the way people
    round money by hand (Python's default would round 2.5 to 2).
    """
    try:
        # str() first so a float like 0.1 is taken as written, not as its binary value.
        number = Decimal(str(n))
    except InvalidOperation:
        raise ValueError(f"Not a number: {n!r}") from None
    if not number.is_finite():
        raise ValueError(f"Not a finite number: {n!r}")
    if decimals < 0:
        raise ValueError(f"decimals must be 0 or more, got {decimals}")
    rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    if rounded == 0:
        rounded = abs(rounded)  # -0.4 rounds to "-0"; nobody writes that.
    text = f"{rounded:,.{decimals}f}"
    return to_thai_digits(text) if thai_digits else text
