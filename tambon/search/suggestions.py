""" "Did you mean": the query with a word one edit away from a word in the organization's index.

A typo in unspaced Thai usually splits into other real words ("ประชาคน" is ประชา + คน), so the
chunk typed is looked up whole, then runs of one to three of its words.
"""

from tambon.thai.search_text import segment

from . import fulltext
from .models import SearchWord

THAI_LETTERS = [chr(c) for c in range(0x0E01, 0x0E3B)] + [chr(c) for c in range(0x0E40, 0x0E4D)]
LATIN_LETTERS = list("abcdefghijklmnopqrstuvwxyz0123456789")
MAX_WORD = 30
LOOKUP_BATCH = 2000


def edits(word):
    """Every string one deletion, transposition, replacement or insertion away."""
    letters = THAI_LETTERS if any("\u0e00" <= c <= "\u0e7f" for c in word) else LATIN_LETTERS
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    found = {a + b[1:] for a, b in splits if b}
    found |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    found |= {a + c + b[1:] for a, b in splits if b for c in letters}
    found |= {a + c + b for a, b in splits for c in letters}
    found.discard(word)
    return {w for w in found if len(w) > 1}


def _known(alias, organization_id, words):
    words, known = list(words), set()
    rows = SearchWord.objects.using(alias).for_organization(organization_id)
    for start in range(0, len(words), LOOKUP_BATCH):
        batch = words[start : start + LOOKUP_BATCH]
        known.update(rows.filter(word__in=batch).values_list("word", flat=True))
    return known


def _correct(alias, organization_id, chunk):
    """The chunk with one of its words (or runs of words) corrected, or None."""
    if len(chunk) > MAX_WORD * 3:
        return None
    words = segment(chunk)
    runs = [chunk] + [
        "".join(words[i : i + size])
        for size in (3, 2, 1)
        for i in range(len(words) - size + 1)
        if size < len(words)
    ]
    runs = [r for r in dict.fromkeys(runs) if 1 < len(r) <= MAX_WORD]
    known = _known(alias, organization_id, runs)
    for run in runs:
        if run in known:
            continue
        candidates = sorted(_known(alias, organization_id, edits(run)))
        if candidates:
            best = max(candidates, key=lambda w: _documents(alias, organization_id, w))
            return chunk.replace(run, best, 1)
    return None


def _documents(alias, organization_id, word):
    return fulltext.count(alias, organization_id, [segment(word)])


def suggest(alias, organization_id, parsed, total, kinds=(), fiscal_year=None):
    """A whole corrected query that finds more than `total` documents, or None."""
    corrected, changed = [], False
    for chunk in parsed.chunks:
        better = _correct(alias, organization_id, chunk)
        corrected.append(better or chunk)
        changed = changed or better is not None
    if not changed:
        return None
    suggestion = " ".join(corrected)
    terms = [segment(chunk) for chunk in corrected]
    found = fulltext.count(alias, organization_id, terms, kinds=kinds, fiscal_year=fiscal_year)
    return suggestion if found > total else None
