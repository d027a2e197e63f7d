"""Where a line of Thai may break: between words, never inside one.

Thai is written without spaces, so a browser guesses the words with its own dictionary and
sometimes breaks inside one ("บูรณ / าการ"), and CSS cannot stop it (`word-break: keep-all`
does not apply to Thai in Chromium). So the words come from the segmenter search uses
(tambon.thai.search_text: nlpo3 with PyThaiNLP's word list and the place names): each word of
more than one syllable is kept whole in `<span class="tw">` (`white-space: nowrap` in
site.css) and a `<wbr>` marks each boundary between two Thai words. docs/architecture.md,
"Phone layouts", says more.
"""

import functools
import re

import nlpo3
from django.utils.html import escape
from django.utils.safestring import SafeData, mark_safe

from .search_text import dictionary_words, normalise, syllables

WBR = "<wbr>"
WORD_OPEN = '<span class="tw">'
WORD_CLOSE = "</span>"
# Longer words are compounds ("องค์การบริหารส่วนตำบล"): kept whole they could be wider than a
# phone's line, so the browser may break them where its own dictionary sees a word.
LONGEST_KEPT_WHOLE = 12
THAI = re.compile("[\u0e01-\u0e4e]")
# A Thai word ends in any Thai letter or mark; the next one must start with a letter that can
# begin a word (not ๆ or ฯ, which belong to the word before, nor a vowel or tone mark).
_ENDS_THAI = re.compile("[\u0e01-\u0e4e]$")
_STARTS_THAI = re.compile("^[\u0e01-\u0e2e\u0e40-\u0e44]")
# A tag or a comment; the text between them gets the breaks, except inside these elements.
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_RAW_TEXT = re.compile(r"<(script|style|pre|textarea|title)\b", re.IGNORECASE)
_RAW_TEXT_END = re.compile(r"</(script|style|pre|textarea|title)\s*>", re.IGNORECASE)


def thai_words(text: str) -> list[str]:
    """The text cut into words and the pieces between them; joined, they are the text again."""
    if not THAI.search(text):
        return [text] if text else []
    dictionary_words()  # loads the word list into nlpo3 once per process
    return nlpo3.segment(text, "tambon_words")


@functools.lru_cache(maxsize=20_000)
def _kept_whole(word):
    return len(word) <= LONGEST_KEPT_WHOLE and len(syllables(normalise(word))) > 1


def _joined(pieces, escape_piece):
    out = []
    previous = ""
    for piece in pieces:
        if previous and _ENDS_THAI.search(previous) and _STARTS_THAI.search(piece):
            out.append(WBR)
        if THAI.search(piece) and _kept_whole(piece):
            out.append(f"{WORD_OPEN}{escape_piece(piece)}{WORD_CLOSE}")
        else:
            out.append(escape_piece(piece))
        previous = piece
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def text_with_word_breaks(text: str) -> str:
    """Plain text as safe HTML: escaped, Thai words kept whole, <wbr> between them."""
    return mark_safe(_joined(thai_words(text), escape))  # noqa: S308 (every piece escaped)


def html_with_word_breaks(html: str) -> str:
    """Safe HTML with the same done to its text; tags, attributes and the content of script,
    style, pre, textarea and title stay as they are."""
    out = []
    raw = False
    for part in _TAG.split(str(html)):
        if part.startswith("<"):
            if _RAW_TEXT.match(part):
                raw = True
            elif _RAW_TEXT_END.match(part):
                raw = False
            out.append(part)
        elif raw or not part:
            out.append(part)
        else:
            # Entities (&amp;) are ASCII: no break or span ever lands inside one.
            out.append(_joined(thai_words(part), str))
    return mark_safe("".join(out))  # noqa: S308 (safe HTML in, only <wbr> and spans added)


def with_word_breaks(value) -> str:
    """Safe HTML from plain text (escaped first) or from safe HTML such as rich text."""
    if value is None:
        return ""
    if isinstance(value, SafeData) or hasattr(value, "__html__"):
        return html_with_word_breaks(value.__html__())
    return text_with_word_breaks(str(value))
