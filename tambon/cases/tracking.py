"""Tracking codes and PINs: short enough to read over the phone, too many to guess.

The alphabet leaves out the characters people confuse when reading or hearing them
(0/O, 1/I/L). 31 symbols, 8 of them: about 8.5 * 10^11 codes.
"""

import base64
import hashlib
import hmac
import secrets

from tambon.core.codes import normalize, random_code
from tambon.thai.digits import to_arabic_digits

CODE_LENGTH = 8
PIN_LENGTH = 6


def new_code() -> str:
    return random_code(CODE_LENGTH)


def display_code(code: str) -> str:
    """ "K7QM4X9P" -> "K7QM-4X9P"."""
    return f"{code[:4]}-{code[4:]}" if len(code) == CODE_LENGTH else code


def normalize_code(text) -> str:
    """What a citizen typed ("k7qm 4x9p", "K7QM-4X9P") -> "K7QM4X9P"."""
    return normalize(text, 40)


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


# A six-digit PIN cannot be made hard to brute-force by any hash, and it guards a page whose
# content the database itself holds: a salted PBKDF2 of moderate cost keeps it out of plain
# sight without making every submission and tracking look-up wait on a login-strength hash.
PIN_ITERATIONS = 50_000


def _derive(pin: str, salt: str, iterations: int) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt.encode(), iterations)
    return base64.b64encode(digest).decode()


def hash_pin(pin: str) -> str:
    salt = secrets.token_hex(8)
    return f"pin_pbkdf2_sha256${PIN_ITERATIONS}${salt}${_derive(pin, salt, PIN_ITERATIONS)}"


def pin_matches(pin, hashed) -> bool:
    pin = "".join(ch for ch in to_arabic_digits(str(pin or ""))[:40] if ch in "0123456789")
    try:
        algorithm, iterations, salt, expected = str(hashed or "").split("$")
        iterations = int(iterations)
    except ValueError:
        return False
    if not pin or algorithm != "pin_pbkdf2_sha256" or not 0 < iterations <= 10**7:
        return False
    return hmac.compare_digest(_derive(pin, salt, iterations), expected)


def same_text(a: str, b: str) -> bool:
    """Constant-time comparison of two normalized strings (a contact the citizen gave)."""
    return bool(a and b) and hmac.compare_digest(a.encode(), b.encode())
