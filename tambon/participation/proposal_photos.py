"""Residents' photos of a proposal: checked by content in the request (tambon.core.uploads),
stored as sent, then encoded again by a background task without their metadata (GPS
position, camera). A photo that cannot be decoded is deleted. The site shows a photo only
once it is cleaned and its proposal published (ProposalPhoto.objects.shown)."""

import logging
import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tambon.core import uploads
from tambon.core.tasks import SOMEONE_WAITS, retried_task

from .models import MAX_PHOTOS, ProposalPhoto

logger = logging.getLogger(__name__)


def max_photo_bytes():
    return getattr(settings, "TAMBON_PARTICIPATION_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


class MultiplePhotoInput(forms.FileInput):
    allow_multiple_selected = True


class PhotosField(forms.Field):
    """Up to MAX_PHOTOS photos, each checked by content: a list of (bytes, content type,
    extension)."""

    widget = MultiplePhotoInput

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget.attrs.update({"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, value):
        files = [f for f in (value or []) if f and getattr(f, "size", 0)]
        if len(files) > MAX_PHOTOS:
            raise ValidationError(
                _("Send at most %(count)d photos."), params={"count": MAX_PHOTOS}, code="many"
            )
        checked, errors = [], []
        for uploaded in files:
            try:
                checked.append(uploads.check_photo(uploaded, max_photo_bytes()))
            except ValidationError as error:
                errors.extend(error.error_list)
        if errors:
            raise ValidationError(errors)
        return checked


def photos_help_text():
    return _(
        "Up to %(count)d photos (JPEG, PNG or WebP), at most %(limit)s each. Their location "
        "and camera details are removed before they are shown. If the form shows an error, "
        "choose the photos again."
    ) % {"count": MAX_PHOTOS, "limit": filesizeformat(max_photo_bytes())}


def save_photos(proposal, checked):
    """Store the checked photos of a new proposal and have each cleaned."""
    photos = ProposalPhoto.objects.for_organization(proposal.organization)
    for data, content_type, extension in checked:
        photo = photos.create(
            proposal=proposal,
            file=ContentFile(data, name=f"photo{extension}"),
            content_type=content_type,
        )
        clean_proposal_photo.enqueue(photo.pk)


@retried_task(attempts=5, backoff_seconds=60, priority=SOMEONE_WAITS)
def clean_proposal_photo(photo_id):
    """Encode the photo again without its metadata, or delete it. Safe twice."""
    return clean(photo_id)


def clean(photo_id):
    # A background job: the id says which organization.
    found = ProposalPhoto.objects.all_organizations().filter(pk=photo_id).first()
    if found is None or found.cleaned:
        return "nothing to do"
    storage = found.file.storage
    try:
        with found.file.open("rb") as handle:
            original = handle.read()
        cleaned = uploads.reencode(original, uploads.pillow_format(found.content_type))
    except (FileNotFoundError, uploads.UnreadableImage) as error:
        logger.info("Photo %s of a proposal deleted: %s", found.pk, type(error).__name__)
        if found.file.name:
            storage.delete(found.file.name)
        found.delete()
        return "deleted"
    stem, extension = os.path.splitext(found.file.name)
    new_name = storage.save(f"{stem}-clean{extension}", ContentFile(cleaned))
    with transaction.atomic():
        rows = ProposalPhoto.objects.for_organization(found.organization_id)
        current = rows.select_for_update().filter(pk=found.pk, cleaned=False).first()
        if current is not None:
            current.file.name, current.cleaned = new_name, True
            current.save(update_fields=["file", "cleaned"])
    if current is None:  # deleted, or cleaned by another run, meanwhile
        storage.delete(new_name)
        return "nothing to do"
    storage.delete(found.file.name)
    return "cleaned"


def enqueue_waiting(older_than):
    """Enqueue the cleaning of every photo not cleaned since before `older_than`; how many."""
    # An operator job over every organization; ids only go to the queue.
    waiting = ProposalPhoto.objects.all_organizations().filter(
        cleaned=False, created__lt=older_than
    )
    ids = list(waiting.values_list("pk", flat=True))
    for photo_id in ids:
        clean_proposal_photo.enqueue(photo_id)
    return len(ids)
