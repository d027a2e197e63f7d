"""What the site search indexes of a page: a SearchSource base for Wagtail pages.

Pages are not organization-owned rows: a page belongs to the organization whose site tree it
is in. Only live pages without a view restriction (on them or an ancestor) are public. The text
is collected generically, so a new page type is searchable without code: every text field of
the page's own model (titles, summaries, rich text, StreamField blocks' searchable content) and
whatever its Wagtail search_fields name.
"""

from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from tambon.thai.dates import to_bangkok_date
from tambon.thai.fiscal import fiscal_year

from .searching import SearchDocument, SearchSource

# Of the fields of Wagtail's own Page (paths, slugs, locks ...), these are read by a visitor.
_PAGE_TEXT = ("search_description",)


def organization_of_site(site):
    from .models import Organization  # models builds on this package's modules

    return Organization.objects.filter(site=site).first()


def _ancestor_paths(page):
    """The tree paths of the page and of each of its ancestors: in Wagtail's tree a node's path
    begins with its parent's, one step (Page.steplen characters) per level. From the path
    alone, so a deleted page still works."""
    path = getattr(page, "path", "") or ""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def organization_ids_of_page(page):
    """The organizations whose site tree holds the page: those rooted at the page or an
    ancestor. One indexed query however many sites the deployment has (every page save asks)."""
    from .models import Organization

    return list(
        Organization.objects.filter(site__root_page__path__in=_ancestor_paths(page)).values_list(
            "pk", flat=True
        )
    )


def public_pages(organization):
    """Live, public pages of the organization's site tree (none if it has no site)."""
    site = getattr(organization, "site", None)
    if site is None:
        return Page.objects.none()
    return Page.objects.live().public().descendant_of(site.root_page, inclusive=True)


def _text_values(value):
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _text_values(item)]
    return [str(value)]


def _field_text(page, field):
    value = field.value_from_object(page)
    if isinstance(field, StreamField):
        return _text_values(field.get_searchable_content(value))
    if isinstance(field, RichTextField):
        return [get_text_for_indexing(value or "")]
    return _text_values(value)


def _is_text_field(field):
    if field.model is Page and field.name not in _PAGE_TEXT:
        return False
    if getattr(field, "choices", None):
        return False
    if isinstance(field, (models.URLField, models.SlugField, models.EmailField)):
        return False
    return isinstance(field, (models.CharField, models.TextField, StreamField))


def page_text(page):
    """Plain text of a (specific) page, without its title: each piece once."""
    pieces = []
    for field in page._meta.concrete_fields:
        if field.name != "title" and _is_text_field(field):
            pieces += _field_text(page, field)
    for search_field in getattr(page, "search_fields", []):
        if isinstance(search_field, index.SearchField) and search_field.field_name != "title":
            value = search_field.get_value(page)
            if isinstance(value, str) and "<" in value:
                value = get_text_for_indexing(value)
            pieces += _text_values(value)
    seen, text = set(), []
    for piece in pieces:
        piece = " ".join(piece.split())
        if piece and piece not in seen:
            seen.add(piece)
            text.append(piece)
    return "\n".join(text)


class PageSearchSource(SearchSource):
    """Pages of `models` (Page subclasses): subclass with kind, label and models."""

    def page_date(self, page):
        published = page.first_published_at or page.last_published_at
        return to_bangkok_date(published) if published else None

    def text_of_page(self, page):
        return page_text(page)

    def pages(self, organization):
        pages = public_pages(organization)
        return pages.type(*[m for m in self.models if issubclass(m, Page)])

    def page_document(self, organization, page):
        url = page.get_url(current_site=organization.site)
        if not url:
            return None  # not reachable on the organization's site
        date = self.page_date(page)
        return SearchDocument(
            key=f"{self.kind}:{page.pk}",
            organization_id=organization.pk,
            kind=self.kind,
            title=page.title,
            url=url,
            body=self.text_of_page(page),
            date=date,
            fiscal_year=fiscal_year(date) if date else None,
        )

    def documents(self, organization):
        for page in self.pages(organization).specific().iterator():
            document = self.page_document(organization, page)
            if document is not None:
                yield document

    def keys_for(self, instance):
        if isinstance(instance, PageViewRestriction):
            # A restriction hides (or, removed, shows) the page and everything under it.
            pages = Page.objects.descendant_of(instance.page, inclusive=True)
            pages = pages.type(*[m for m in self.models if issubclass(m, Page)])
            return [f"{self.kind}:{pk}" for pk in pages.values_list("pk", flat=True)]
        if isinstance(instance, Page):
            return [f"{self.kind}:{instance.pk}"]
        return []

    def document(self, organization, key):
        pk = key.split(":", 1)[1]
        page = self.pages(organization).filter(pk=pk).first()
        model = page.specific_class if page else None
        # The specific row by its own model: while a page is deleted, the row of its type may
        # already be gone when the generic one is not.
        page = model.objects.filter(pk=pk).first() if model else None
        if page is None:
            return None
        return self.page_document(organization, page)
