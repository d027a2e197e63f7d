"""A few lines of a result around what was found, the found words in <mark>."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tambon.thai.search_text import fold, segment, syllables

LENGTH = 220
BEFORE = 60  # characters shown before the first match
CONTEXT = 30  # characters around a match segmented to see where its syllables start and end
MAX_MATCHES = 60
SHORT = 3


def snippet(body: str, terms) -> SafeString:
    """terms: the word sequences searched for (normalised). The body is searched folded (same
    length as the body: Thai digits as Arabic, lower case), so the marks fall on the text."""
    if not body:
        return mark_safe("")  # noqa: S308 (nothing in it)
    folded = fold(body)
    matches = [
        (start, end)
        for start, end in _matches(folded, terms)
        # Only a short match can be a piece of a syllable worth checking (it costs a segmentation).
        if end - start > SHORT or _on_boundaries(folded, start, end)
    ]
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


def _matches(folded, terms):
    needles = {"".join(words) for words in terms} | {w for words in terms for w in words}
    needles = sorted((n for n in needles if n), key=len, reverse=True)
    if not needles:
        return []
    pattern = re.compile("|".join(map(re.escape, needles)))
    found = []
    for match in pattern.finditer(folded):
        found.append(match.span())
        if len(found) >= MAX_MATCHES:
            break
    return found


def _on_boundaries(folded, start, end):
    """Whether the match starts and ends where a word or a syllable does (as the index sees
    it): "ตา" is not marked inside "ตาก"."""
    left = max(0, start - CONTEXT)
    window = folded[left : end + CONTEXT]
    edges, position = {0, len(window)}, 0
    for word in segment(window):
        at = window.find(word, position)
        if at < 0:
            continue
        cursor = at
        for syllable in syllables(word):
            found = window.find(syllable, cursor)
            if found >= 0:
                edges.update((found, found + len(syllable)))
                cursor = found + len(syllable)
        edges.update((at, at + len(word)))
        position = at + len(word)
    return (start - left) in edges and (end - left) in edges
