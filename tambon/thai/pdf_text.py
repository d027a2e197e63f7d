"""Thai text read out of a PDF, put back in the order a Thai writer typed it.

A PDF keeps glyphs and where they are drawn, not the characters typed. Reading Thai back out
of one commonly gives:

- sara am (ำ) as its two drawn parts, nikhahit (ํ) and sara aa (า), with the tone mark of
  "น้ำ" before, between or after them;
- a tone mark before the upper or lower vowel it sits on (ท่ี for ที่), or the same mark twice
  (fake-bold text is drawn twice);
- the Windows fonts' private-use glyphs (U+F700-U+F71A), the tone marks and vowels shifted to
  clear a tall consonant, instead of the Thai characters;
- sara ae (แ) typed as two sara e (เเ), as many offices type it;
- a space before each combining mark or following vowel, after a leading vowel, or between
  every glyph ("ป ร ะ ช า ค ม").

`normalise_pdf_text` undoes these. It touches only sequences that are never valid Thai, except
where it joins spaced-out glyphs: a run of at least GLYPH_RUN single Thai characters, or of
GLYPH_RUN one-consonant pieces ("ป ระ ชา"), separated by single spaces. Real Thai puts a space
between phrases, and three one-syllable phrases in a row are rare enough to take the risk (a
list "ก ข ค" is joined). A wider gap stays a word break. Digits are left as they are.
"""

import re

CONSONANT = "\u0e01-\u0e2e"  # ก-ฮ
LEADING_VOWEL = "\u0e40-\u0e44"  # เ แ โ ใ ไ: typed before the consonant they follow in speech
FOLLOWING_VOWEL = "\u0e30\u0e32\u0e33\u0e45"  # ะ า ำ ๅ: never start a word
VOWEL_MARK = "\u0e31\u0e34-\u0e3a\u0e47"  # ั ิ ี ึ ื ุ ู ฺ ็: above or below the consonant
TONE = "\u0e48-\u0e4b"  # ่ ้ ๊ ๋
OTHER_MARK = "\u0e4c-\u0e4e"  # ์ ํ ๎
MARK = VOWEL_MARK + TONE + OTHER_MARK
NIKHAHIT, SARA_AA, SARA_AM, SARA_E, SARA_AE = "\u0e4d", "\u0e32", "\u0e33", "\u0e40", "\u0e41"
SPACE = "[ \t\u00a0]"  # spaces inside a line; a line break is left alone
GLYPH_RUN = 3
_GLYPH = "[\u0e01-\u0e2e\u0e30-\u0e45\u0e47-\u0e4e]"  # a Thai letter, vowel or mark, not ฯ ๆ

# The private-use glyphs of Windows Thai fonts, back to the character each one draws (the table
# Thai shaping engines use: marks shifted down, left, down-left, consonants without their tail).
PRIVATE_USE = str.maketrans(
    {
        "\uf700": "\u0e10",  # ฐ without its tail
        "\uf701": "\u0e34",
        "\uf702": "\u0e35",
        "\uf703": "\u0e36",
        "\uf704": "\u0e37",
        "\uf705": "\u0e48",
        "\uf706": "\u0e49",
        "\uf707": "\u0e4a",
        "\uf708": "\u0e4b",
        "\uf709": "\u0e4c",
        "\uf70a": "\u0e48",
        "\uf70b": "\u0e49",
        "\uf70c": "\u0e4a",
        "\uf70d": "\u0e4b",
        "\uf70e": "\u0e4c",
        "\uf70f": "\u0e0d",  # ญ without its tail
        "\uf710": "\u0e31",
        "\uf711": "\u0e4d",
        "\uf712": "\u0e47",
        "\uf713": "\u0e48",
        "\uf714": "\u0e49",
        "\uf715": "\u0e4a",
        "\uf716": "\u0e4b",
        "\uf717": "\u0e4c",
        "\uf718": "\u0e38",
        "\uf719": "\u0e39",
        "\uf71a": "\u0e3a",
    }
)

_DOUBLE_SARA_E = re.compile(f"{SARA_E}{SARA_E}(?=[{CONSONANT}])")
_SPACED_GLYPHS = re.compile(f"(?<!\\S){_GLYPH}(?: {_GLYPH}){{{GLYPH_RUN - 1},}}(?!\\S)")
_SPACED_MARK = re.compile(f"(?<=[\u0e01-\u0e4e]){SPACE}+([{MARK}]+){SPACE}+(?=[\u0e01-\u0e4e])")
_SPACE_BEFORE_MARK = re.compile(f"(?<=[\u0e01-\u0e4e]){SPACE}+(?=[{MARK}{FOLLOWING_VOWEL}])")
_SPACE_AFTER_LEADING_VOWEL = re.compile(f"(?<=[{LEADING_VOWEL}]){SPACE}+(?=[{CONSONANT}])")
_SPLIT_SARA_AM = re.compile(f"{NIKHAHIT}([{TONE}]?){SARA_AA}|{SARA_AA}([{TONE}]?){NIKHAHIT}")
_TONE_AFTER_SARA_AM = re.compile(f"{SARA_AM}([{TONE}])")
# A run of marks that is out of order (a tone or other mark before a vowel mark) or repeats a
# mark; runs already right are common (ที่, น้ำ) and are not touched, which keeps this fast.
_MARKS = re.compile(f"[{MARK}]*(?:[{TONE}{OTHER_MARK}][{VOWEL_MARK}]|([{MARK}])\\1)[{MARK}]*")
_PIECE = f"[{LEADING_VOWEL}]?[{CONSONANT}][{MARK}]*[{FOLLOWING_VOWEL}]?"
_GLYPH_RUN = re.compile(f"(?<!\\S){_PIECE}(?: {_PIECE}){{{GLYPH_RUN - 1},}}(?!\\S)")


def _without_spaces(match):
    return match.group(0).replace(" ", "")


def _sara_am(match):
    return (match.group(1) or match.group(2) or "") + SARA_AM


_VOWEL_MARKS = frozenset("\u0e31" + "".join(map(chr, range(0x0E34, 0x0E3B))) + "\u0e47")


def _marks_in_order(match):
    """Vowel marks first, then tone marks and the rest, each mark once."""
    marks = dict.fromkeys(match.group(0))  # drops repeats, keeps the order met
    return "".join(sorted(marks, key=lambda mark: mark not in _VOWEL_MARKS))


def repair_marks(text):
    """Thai marks in the order a writer types them: แ for เเ, ำ in one piece after its tone
    mark, a vowel mark before its tone mark, each mark once. Touches only what is never valid
    Thai, so the search index applies it to every text too (search_text.clean)."""
    text = _DOUBLE_SARA_E.sub(SARA_AE, text)
    text = _SPLIT_SARA_AM.sub(_sara_am, text)
    text = _TONE_AFTER_SARA_AM.sub(lambda match: match.group(1) + SARA_AM, text)
    return _MARKS.sub(_marks_in_order, text)


def normalise_pdf_text(text):
    """Thai text from a PDF with its characters in typed order and the stray spaces gone."""
    text = text.translate(PRIVATE_USE)
    text = _DOUBLE_SARA_E.sub(SARA_AE, text)  # first: "เ เ" joined below is then แ too
    text = _SPACED_GLYPHS.sub(_without_spaces, text)
    text = _SPACED_MARK.sub(r"\1", text)
    text = _SPACE_BEFORE_MARK.sub("", text)
    text = _SPACE_AFTER_LEADING_VOWEL.sub("", text)
    text = repair_marks(text)
    text = _GLYPH_RUN.sub(_without_spaces, text)
    return tidy_spaces(text)


_SPACES = re.compile(f"{SPACE}+")
_BLANK_LINES = re.compile(r"\n(?:[ \t]*\n){2,}")


def tidy_spaces(text):
    """One space between words, no space at line ends, at most one blank line in a row."""
    text = _SPACES.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()
