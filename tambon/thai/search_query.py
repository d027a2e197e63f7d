"""What a person typed in a search box, as terms the index can take.

Anything typed is accepted: quotes pair into phrases (a lone one is ignored), everything that is
not a letter or a digit separates words (so no full-text operator, wildcard, NUL or bracket
reaches a database), and a very long query is cut to its first MAX_QUERY_CHARS characters.
"""

import re
from dataclasses import dataclass

from .search_text import THAI_LETTER, clean, segment

MAX_QUERY_CHARS = 200
MAX_TERMS = 12
# Words of the query languages of full-text engines, typed as operators, not looked for.
OPERATORS = frozenset({"and", "or", "not", "near"})
_QUOTES = re.compile("[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\uff02]")
_PHRASE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Term:
    """One chunk typed without spaces, or one quoted phrase: its words, normalised, in order.
    An unquoted term may be relaxed into its separate words when it finds nothing as typed."""

    words: tuple[str, ...]
    quoted: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    terms: tuple[Term, ...]
    shortened: bool  # the query was longer than MAX_QUERY_CHARS (or had too many terms)
    chunks: tuple[str, ...]  # the space-separated pieces typed, normalised (for "did you mean")


def parse_query(typed: str, local_words: frozenset = frozenset()) -> ParsedQuery:
    typed = clean(_QUOTES.sub('"', str(typed or "")))
    shortened = len(typed) > MAX_QUERY_CHARS
    typed = typed[:MAX_QUERY_CHARS]
    terms, chunks = [], []
    position = 0
    for match in _PHRASE.finditer(typed):
        _add_words(terms, chunks, typed[position : match.start()], local_words)
        words = tuple(w for w in segment(match.group(1), local_words) if w not in OPERATORS)
        if words:
            terms.append(Term(words, quoted=True))
        position = match.end()
    _add_words(terms, chunks, typed[position:].replace('"', " "), local_words)
    unique = tuple(dict.fromkeys(terms))
    return ParsedQuery(unique[:MAX_TERMS], shortened or len(unique) > MAX_TERMS, tuple(chunks))


def _add_words(terms, chunks, text, local_words):
    for chunk in text.split():
        words = [w for w in segment(chunk, local_words) if w not in OPERATORS]
        if words:
            terms.append(Term(tuple(words)))
            chunks.append("".join(words))


def is_thai(word: str) -> bool:
    return bool(THAI_LETTER.search(word))
