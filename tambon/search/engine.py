"""The site search engine: index the documents of core's SearchSources, search them in Thai.

    index_documents(documents, using="default") -> int        upsert by (organization, key)
    remove_documents(organization_id, keys, using="default")
    replace_organization(organization_id, documents, using="default") -> int   one transaction
    search(organization_id, query, kinds=(), fiscal_year=None, offset=0, limit=10, using=None)
        -> Results (total, hits, suggestion, message)
    index_size_bytes(using="default") -> int

Text is cleaned, segmented into words and syllables (tambon.thai.search_text) when indexed; a
query is parsed the same way (tambon.thai.search_query). docs/search.md tells the design.
"""

import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import router, transaction
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from tambon.thai.search_query import MAX_QUERY_CHARS, parse_query
from tambon.thai.search_text import clean, segment, syllables

from . import fulltext
from .models import LocalWord, SearchEntry, SearchWord
from .snippets import snippet
from .suggestions import suggest

BATCH = 500
# Text beyond this is not indexed (PostgreSQL refuses a tsvector over 1 MB; a snippet needs less).
MAX_BODY_CHARS = 100_000
MAX_LIMIT = 100
SUGGEST_BELOW = 3  # "did you mean" is looked for when fewer results than this were found


@dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    snippet: SafeString
    date: datetime.date | None
    fiscal_year: int | None
    score: float


@dataclass
class Results:
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    suggestion: str | None = None  # a whole corrected query
    message: str | None = None  # why the query was not searched exactly as typed


def local_words(organization_id, using=None):
    """The organization's own words, normalised (LocalWord.save normalises them)."""
    rows = LocalWord.objects.using(using or router.db_for_read(LocalWord))
    return frozenset(rows.for_organization(organization_id).values_list("word", flat=True))


def _entry(document, words_of_organization):
    title = clean(document.title)
    body = clean(document.body or "")[:MAX_BODY_CHARS]
    title_words = segment(title, words_of_organization)
    body_words = segment(body, words_of_organization)
    entry = SearchEntry(
        organization_id=document.organization_id,
        key=document.key,
        kind=document.kind,
        title=title,
        url=document.url,
        body=body,
        date=document.date,
        fiscal_year=document.fiscal_year,
        title_words=" ".join(title_words),
        body_words=" ".join(body_words),
        title_syllables=" ".join(s for w in title_words for s in syllables(w)),
        body_syllables=" ".join(s for w in body_words for s in syllables(w)),
    )
    return entry, set(title_words) | set(body_words)


def _store(documents, using, replace_keys):
    """Write documents in batches; replace_keys: delete the same keys first (an upsert)."""
    count = 0
    words_by_organization = {}
    iterator = iter(documents)
    while batch := list(itertools.islice(iterator, BATCH)):
        entries, new_words = [], defaultdict(set)
        for document in batch:
            organization_id = document.organization_id
            if organization_id not in words_by_organization:
                words_by_organization[organization_id] = local_words(organization_id, using)
            entry, words = _entry(document, words_by_organization[organization_id])
            entries.append(entry)
            new_words[organization_id] |= words
        if replace_keys:
            keys_by_organization = defaultdict(set)
            for entry in entries:
                keys_by_organization[entry.organization_id].add(entry.key)
            for organization_id, keys in keys_by_organization.items():
                _delete(organization_id, keys, using)
        # The last one of a key in a batch wins, as it would one after the other.
        unique = {(e.organization_id, e.key): e for e in entries}
        SearchEntry.objects.using(using).bulk_create(unique.values())
        for organization_id, words in new_words.items():
            SearchWord.objects.using(using).bulk_create(
                [
                    SearchWord(organization_id=organization_id, word=word)
                    for word in words
                    if 1 < len(word) <= 100
                ],
                ignore_conflicts=True,
                batch_size=1000,
            )
        count += len(unique)
    return count


def _delete(organization_id, keys, using):
    keys = list(keys)
    for start in range(0, len(keys), BATCH):
        SearchEntry.objects.using(using).for_organization(organization_id).filter(
            key__in=keys[start : start + BATCH]
        ).delete()


def index_documents(documents, *, using="default"):
    """Add or replace these documents (by organization and key); returns how many."""
    with transaction.atomic(using=using):
        return _store(documents, using, replace_keys=True)


def remove_documents(organization_id, keys, *, using="default"):
    with transaction.atomic(using=using):
        _delete(organization_id, keys, using)


def replace_organization(organization_id, documents, *, using="default"):
    """Everything of the organization, swapped in one transaction: a search running meanwhile
    sees the old index until the new one is complete."""
    with transaction.atomic(using=using):
        SearchEntry.objects.using(using).for_organization(organization_id).delete()
        SearchWord.objects.using(using).for_organization(organization_id).delete()
        documents = (d for d in documents if _same_organization(d, organization_id))
        return _store(documents, using, replace_keys=False)


def _same_organization(document, organization_id):
    if document.organization_id != organization_id:
        raise ValueError(f"{document.key} belongs to organization {document.organization_id}")
    return True


def index_size_bytes(*, using="default"):
    return fulltext.size_bytes(using)


def search(organization_id, query, *, kinds=(), fiscal_year=None, offset=0, limit=10, using=None):
    """One page of the organization's documents that match the query, best first."""
    alias = using or router.db_for_read(SearchEntry)
    parsed = parse_query(query, local_words(organization_id, alias))
    kinds = tuple(kinds or ())
    offset, limit = max(0, int(offset)), max(1, min(int(limit), MAX_LIMIT))
    if not parsed.terms:
        return Results(message=_("Type the words you are looking for."))
    messages = []
    if parsed.shortened:
        messages.append(
            _("Only the first %(count)d characters of the search were used.")
            % {"count": MAX_QUERY_CHARS}
        )

    def page(terms, any_term=False):
        return fulltext.run(
            alias, organization_id, terms, any_term=any_term,
            kinds=kinds, fiscal_year=fiscal_year, offset=offset, limit=limit,
        )  # fmt: skip

    strict = [term.words for term in parsed.terms]
    total, rows = page(strict)
    terms_used = strict
    if not total:
        # Each word on its own (a chunk typed without spaces need not be one run of text).
        relaxed = [
            words
            for term in parsed.terms
            for words in ([term.words] if term.quoted else [(w,) for w in term.words])
        ]
        if relaxed != strict:
            total, rows = page(relaxed)
            terms_used = relaxed
        if not total and len(relaxed) > 1:
            total, rows = page(relaxed, any_term=True)
            if total:
                messages.append(_("No document has all the words; these have some of them."))
    results = Results(total=total)
    results.hits = [_hit(row, terms_used) for row in rows]
    if total < SUGGEST_BELOW:
        results.suggestion = suggest(alias, organization_id, parsed, total, kinds, fiscal_year)
    results.message = " ".join(messages) or None
    return results


def _hit(row, terms):
    _id, key, kind, title, url, body, date, fiscal_year, score = row
    return Hit(
        key=key,
        kind=kind,
        title=title,
        url=url,
        snippet=snippet(body, terms),
        date=date,
        fiscal_year=fiscal_year,
        score=float(score or 0.0),
    )
