"""Build the query set of the search benchmark from the news corpus (bench/search.py reads it).

    .venv/bin/pip install pythainlp==5.4.0   # only to rebuild; the files are in the repository
    .venv/bin/python bench/build_search_queries.py

Writes bench/search_queries.jsonl (the quality set) and bench/search_regression.jsonl (the
regression set), one {"query", "relevant", "kind"} a line. Deterministic (seeded choices).

Relevance is judged from the text alone, independently of any search engine: every article's
title and content are normalised (zero-width characters out, Thai digits as Arabic, lower
case) and segmented into words with PyThaiNLP's newmm and its bundled dictionary. An article is
relevant to a word when the word is one of its words, or a part of one of its compound words:
a compound is split again with the dictionary less the compound itself ("ขยะมูลฝอย" gives
"ขยะ" + "มูลฝอย"), so "ขยะ" is in it but "นา" is not in "นาที". A query of several words (a
phrase) is relevant where those words follow each other; a mixed Thai/English query where the
article has all its words. A typo (one edit away from a word, and found nowhere in the corpus)
has the articles of the word it was made from. Short words and place names were looked at by
hand in a sample of their articles (see docs/performance.md, "Search").
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_corpus import load_articles  # noqa: E402

HERE = Path(__file__).resolve().parent
THAI = re.compile(r"^[\u0e01-\u0e4e]+$")
ENGLISH = re.compile(r"^[A-Za-z][A-Za-z0-9]+$")
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
TO_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
CONSONANTS = "กขคงจฉชซญดตถทธนบปผพฟภมยรลวศษสหอฮ"

SHORT_WORDS = ["ไฟ", "ลม", "ฝน", "รถ", "งู", "ขา", "ปู", "ณ"]
# Dictionary entries that in this corpus are pieces of personal names, not words.
NAME_PIECES = {"ดิษฐ์", "เอม", "ยวง", "ตันติ", "เริง"}

# The regression set: the cases of issue 13 that the corpus has (with their kind).
REGRESSION = [
    ("ขยะ", "compound"),  # inside ขยะมูลฝอย, ขยะติดเชื้อ ...
    ("ไฟ", "short"),  # a 2-character word
    ("น่าน", "place"),
    ("พงษ์", "place"),
    ("ตราด", "place"),
    ("๒๕๖๐", "digits"),  # Thai digits find 2560
    ("ภาษี", "word"),
    ("ประชาคม", "word"),
]


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.translate(ZERO_WIDTH))
    return text.translate(THAI_DIGITS).lower()


class Judge:
    """Which articles have a word, by newmm segmentation of the whole corpus."""

    def __init__(self, articles):
        import geothai
        from pythainlp.corpus import (
            thai_family_names,
            thai_female_names,
            thai_male_names,
            thai_words,
        )
        from pythainlp.tokenize import word_tokenize
        from pythainlp.util import Trie

        self.dictionary = set(thai_words())
        # Segmented with personal and place names too, so that a name stays whole instead of
        # falling apart into syllables that look like short words (วอน|นา|คราย).
        names = set(thai_family_names()) | set(thai_female_names()) | set(thai_male_names())
        names |= {p.name_th for p in geothai.provinces()}
        names |= {d.name_th for p in geothai.provinces() for d in geothai.districts(p.code)}
        self.names = {normalise(n) for n in names if " " not in n}
        trie = Trie(self.dictionary | self.names)
        self.words_of = {}
        self.loose = {}  # article -> short words that stand only between stray syllables
        for article in articles:
            text = normalise(f"{article.title} {article.body}")
            tokens = word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=True)
            tokens = [t.strip() or " " for t in tokens]
            self.words_of[article.id] = [t for t in tokens if t != " "]
            self.loose[article.id] = {
                t
                for i, t in enumerate(tokens)
                if len(t) <= 2
                and THAI.match(t)
                and not (self._clean(tokens, i - 1) and self._clean(tokens, i + 1))
            } - {
                t
                for i, t in enumerate(tokens)
                if len(t) <= 2
                and THAI.match(t)
                and self._clean(tokens, i - 1)
                and self._clean(tokens, i + 1)
            }
        # The parts of each compound or name: segmented again without itself in the dictionary
        # (ขยะมูลฝอย: ขยะ + มูลฝอย; สมพงษ์: สม + พงษ์).
        known = self.known = self.dictionary | self.names
        self.trie = trie
        self.parts = {}
        for token in {t for words in self.words_of.values() for t in words}:
            if len(token) < 4 or not THAI.match(token) or token not in known:
                continue
            trie.remove(token)
            parts = word_tokenize(token, custom_dict=trie, engine="newmm")
            trie.add(token)
            if len(parts) > 1 and all(p in known for p in parts):
                self.parts[token] = parts
        self.token_docs = collections.defaultdict(set)  # Thai token -> articles
        for key, words in self.words_of.items():
            for word in words:
                if THAI.match(word) and len(word) >= 4:
                    self.token_docs[word].add(key)
        self.docs_of = collections.defaultdict(set)  # word -> articles, compounds' parts too
        self.whole_docs_of = collections.defaultdict(set)  # word -> articles, whole words only
        for key, words in self.words_of.items():
            for word in words:
                if word in self.loose[key]:
                    continue
                self.docs_of[word].add(key)
                self.whole_docs_of[word].add(key)
                for part in self.parts.get(word, ()):
                    # 1-2 character parts are too often a syllable of a longer word (นา in
                    # นาที): short words count only where they stand as a word of their own.
                    if len(part) >= 3:
                        self.docs_of[part].add(key)
        self.text = {a.id: normalise(f"{a.title} {a.body}") for a in articles}  # for typo checks

    def _clean(self, tokens, i) -> bool:
        """A neighbour that shows a real word boundary: the text's edge, a space, anything not
        Thai, or a Thai dictionary word of 2+ characters (not a stray syllable of a name)."""
        if i < 0 or i >= len(tokens):
            return True
        token = tokens[i]
        return not THAI.match(token) or (len(token) >= 2 and token in self.dictionary)

    def relevant(self, word: str) -> set[str]:
        """docs_of, and the articles with a compound or name that is `word` between two runs of
        dictionary words (สหราช|อาณาจักร, where splitting the compound again found สห|ราช|อา|...)."""
        docs = set(self.docs_of.get(word, ()))
        if len(word) < 3 or not THAI.match(word):
            return docs
        for token, keys in self.token_docs.items():
            if token != word and word in token and not keys <= docs:
                i = token.index(word)
                if self._words_only(token[:i]) and self._words_only(token[i + len(word) :]):
                    docs |= keys
        return docs

    def _words_only(self, text: str) -> bool:
        from pythainlp.tokenize import word_tokenize

        if not text:
            return True
        return all(p in self.known for p in word_tokenize(text, custom_dict=self.trie))

    def phrase_docs(self, words) -> set[str]:
        n = len(words)
        return {
            key
            for key, ws in self.words_of.items()
            if any(ws[i : i + n] == list(words) for i in range(len(ws) - n + 1))
        }

    def anywhere(self, text: str) -> bool:
        return any(text in body for body in self.text.values())


def pick(rng, candidates, count):
    candidates = sorted(candidates)
    return rng.sample(candidates, min(count, len(candidates)))


def build(judge: Judge) -> list[dict]:
    rng = random.Random(13)
    df = {w: len(d) for w, d in judge.docs_of.items()}
    whole = {w: len(d) for w, d in judge.whole_docs_of.items()}
    queries = []

    def add(query, relevant, kind):
        relevant = sorted(relevant, key=int)
        if relevant and query not in {q["query"] for q in queries}:
            queries.append({"query": query, "relevant": relevant, "kind": kind})

    # Ordinary words, 3 characters or more, in 3 to 30 articles.
    for word in pick(
        rng,
        [
            w
            for w in df
            if THAI.match(w)
            and len(w) >= 3
            and 3 <= df[w] <= 30
            and w in judge.dictionary
            and w not in NAME_PIECES
        ],
        30,
    ):
        add(word, judge.relevant(word), "word")
    # Words found (also) inside compounds: more articles have them in a compound than alone.
    inside = [
        w
        for w in df
        if THAI.match(w)
        and len(w) >= 3
        and 3 <= df[w] <= 60
        and w in judge.dictionary
        and df[w] - whole.get(w, 0) >= 2
        and w not in NAME_PIECES
    ]
    for word in pick(rng, inside, 20):
        add(word, judge.relevant(word), "compound")
    # 1-2 character words: chosen by hand among those whose articles, looked at in a sample of
    # 6 each, were mostly right (นา, ชา, ผา, ยา, นก were mostly syllables of names and were
    # left out); the articles where the word stands as a word of its own are relevant.
    for word in SHORT_WORDS:
        add(word, judge.docs_of[word], "short")
    # Place names: provinces and districts (geothai) that the articles name.
    import geothai

    places = {p.name_th for p in geothai.provinces()}
    for province in geothai.provinces():
        places |= {d.name_th for d in geothai.districts(province.code)}
    places = [normalise(p) for p in places if " " not in p]
    found = [p for p in places if 1 <= df.get(p, 0) <= 40]
    for place in pick(rng, found, 20):
        add(place, judge.relevant(place), "place")
    # Numbers in Thai digits; the articles mostly write Arabic digits (normalised alike).
    numbers = [w for w in df if w.isdigit() and len(w) >= 3 and 1 <= df[w] <= 20]
    for number in pick(rng, numbers, 10):
        add(number.translate(TO_THAI_DIGITS), judge.docs_of[number], "digits")
    # Mixed Thai and English: an English word and a Thai word of one article, together in 1-10.
    mixed = []
    for key in sorted(judge.words_of, key=int):
        words = judge.words_of[key]
        english = sorted(
            {w for w in words if ENGLISH.match(w) and len(w) >= 3 and 2 <= df[w] <= 40}
        )
        thai = sorted(
            {
                w
                for w in words
                if THAI.match(w) and len(w) >= 3 and df[w] <= 200 and w in judge.dictionary
            }
        )
        if english and thai:
            mixed.append((key, english, thai))
    for _key, english, thai in rng.sample(mixed, min(len(mixed), 15)):
        e, t = rng.choice(english), rng.choice(thai)
        docs = judge.docs_of[e] & judge.docs_of[t]
        if 1 <= len(docs) <= 10:
            add(f"{t} {e}" if rng.random() < 0.5 else f"{e} {t}", docs, "mixed")
    # English alone, typed in lower case.
    english = [
        w for w in df if ENGLISH.match(w) and w != w.lower() and 2 <= df[w] <= 20 and len(w) >= 3
    ]
    for word in pick(rng, english, 6):
        add(word.lower(), judge.docs_of[word] | judge.docs_of[word.lower()], "english")
    # Phrases: 2 or 3 words that follow each other, typed unspaced as Thai is; some quoted.
    phrases = collections.Counter()
    for words in judge.words_of.values():
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                seq = tuple(words[i : i + n])
                if all(THAI.match(w) and w in judge.dictionary for w in seq):
                    phrases[seq] += 1
    candidates = [s for s, c in phrases.items() if 2 <= c <= 8 and len("".join(s)) >= 7]
    for number, seq in enumerate(pick(rng, candidates, 15)):
        text = "".join(seq)
        add(f'"{text}"' if number % 3 == 0 else text, judge.phrase_docs(seq), "phrase")
    # Typos one edit away from a word of 5+ characters that is in 2-20 articles.
    typo_words = [
        w
        for w in df
        if THAI.match(w) and len(w) >= 5 and w in judge.dictionary and 2 <= df[w] <= 20
    ]
    made = 0
    for word in pick(rng, typo_words, 60):
        typo = one_edit(rng, word)
        if typo and typo not in judge.dictionary and not judge.anywhere(typo):
            add(typo, judge.relevant(word), "typo")
            made += 1
        if made == 15:
            break
    return queries


def one_edit(rng, word: str) -> str | None:
    """A consonant replaced or left out, or two neighbouring consonants swapped."""
    positions = [i for i, c in enumerate(word) if c in CONSONANTS]
    if not positions:
        return None
    i = rng.choice(positions)
    how = rng.choice(["replace", "delete", "swap"])
    if how == "replace":
        return word[:i] + rng.choice(CONSONANTS.replace(word[i], "")) + word[i + 1 :]
    if how == "delete":
        return word[:i] + word[i + 1 :]
    if i + 1 < len(word) and word[i + 1] in CONSONANTS and word[i + 1] != word[i]:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return None


def write(path: Path, queries: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for query in queries:
            out.write(json.dumps(query, ensure_ascii=False) + "\n")


def main() -> int:
    judge = Judge(load_articles())
    queries = build(judge)
    write(HERE / "search_queries.jsonl", queries)
    regression = []
    for query, kind in REGRESSION:
        docs = judge.relevant(normalise(query))
        regression.append({"query": query, "relevant": sorted(docs, key=int), "kind": kind})
    # and the first mixed query, phrase and typo of the quality set that have 1-5 articles
    for kind in ("mixed", "phrase", "typo"):
        regression.append(next(q for q in queries if q["kind"] == kind and len(q["relevant"]) <= 5))
    write(HERE / "search_regression.jsonl", regression)
    counts = collections.Counter(q["kind"] for q in queries)
    print(f"{len(queries)} queries ({dict(counts)}), {len(regression)} regression queries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
