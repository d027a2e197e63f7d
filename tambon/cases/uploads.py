"""Checking what citizens upload: by content, never by name. In the request only what is
cheap (size, first bytes, an image's header: tambon.core.uploads); an image is decoded and
encoded again by the background task (cleaning.py), which drops its metadata (GPS position,
camera, owner)."""

import os
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tambon.core.uploads import (  # noqa: F401 - the cases app's names for them
    BROKEN,
    MAX_PIXELS,
    TOO_BIG,
    UnreadableImage,
    display_name,
    pillow_format,
    probe,
    read_limited,
    reencode,
    sniff,
)

from . import conf
from .services.common import CheckedFile

NOT_ALLOWED = _("“%(name)s” is not a photo (JPEG, PNG, WebP) or a PDF file.")


def check_upload(uploaded) -> CheckedFile:
    """An uploaded file -> CheckedFile, or ValidationError with a message in Thai. Cheap: size,
    first bytes, an image's header; an image is decoded and cleaned later, by the background
    task (its attachment is PENDING until then)."""
    name = display_name(getattr(uploaded, "name", ""))
    data = read_limited(uploaded, conf.max_upload_bytes(), name)
    kind = sniff(data[:16])
    if kind is None:
        raise ValidationError(NOT_ALLOWED, params={"name": name}, code="type")
    content_type, extension, image_format = kind
    if image_format is not None:
        probe(data, image_format, name, not_allowed=NOT_ALLOWED)
    elif b"%%EOF" not in data[-2048:]:
        raise ValidationError(BROKEN, params={"name": name}, code="broken")
    stem = os.path.splitext(name)[0] or "file"
    return CheckedFile(name=f"{stem}{extension}", content=data, content_type=content_type)


def new_token() -> str:
    return secrets.token_urlsafe(16)
