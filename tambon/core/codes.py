"""Codes a person reads off a screen or paper and types back: a case's tracking code, a staff
member's enrolment code. Letters and digits that are not confused when read out or copied (no
0/O, 1/I/L): 31 symbols."""

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def random_code(length):
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def normalize(text, longest_typed):
    """What was typed ("k7qm 4x9p", "K7QM-4X9P") -> "K7QM4X9P": upper case, only the
    alphabet's symbols, from at most `longest_typed` characters typed."""
    return "".join(ch for ch in str(text or "").upper()[:longest_typed] if ch in ALPHABET)
