"""The site search index: one row per public document, its words and syllables beside it.

The full-text index over the four *_words/*_syllables columns is made by migration 0002 for
the database in use: an FTS5 table kept by triggers on SQLite, a generated tsvector column with
a GIN index on PostgreSQL (docs/search.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import OrganizationOwned
from tambon.thai.search_text import normalise


class SearchEntry(OrganizationOwned):
    """One document a visitor of the organization's site may find (a core SearchDocument)."""

    key = models.CharField(max_length=200)
    kind = models.CharField(max_length=40)
    title = models.TextField()
    url = models.CharField(max_length=1000)
    body = models.TextField(blank=True)
    date = models.DateField(null=True, blank=True)
    fiscal_year = models.PositiveIntegerField(null=True, blank=True)
    # Normalised words (segmented, space-separated) and the syllables of those words.
    title_words = models.TextField(blank=True)
    body_words = models.TextField(blank=True)
    title_syllables = models.TextField(blank=True)
    body_syllables = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "key"], name="search_entry_unique_key")
        ]
        indexes = [models.Index(fields=["organization", "kind"], name="search_entry_kind")]

    def __str__(self):
        return self.title


class SearchWord(OrganizationOwned):
    """A word found in the organization's index: what "did you mean" may offer. Added as
    documents are indexed, emptied when the organization's index is rebuilt."""

    word = models.CharField(max_length=100)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organization", "word"], name="search_word_unique")
        ]


class LocalWord(OrganizationOwned):
    """A word of the organization the dictionary does not know (a village, a project, a local
    term), kept whole when its text is indexed and when it is searched for."""

    word = models.CharField(
        _("word"),
        max_length=100,
        help_text=_(
            "Written as it appears in the text, without spaces. Documents indexed after "
            "this is saved are split with it; rebuild the index for older ones."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["word"]
        verbose_name = _("search word")
        verbose_name_plural = _("search words")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "word"], name="search_local_word_unique"
            )
        ]

    def __str__(self):
        return self.word

    def save(self, *args, **kwargs):
        self.word = "".join(normalise(self.word).split())
        super().save(*args, **kwargs)
