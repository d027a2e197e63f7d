"""A few lines of a result around what was found, the found words in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tambon.thai.search_text import fold

LENGTH = 220
BEFORE = 60  # characters shown before the first match


def snippet(body: str, terms) -> SafeString:
    """terms: the word sequences searched for (normalised). The body is searched folded (same
    length as the body: Thai digits as Arabic, lower case), so the marks fall on the text."""
    if not body:
        return mark_safe("")  # noqa: S308 (nothing in it)
    needles = {"".join(words) for words in terms} | {w for words in terms for w in words}
    needles = sorted((n for n in needles if n), key=len, reverse=True)
    folded = fold(body)
    matches = []
    if needles:
        pattern = re.compile("|".join(map(re.escape, needles)))
        matches = [m.span() for m in pattern.finditer(folded)]
    start = 0
    if matches:
        start = max(0, matches[0][0] - BEFORE)
        space = body.rfind(" ", max(0, start - 20), start + 1)
        start = space + 1 if space >= 0 and start else start
    end = min(len(body), start + LENGTH)
    if end < len(body):
        space = body.find(" ", end - 20, end + 20)
        end = space if space > 0 else end
    parts = ["…" if start else ""]
    position = start
    for match_start, match_end in matches:
        if match_start < position or match_end > end:
            continue
        parts += [escape(body[position:match_start]), "<mark>"]
        parts += [escape(body[match_start:match_end]), "</mark>"]
        position = match_end
    parts += [escape(body[position:end]), "…" if end < len(body) else ""]
    return mark_safe("".join(parts))  # noqa: S308 (every piece of text escaped above)
