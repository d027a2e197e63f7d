"""The Thai news corpus of the search benchmark (bench/search.py) and of its query builder.

../shared/data/thai-news-dailynews-2017.jsonl.gz: 2,357 lines, 2,355 distinct article ids (two
ids come twice; the first line of each is kept). Standard library only.
"""

from __future__ import annotations

import gzip
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
NEWS = REPO.parent / "shared" / "data" / "thai-news-dailynews-2017.jsonl.gz"

# Markup that crawled pages leave in `content`: scripts and styles with their text, then tags
# of HTML (a known tag name, so "<FOR MY DEAR>" in an article about a fan meeting stays).
_SCRIPT = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(
    r"</?(?:a|b|i|u|p|br|hr|em|strong|span|div|img|iframe|font|table|tr|td|th|ul|ol|li|h[1-6]"
    r"|figure|figcaption|blockquote|section|article|center|small|sup|sub)\b[^>]{0,500}>",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t\r\f\v\xa0]+")
# The publisher's name after the title: " | เดลินิวส์"
_TITLE_SUFFIX = re.compile(r"\s*\|\s*เดลินิวส์\s*$")


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    body: str
    date: str  # ISO date, yyyy-mm-dd


def clean(text: str | None) -> str:
    text = html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", text or "")))
    return _SPACES.sub(" ", text).strip()


def paragraphs(content: str | None) -> list[str]:
    """The paragraphs of a raw `content`: the site separates them by runs of no-break spaces."""
    text = html.unescape(_TAG.sub(" ", _SCRIPT.sub(" ", content or "")))
    parts = re.split(r"(?:[ \t]*\xa0[ \t]*){2,}|\n+", text)
    return [_SPACES.sub(" ", part).strip() for part in parts if part.strip()]


def load_articles(path: Path = NEWS) -> list[Article]:
    articles: dict[str, Article] = {}
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            key = str(row["id"])
            if key in articles:
                continue
            articles[key] = Article(
                id=key,
                title=_TITLE_SUFFIX.sub("", clean(row.get("title"))),
                body=clean(row.get("content")),
                date=(row.get("date") or "")[:10],
            )
    return list(articles.values())


@dataclass(frozen=True)
class Piece:
    """A document of the speed corpus: a stretch of one article's text."""

    id: str
    title: str
    body: str
    date: str


def speed_corpus(articles: list[Article], count: int, min_chars: int = 40) -> list[Piece]:
    """At least `count` documents cut from the articles: each article's paragraphs, each cut at
    spaces into stretches of at least `min_chars` characters, titled with the article's title.
    When one pass gives too few, further passes cut at shifted places (other stretches)."""
    pieces: list[Piece] = []
    shift = 0
    while len(pieces) < count:
        for article in articles:
            words = article.body.split(" ")
            stretch: list[str] = []
            number = 0
            for index, word in enumerate(words):
                stretch.append(word)
                if (index + shift) % 2 == 0 and sum(len(w) + 1 for w in stretch) >= min_chars:
                    pieces.append(
                        Piece(
                            f"{article.id}.{shift}.{number}",
                            article.title,
                            " ".join(stretch),
                            article.date,
                        )
                    )
                    number += 1
                    stretch = []
            if stretch:
                pieces.append(
                    Piece(
                        f"{article.id}.{shift}.{number}",
                        article.title,
                        " ".join(stretch),
                        article.date,
                    )
                )
            if len(pieces) >= count:
                break
        shift += 1
    return pieces[:count]
