"""Keeping the index current: each change of a source's rows re-indexes what it touches.

A save or a delete of any source's model (and Wagtail's publish and unpublish) computes, at
once, which documents of which organization it touches: after a delete the row is gone. A task
then builds those documents again from the database with source.document() and stores them,
or removes those that are no longer public. So the task is safe to run twice, and a burst of
saves costs one small task each.

`rebuild(organization)` builds everything of an organization and swaps it in at once
(engine.replace_organization), for `manage.py rebuild_search_index` and new organizations.
While a new organization is built (`one_rebuild_afterwards`), its hundreds of saves enqueue
nothing: one rebuild of the whole organization follows.
"""

import contextlib
import contextvars
import logging

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from tambon.core.page_search import organization_ids_of_page
from tambon.core.searching import file_text_extracted, sources
from tambon.core.tasks import retried_task

logger = logging.getLogger(__name__)

_rebuild_follows = contextvars.ContextVar("rebuild_follows", default=False)


@contextlib.contextmanager
def one_rebuild_afterwards():
    """Within: saves and a new organization enqueue no indexing of their own; the caller
    enqueues rebuild_organization once at the end."""
    token = _rebuild_follows.set(True)
    try:
        yield
    finally:
        _rebuild_follows.reset(token)


def kind_of_key(key):
    return key.split(":", 1)[0]


def _sources_for(instance):
    return [s for s in sources().values() if s.models and isinstance(instance, tuple(s.models))]


def organization_keys(instance):
    """{organization id: [keys]} of the documents a saved or deleted row touches."""
    found = {}
    for a_source in _sources_for(instance):
        by_organization = a_source.organization_keys_for(instance)
        if by_organization is None:
            keys = a_source.keys_for(instance)
            if not keys:
                continue
            by_organization = dict.fromkeys(_organization_ids(instance), keys)
        for organization_id, keys in by_organization.items():
            found.setdefault(organization_id, []).extend(keys)
    return {org: sorted(set(keys)) for org, keys in found.items() if keys}


def _organization_ids(instance):
    if getattr(instance, "organization_id", None):
        return [instance.organization_id]
    page = instance if isinstance(instance, Page) else getattr(instance, "page", None)
    if isinstance(page, Page):
        return organization_ids_of_page(page)
    return []


def enqueue_reindex(instance):
    if _rebuild_follows.get():
        return
    for organization_id, keys in organization_keys(instance).items():
        reindex_keys.enqueue(organization_id, keys)


@retried_task()
def reindex_keys(organization_id, keys):
    """Store the documents under `keys` as they are now; remove those no longer public."""
    from tambon.core.models import Organization

    from . import engine

    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is None:
        return  # the organization was deleted, and its index rows with it
    registered = sources()
    documents, gone = [], []
    for key in keys:
        a_source = registered.get(kind_of_key(key))
        document = a_source.document(organization, key) if a_source else None
        if document is None:
            gone.append(key)
        else:
            documents.append(document)
    if documents:
        engine.index_documents(documents)
    if gone:
        engine.remove_documents(organization_id, gone)


def all_documents(organization):
    for a_source in sources().values():
        yield from a_source.documents(organization)


def rebuild(organization, progress=None):
    """Index everything public of the organization, swapped in at once; returns the count.
    `progress(count)` is called as documents are built."""
    from . import engine

    def counted(documents):
        for count, document in enumerate(documents, start=1):
            if progress:
                progress(count)
            yield document

    return engine.replace_organization(organization.pk, counted(all_documents(organization)))


@retried_task()
def rebuild_organization(organization_id):
    from tambon.core.models import Organization

    organization = Organization.objects.filter(pk=organization_id).first()
    if organization is not None:
        rebuild(organization)


def _changed(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return  # loading a fixture: rebuild_search_index indexes it afterwards
    enqueue_reindex(instance)


def _page_changed(sender, instance, **kwargs):
    enqueue_reindex(instance)


def _organization_saved(sender, instance, created, **kwargs):
    # Its home page was saved before it existed: index the whole organization once.
    if created and not kwargs.get("raw") and not _rebuild_follows.get():
        rebuild_organization.enqueue(instance.pk)


def _file_text_extracted(sender, document, **kwargs):
    enqueue_reindex(document)


def connect():
    # Every model: a source says which of its models (and their subclasses) matter; one
    # isinstance check per save is all the others cost.
    post_save.connect(_changed, dispatch_uid="tambon.search.saved")
    post_delete.connect(_changed, dispatch_uid="tambon.search.deleted")
    page_published.connect(_page_changed, dispatch_uid="tambon.search.published")
    page_unpublished.connect(_page_changed, dispatch_uid="tambon.search.unpublished")
    post_save.connect(
        _organization_saved, sender="core.Organization", dispatch_uid="tambon.search.new_org"
    )
    file_text_extracted.connect(_file_text_extracted, dispatch_uid="tambon.search.file_text")
