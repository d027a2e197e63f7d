"""Cleaning what citizens type: invisible characters that can hide or reorder text are
dropped, the rest is kept as typed (it is escaped wherever it is shown)."""

import re

# Bidirectional embeddings, overrides and isolates: they can make text read backwards.
_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
# Zero-width characters and the byte-order mark: invisible, used to dodge filters.
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
# Control characters other than tab and newline.
_CONTROLS = "".join(chr(c) for c in [*range(0, 9), 11, 12, *range(14, 32), 127])
_DROPPED = re.compile("[" + re.escape(_BIDI_CONTROLS + _ZERO_WIDTH + _CONTROLS) + "]")


def clean_text(value: str, multiline=False) -> str:
    value = _DROPPED.sub("", str(value or "")).replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        value = " ".join(value.split())
    return value.strip()
