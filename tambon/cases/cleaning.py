"""Cleaning a citizen's photo after the request (the task clean_attachment): its pixels decoded and
encoded again (uploads.reencode), so that nothing of its metadata (GPS position, camera, owner)
is kept, then READY to download. A photo that cannot be decoded is REJECTED: its bytes are
deleted and the case's staff read why in its timeline.

Safe to run twice: only a PENDING attachment is touched, and the row is locked while its state
changes. The cleaned photo is stored under a name of its own (`cleaned_name`) before the row
points to it, and the original is deleted after: a run stopped half-way leaves the attachment
PENDING with its original (the retry cleans it again), never the original READY. A backup taken
between the two steps is restored with the row PENDING, the original gone and the cleaned copy
there: the task then points the row to that copy.
"""

import logging
import os

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from tambon.core.tasks import SOMEONE_WAITS, retried_task

from . import actions, uploads
from .models import Attachment, AttachmentState, EventKind
from .services.common import record

logger = logging.getLogger(__name__)


@retried_task(attempts=5, backoff_seconds=60, priority=SOMEONE_WAITS)
def clean_attachment(attachment_id):
    """Decode a citizen's photo and encode it again without its metadata, or reject it. Safe
    twice: only a PENDING attachment is touched, under a row lock."""
    return clean(attachment_id)


def clean_later(attachments):
    """Enqueue the cleaning of the PENDING ones (clean_attachment). Called inside the
    caller's transaction, after its event: with the database task backend the task's row is
    committed with the attachment's, or rolled back with it, so no photo stays PENDING for
    want of a task, and no task looks for a photo that was never committed."""
    for attachment in attachments:
        if attachment.is_pending:
            clean_attachment.enqueue(attachment.pk)


def clean(attachment_id):
    """Clean the attachment if it is PENDING; what was done, for the task's result."""
    # An operator job: the id says which organization.
    found = Attachment.objects.all_organizations().filter(pk=attachment_id).first()
    if found is None or not found.is_pending:
        return "nothing to do"  # deleted meanwhile, or cleaned by an earlier run
    try:
        with found.file.open("rb") as handle:
            original = handle.read()
    except FileNotFoundError:
        original = None
        if found.file.storage.exists(cleaned_name(found.file.name)):
            # Cleaned, and the original deleted, after a backup's database snapshot and before
            # its copy of the files: the restored row is PENDING, its cleaned copy is there.
            return "cleaned" if _point_to_cleaned(found) else "nothing to do"
    pillow_format = uploads.pillow_format(found.content_type)
    try:
        if original is None or pillow_format is None:
            raise uploads.UnreadableImage("no image to read")
        cleaned = uploads.reencode(original, pillow_format)
    except uploads.UnreadableImage as error:
        logger.info("Attachment %s rejected: %s", found.pk, error)
        return "rejected" if _reject(found) else "nothing to do"
    return "cleaned" if _replace(found, cleaned) else "nothing to do"


def enqueue_waiting(older_than):
    """Enqueue the cleaning of every photo still PENDING since before `older_than` (a datetime):
    its task failed every attempt (a full disk, say) or was lost. How many were enqueued."""
    # An operator job over every organization; ids only go to the queue.
    waiting = Attachment.objects.all_organizations().filter(
        state=AttachmentState.PENDING, created__lt=older_than
    )
    ids = list(waiting.values_list("pk", flat=True))
    for attachment_id in ids:
        clean_attachment.enqueue(attachment_id)
    return len(ids)


def _locked_if_pending(found):
    return (
        Attachment.objects.for_organization(found.organization_id)
        .select_for_update()
        .filter(pk=found.pk, state=AttachmentState.PENDING)
        .select_related("case")
        .first()
    )


def cleaned_name(original_name):
    """Where the cleaned copy of the file at `original_name` is stored: beside it, under a name
    of its own (a file a row names is never rewritten in place: backup.py counts on it)."""
    stem, extension = os.path.splitext(original_name)
    return f"{stem}-clean{extension}"


def _replace(found, cleaned):
    storage = found.file.storage
    # Taken, the storage adds a suffix: two runs at once never write to one file.
    new_name = storage.save(cleaned_name(found.file.name), ContentFile(cleaned))
    current = _point_to_cleaned(found, new_name, len(cleaned))
    if current is None:  # deleted, or cleaned by another run, while this one worked
        storage.delete(new_name)
        return False
    try:
        storage.delete(found.file.name)
    except OSError as error:  # the row no longer names it; an operator must remove it
        logger.error("Original of attachment %s not deleted (%s)", found.pk, error.strerror)
    return True


def _point_to_cleaned(found, new_name=None, size=None):
    """The row READY with the cleaned copy, if it is still PENDING; the row, or None."""
    storage = found.file.storage
    new_name = new_name or cleaned_name(found.file.name)
    with transaction.atomic():
        current = _locked_if_pending(found)
        if current is not None:
            current.file.name = new_name
            current.size = size if size is not None else storage.size(new_name)
            current.state = AttachmentState.READY
            current.save(update_fields=["file", "size", "state"])
    return current


def _reject(found):
    """REJECTED, the bytes deleted, and the staff told in the case's timeline (in Thai)."""
    with transaction.atomic():
        current = _locked_if_pending(found)
        if current is None:
            return False
        # Deleted first: should the rest fail, the retry finds no bytes and rejects again.
        if current.file.name:
            current.file.storage.delete(current.file.name)
        current.file.name = ""
        current.size = 0
        current.state = AttachmentState.REJECTED
        current.save(update_fields=["file", "size", "state"])
        with translation.override(settings.LANGUAGE_CODE):
            text = _(
                "The file “%(name)s” the citizen sent could not be read (it may be damaged) and "
                "was deleted. Ask the citizen for another copy if it is needed."
            ) % {"name": current.original_name}
        record(current.case, EventKind.INTERNAL_NOTE, None, actions.FILE_REJECTED, text=text)
    return True
