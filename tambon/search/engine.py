"""The site search engine: index the documents of core's SearchSources, search them in Thai.

    index_documents(documents, using="default") -> int        upsert by (organization, key)
    remove_documents(organization_id, keys, using="default")
    replace_organization(organization_id, documents, using="default") -> int   one transaction
    search(organization_id, query, kinds=(), fiscal_year=None, offset=0, limit=10, using=None,
           exact=False) -> Results (total, hits, suggestion, corrected, message)
    index_size_bytes(using="default") -> int

Text is cleaned, segmented into words and syllables (tambon.thai.search_text) when indexed; a
query is parsed the same way (tambon.thai.search_query). docs/search.md tells the design.
"""

import datetime
import itertools
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import connections, router, transaction
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
    corrected: bool = False  # the hits are the suggestion's: the query as typed found nothing
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


def _store(documents, using):
    """Write documents in batches, each replacing the one of its key if there is one."""
    count = 0
    words_by_organization = {}
    stored_words = defaultdict(set)  # already written in an earlier batch
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
        keys_by_organization = defaultdict(set)
        for entry in entries:
            keys_by_organization[entry.organization_id].add(entry.key)
        for organization_id, keys in keys_by_organization.items():
            _delete(organization_id, keys, using)
        # The last one of a key in a batch wins, as it would one after the other.
        unique = {(e.organization_id, e.key): e for e in entries}
        SearchEntry.objects.using(using).bulk_create(unique.values())
        for organization_id, words in new_words.items():
            words = {w for w in words if 1 < len(w) <= 100} - stored_words[organization_id]
            stored_words[organization_id] |= words
            _add_words(organization_id, words, using)
        count += len(unique)
    return count


def _add_words(organization_id, words, using):
    # Plain SQL: tens of thousands of words, a model instance each would cost most of the time.
    table = SearchWord._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (organization_id, word) VALUES (%s, %s)"  # noqa: S608
            " ON CONFLICT DO NOTHING",
            [(organization_id, word) for word in words],
        )


def _delete(organization_id, keys, using):
    keys = list(keys)
    for start in range(0, len(keys), BATCH):
        SearchEntry.objects.using(using).for_organization(organization_id).filter(
            key__in=keys[start : start + BATCH]
        ).delete()


def index_documents(documents, *, using="default"):
    """Add or replace these documents (by organization and key); returns how many."""
    with transaction.atomic(using=using):
        return _store(documents, using)


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
        # A key given twice is kept once, the last, as by index_documents.
        return _store(documents, using)


def _same_organization(document, organization_id):
    if document.organization_id != organization_id:
        raise ValueError(f"{document.key} belongs to organization {document.organization_id}")
    return True


def index_size_bytes(*, using="default"):
    return fulltext.size_bytes(using)


def search(
    organization_id, query, *, kinds=(), fiscal_year=None, offset=0, limit=10, using=None,
    exact=False,
):  # fmt: skip
    """One page of the organization's documents that match the query, best first. When the
    query as typed finds nothing and a correction does, the correction's page is given
    (``corrected``), unless ``exact`` asks for the query exactly as typed."""
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

    total, rows, terms_used, as_typed, any_word = _find(page, parsed)
    suggestion = None
    if as_typed < SUGGEST_BELOW:
        # A typo splits into other words that may be found apart ("ประชาคน": ประชา, คน), so
        # what the chunks typed found together decides.
        suggestion = suggest(alias, organization_id, parsed, as_typed, kinds, fiscal_year)
    if suggestion and as_typed == 0 and not exact:
        # Those pieces found apart ("แงสไฟ": แง, ส, ไฟ) are no answer; the word meant is.
        results = search(
            organization_id, suggestion, kinds=kinds, fiscal_year=fiscal_year,
            offset=offset, limit=limit, using=alias, exact=True,
        )  # fmt: skip
        results.suggestion, results.corrected = suggestion, True
    else:
        if any_word and total:
            messages.append(_("No document has all the words; these have some of them."))
        results = Results(
            total=total, hits=[_hit(row, terms_used) for row in rows], suggestion=suggestion
        )
    results.message = " ".join(messages + [results.message or ""]).strip() or None
    return results


def _find(page, parsed):
    """(total, rows, the terms that found them, how many the terms as typed found): the terms
    as typed; if nothing, each word of an unquoted chunk on its own (a chunk typed without
    spaces need not be one run of the text); if still nothing, documents with any word."""
    terms = [term.words for term in parsed.terms]
    total, rows = page(terms)
    as_typed = total
    if not total:
        relaxed = list(
            dict.fromkeys(
                words
                for term in parsed.terms
                for words in ([term.words] if term.quoted else [(w,) for w in term.words])
            )
        )
        if relaxed != terms:
            terms = relaxed
            total, rows = page(terms)
    if not total and len(terms) > 1:
        any_total, rows = page(terms, any_term=True)
        return any_total, rows, terms, as_typed, True
    return total, rows, terms, as_typed, False


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
