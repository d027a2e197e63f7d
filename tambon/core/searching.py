"""The site search contract: what any app offers to the one search over everything public.

The search app (tambon.search) keeps the index, reads it and shows the results; it knows no
app's models. Each app that owns something public keeps a `search_sources.py` that registers a
SearchSource with @source, loaded when Django starts (CoreConfig.ready), as the ITA evidence
finders are. A source says which of its models change the index, which documents one saved or
deleted row touches, and how to build a document again from its key, so the search app can
index one row in a background task and rebuild everything of an organization.

A source gives only what a visitor of that organization's site may see: published, public,
no personal data. The index holds nothing else, so no query can leak anything else.
"""

import datetime
from dataclasses import dataclass

from django.dispatch import Signal

_sources = {}

# Sent with `document` (a Wagtail document) when its text was read from the file (core's
# document text task); sources whose documents include that text re-index what uses it.
file_text_extracted = Signal()


@dataclass(frozen=True)
class SearchDocument:
    """One result a visitor can be shown: a page, a record, a procurement entry, a form."""

    key: str  # unique in the organization, stable: "<kind>:<primary key>"
    organization_id: int
    kind: str  # the source's kind: the results page filters by it
    title: str
    url: str  # the address on the organization's site, a path ("/news/...")
    body: str = ""  # plain text, already free of markup
    date: datetime.date | None = None  # when it was published; recent ones rank a little higher
    fiscal_year: int | None = None  # Buddhist Era, October to September


class SearchSource:
    """Subclass, set the class attributes, implement documents() and document()."""

    kind = ""  # a short stable name: "news", "record", "procurement", ...
    label = ""  # what the results page calls this kind (gettext_lazy, Thai in the catalogue)
    models = ()  # saving or deleting a row of these changes what this source indexes

    def documents(self, organization):
        """Every public document of the organization (a generator is fine)."""
        raise NotImplementedError

    def keys_for(self, instance):
        """The keys of the documents that a saved or deleted row touches."""
        return [f"{self.kind}:{instance.pk}"]

    def organization_keys_for(self, instance):
        """{organization id: [keys]} for a row that touches documents of other organizations
        than its own, or of rows without one (a Wagtail document); None: keys_for() on the
        row's own organization."""
        return None

    def document(self, organization, key):
        """The document under this key as it is now, or None if it is no longer public."""
        raise NotImplementedError


def source(source_class):
    """Register a SearchSource subclass (one instance per kind)."""
    instance = source_class()
    if not instance.kind:
        raise ValueError(f"{source_class.__name__} has no kind")
    _sources[instance.kind] = instance
    return source_class


def sources():
    """The registered sources, by kind."""
    return dict(_sources)
