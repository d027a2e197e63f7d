"""Thai text for search: normalising, word segmentation and syllables.

Thai is written without spaces between words, so the index holds the words a segmenter finds
(nlpo3, newmm maximal matching in Rust, with PyThaiNLP's word list plus every place name of
geothai) and, beside them, the syllables of each word, so that a part of a compound ("ขยะ" in
"ขยะมูลฝอย") or a short word ("ไฟ" in "ไฟฟ้า") is found where it starts and ends on a syllable
boundary, and never inside one syllable ("ตา" is not in "ตาก"). docs/search.md says why.

Nothing here downloads anything: both word lists ship inside the installed packages.
"""

import functools
import importlib.util
import os
import re
import tempfile
import unicodedata

import geothai
import nlpo3

from .digits import to_arabic_digits
from .pdf_text import repair_marks

# Characters that draw nothing: zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen.
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Marks that never start a syllable: a space before one is a PDF extraction artefact.
DEPENDENT = "\u0e30-\u0e3a\u0e45\u0e47-\u0e4e"

_SPACE_BEFORE_MARK = re.compile(f"(?<=[\u0e01-\u0e4e]) +(?=[{DEPENDENT}])")

THAI_RUN = "\u0e01-\u0e3a\u0e40-\u0e4e"
# A Thai run, or a run of letters and digits of any other script ("ita", "o31", "2565").
# A Thai run keeps its full stops: the dictionary knows abbreviations such as "อบต.".
_RUN = re.compile(f"([{THAI_RUN}]+(?:\\.[{THAI_RUN}]+)*\\.?)|([^\\W_\u0e00-\u0e7f]+)")
_NOT_IN_WORD = re.compile("[\u0e2f\u0e46.]")  # ฯ (abbreviation), ๆ (repeat the word), "."
THAI_LETTER = re.compile(f"[{THAI_RUN}]")


def clean(text: str) -> str:
    """Text as it should read: no invisible or control characters, Thai marks in their proper
    order, no stray spaces before vowels (as PDF extraction leaves them), NFC."""
    text = unicodedata.normalize("NFC", str(text))
    text = INVISIBLE.sub("", text)
    text = CONTROL.sub(" ", text)
    text = _SPACE_BEFORE_MARK.sub("", text)
    return repair_marks(text)


def fold(text: str) -> str:
    """Thai digits to Arabic and letters to lower case, one character for one: a position in
    the folded text is the same position in the text (snippets mark the original)."""
    text = to_arabic_digits(text)
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(low := c.lower()) != 1 else low for c in text)


def normalise(text: str) -> str:
    """What the index compares: cleaned, folded and case-folded."""
    return fold(clean(text)).casefold()


def _corpus_file(name):
    # find_spec does not import pythainlp (its import makes a data folder in the home directory).
    package = importlib.util.find_spec("pythainlp")
    return os.path.join(package.submodule_search_locations[0], "corpus", name)


def place_names():
    """Every province, district and subdistrict name (without "เขต"/"อำเภอ"), for the words."""
    names = set()
    for province in geothai.provinces():
        names.add(province.name_th)
        for district in geothai.districts(province.code):
            names.add(district.name_th)
            names.update(subdistrict.name_th for subdistrict in geothai.subdistricts(district.code))
    words = set()
    for name in names:
        for part in re.split(r"[\s()]+", name):
            part = re.sub("^(เขต|อำเภอ|ตำบล|แขวง)", "", part)
            if len(part) > 1 and not re.search(r"[^\u0e01-\u0e4e]", part):
                words.add(normalise(part))
    return words


@functools.cache
def _dictionaries():
    """Load the word and syllable lists into nlpo3 once per process."""
    with open(_corpus_file("words_th.txt"), encoding="utf-8") as file:
        # The list is written as the index compares already (lower case, marks in order).
        words = {line.strip() for line in file if line.strip()}
    words |= place_names()
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as file:
        file.write("\n".join(sorted(words)))
    try:
        nlpo3.load_dict(file.name, "tambon_words")
    finally:
        os.unlink(file.name)
    nlpo3.load_dict(_corpus_file("syllables_th.txt"), "tambon_syllables")
    return frozenset(words)


def dictionary_words() -> frozenset:
    return _dictionaries()


def _words(text, local_words):
    """The words of normalised text: Thai by nlpo3 (one call for the whole text), every other
    script by _RUN, so "o31" stays one word where nlpo3 would give "o" and "31"."""
    if local_words:
        pieces = _local_pattern(local_words).split(text)
        for index, piece in enumerate(pieces):
            if index % 2:
                yield piece  # a local word, kept whole
            elif piece:
                yield from _words(piece, ())
        return
    _dictionaries()
    other = []
    # Not nlpo3's "safe" mode: on long texts it cut words apart ("ถังขยะ" lost its "ขยะ").
    for token in nlpo3.segment(text, "tambon_words"):
        words = _thai_token_words(token)
        if words is None:
            other.append(token)
            continue
        if other:
            yield from _run_words("".join(other))
            other = []
        yield from words
    if other:
        yield from _run_words("".join(other))


@functools.lru_cache(maxsize=100_000)
def _thai_token_words(token):
    """The words of one token nlpo3 gave, or None if it has no Thai letter (most repeat)."""
    return tuple(_run_words(token)) if THAI_LETTER.search(token) else None


def _run_words(text):
    for thai, other in _RUN.findall(text):
        word = _NOT_IN_WORD.sub("", thai) if thai else other
        if word:
            yield word


@functools.lru_cache(maxsize=256)
def _local_pattern(local_words):
    alternatives = sorted(local_words, key=len, reverse=True)
    return re.compile("(" + "|".join(map(re.escape, alternatives)) + ")")


def segment(text: str, local_words: frozenset = frozenset()) -> list[str]:
    """The words of the text, normalised, in order. `local_words` (normalised) are kept whole:
    an organization's own terms and names the dictionary does not know."""
    return list(_words(normalise(text), frozenset(local_words)))


@functools.lru_cache(maxsize=200_000)
def syllables(word: str) -> tuple[str, ...]:
    """The syllables of one normalised Thai word (a word of another script is its own)."""
    if not THAI_LETTER.search(word):
        return (word,)
    _dictionaries()
    return tuple(s for s in nlpo3.segment(word, "tambon_syllables") if s.strip())
