"""The text of uploaded documents, read in the background for the site search.

Saving a Wagtail document (an upload, a replaced file, a move to another collection) enqueues
the task `extract_document_text` once the transaction commits. The task reads the file in a
child process (core/document_reading.py), keeps its text in the document's DocumentText row,
of the organization whose collection holds the document, and sends
searching.file_text_extracted so that the search indexes it again. A file read before, by the
same reader, is not read again; a document of the root collection (the platform's, no
organization's) has no text. An unreadable or hostile file leaves an error note on the row and
never fails the task.
"""

import hashlib

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from django.utils import timezone
from wagtail.documents import get_document_model

from .document_reading import Limits, Unreadable, read_text, read_text_apart
from .models import DocumentText, Organization
from .searching import file_text_extracted
from .tasks import retried_task

READER_VERSION = 1  # raise it when the reading improves: saved documents are then read again
LIMITS = Limits()


def text_of(document):
    """The document's text, '' until it was read (or when it could not be)."""
    # Reached through its document, whose organization the caller serves.
    row = DocumentText.objects.all_organizations().filter(document=document).only("text").first()
    return row.text if row else ""


def organization_of(document):
    """The organization whose collection holds the document; None for the root collection."""
    ancestors = document.collection.get_ancestors(inclusive=True)
    return (
        Organization.objects.filter(collection__in=ancestors).order_by("-collection__depth").first()
    )


def document_saved(sender, instance, raw=False, **kwargs):
    if raw:  # loaddata: the rows come with their texts
        return
    document_id = instance.pk
    transaction.on_commit(lambda: extract_document_text.enqueue(document_id))


def connect_signals():
    post_save.connect(document_saved, sender=get_document_model(), dispatch_uid="document-text")


@retried_task(attempts=3, backoff_seconds=60)
def extract_document_text(document_id):
    """Key: the document and its file's hash; a second run finds that file read and stops."""
    extract(document_id)


def extract(document_id):
    """Read the document's file into its DocumentText, unless that file was read already."""
    document = get_document_model().objects.select_related("collection").filter(pk=document_id)
    document = document.first()
    if document is None:
        return  # deleted since it was saved
    rows = DocumentText.objects.all_organizations().filter(document=document)
    organization = organization_of(document)
    if organization is None:
        rows.delete()
        return
    row = rows.first()
    content, file_hash, error = _content(document)
    if row and row.file_hash == file_hash and row.reader_version == READER_VERSION:
        if row.organization_id == organization.pk:
            return  # this file was read
        row.organization = organization
        row.save(update_fields=["organization"])
    else:
        text = ""
        if not error:
            try:
                reading = _reader()(content, document.file.name, LIMITS)
                text, error = reading.text, reading.note
            except Unreadable as unreadable:
                error = str(unreadable)
        rows.update_or_create(
            document=document,
            defaults={
                "organization": organization,
                "file_hash": file_hash,
                "reader_version": READER_VERSION,
                "text": text,
                "extracted_at": timezone.now(),
                "error": error[:200],
            },
        )
    file_text_extracted.send(sender=DocumentText, document=document)


def _reader():
    # The unit tests read in their own process (settings/test.py): a child process per document
    # would cost the demo's thirty documents ten seconds.
    apart = getattr(settings, "TAMBON_READ_DOCUMENTS_APART", True)
    return read_text_apart if apart else read_text


def _content(document):
    """(the file's bytes, their SHA-256, an error note): no bytes when the file is missing or
    over the size limit."""
    try:
        size = document.file.size
        if size > LIMITS.file_bytes:
            return b"", f"size:{size}", f"the file is larger than {LIMITS.file_bytes >> 20} MB"
        with document.file.open("rb") as file:
            content = file.read(LIMITS.file_bytes + 1)
    except (FileNotFoundError, ValueError):  # ValueError: the document has no file
        return b"", "missing", "the file is missing"
    return content, hashlib.sha256(content).hexdigest(), ""
