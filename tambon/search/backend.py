"""Wagtail's database search backend, given only words it can take.

The backend puts the words into SQLite's full-text syntax without escaping a double quote
(`"` alone gave a 500), and PostgreSQL refuses a NUL character in any text. Both reached it
from the public search and from the admin's image, document and page searches. So every
query has its control characters and double quotes turned into spaces first: neither is
part of a word a person looks for.
"""

import functools
import re

from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.query import Phrase, PlainText

UNSEARCHABLE = re.compile(r'[\x00-\x1f\x7f"]+')


def searchable(text):
    return " ".join(UNSEARCHABLE.sub(" ", text).split())


def searchable_query(query):
    if isinstance(query, str):
        return searchable(query)
    if isinstance(query, PlainText):
        return PlainText(searchable(query.query_string), query.operator, query.boost)
    if isinstance(query, Phrase):
        return Phrase(searchable(query.query_string))
    return query  # combined queries are built by code, not typed


class SearchableQueries:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(
            query_compiler_class, searchable_query(query), model_or_queryset, **kwargs
        )


@functools.cache
def _with_searchable_queries(backend_class):
    return type(backend_class.__name__, (SearchableQueries, backend_class), {})


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks for in a backend module
    """The backend Wagtail picks for the database in use (SQLite or PostgreSQL), cleaning."""
    backend_class = type(database_backend(params))
    return _with_searchable_queries(backend_class)(params)
