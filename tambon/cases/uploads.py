"""Checking what citizens upload: by content, never by name. In the request only what is
cheap (size, first bytes, an image's header); an image is decoded and encoded again by the
background task (cleaning.py), which drops its metadata (GPS position, camera, owner)."""

import io
import os
import secrets

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from . import conf
from .services.common import CheckedFile

MAX_PIXELS = 40_000_000  # a 40-megapixel photo; more is no phone picture

# What the first bytes say -> (content type, extension, Pillow format or None for PDF)
_JPEG = ("image/jpeg", ".jpg", "JPEG")
_PNG = ("image/png", ".png", "PNG")
_WEBP = ("image/webp", ".webp", "WEBP")
_PDF = ("application/pdf", ".pdf", None)

NOT_ALLOWED = _("“%(name)s” is not a photo (JPEG, PNG, WebP) or a PDF file.")
TOO_BIG = _("“%(name)s” is too big: at most %(limit)s per file.")
BROKEN = _("“%(name)s” could not be read. It may be damaged; try another copy.")


def sniff(head: bytes):
    if head.startswith(b"\xff\xd8\xff"):
        return _JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return _PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return _WEBP
    if head.startswith(b"%PDF-"):
        return _PDF
    return None


def display_name(name) -> str:
    """The citizen's file name, safe to keep and show: no folders, no control characters."""
    name = os.path.basename(str(name or "").replace("\\", "/"))
    name = "".join(ch for ch in name if ch.isprintable())
    return name[:120] or "file"


class UnreadableImage(Exception):
    """The image's pixels could not be decoded: damaged, truncated, or not what it claims."""


def _probe(data: bytes, pillow_format: str, name: str):
    """What the request may afford: the header only (Image.open decodes no pixel), so a small
    file that claims billions of pixels costs nothing. Refused: another format than its first
    bytes said, more than MAX_PIXELS, a header Pillow cannot read."""
    try:
        with Image.open(io.BytesIO(data)) as probe:
            if probe.format != pillow_format:
                raise ValidationError(NOT_ALLOWED, params={"name": name}, code="type")
            if probe.size[0] * probe.size[1] > MAX_PIXELS:
                raise ValidationError(BROKEN, params={"name": name}, code="pixels")
            probe.verify()  # a PNG's chunks and their checksums; no pixel is decoded
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - whatever a hostile header makes a parser raise
        raise ValidationError(BROKEN, params={"name": name}, code="broken") from None


def pillow_format(content_type: str):
    """The Pillow format of an accepted image's content type; None for a PDF."""
    return {kind[0]: kind[2] for kind in (_JPEG, _PNG, _WEBP, _PDF)}.get(content_type)


def reencode(data: bytes, pillow_format: str) -> bytes:
    """The photo encoded again from its pixels alone, upright: its metadata (GPS position,
    camera, owner) is gone. The expensive part, run by the background task (cleaning.py);
    UnreadableImage when the pixels cannot be decoded."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != pillow_format or image.size[0] * image.size[1] > MAX_PIXELS:
                raise UnreadableImage  # checked in the request; the stored bytes are checked again
            image = ImageOps.exif_transpose(image)  # keep the photo upright without the tag
            if image.mode not in ("RGB", "RGBA", "L"):
                image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
            if pillow_format == "JPEG" and image.mode == "RGBA":
                image = image.convert("RGB")
            # A new image from the pixels alone: nothing of the original's metadata comes along.
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
    except UnreadableImage:
        raise
    except Exception as error:  # noqa: BLE001 - whatever a hostile file makes a decoder raise
        raise UnreadableImage(type(error).__name__) from None
    out = io.BytesIO()
    options = {"quality": 85} if pillow_format in ("JPEG", "WEBP") else {}
    clean.save(out, format=pillow_format, **options)
    return out.getvalue()


def check_upload(uploaded) -> CheckedFile:
    """An uploaded file -> CheckedFile, or ValidationError with a message in Thai. Cheap: size,
    first bytes, an image's header; an image is decoded and cleaned later, by the background
    task (its attachment is PENDING until then)."""
    name = display_name(getattr(uploaded, "name", ""))
    limit = conf.max_upload_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            TOO_BIG, params={"name": name, "limit": filesizeformat(limit)}, code="size"
        )
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise ValidationError(
            TOO_BIG, params={"name": name, "limit": filesizeformat(limit)}, code="size"
        )
    kind = sniff(data[:16])
    if kind is None:
        raise ValidationError(NOT_ALLOWED, params={"name": name}, code="type")
    content_type, extension, pillow_format = kind
    if pillow_format is not None:
        _probe(data, pillow_format, name)
    elif b"%%EOF" not in data[-2048:]:
        raise ValidationError(BROKEN, params={"name": name}, code="broken")
    stem = os.path.splitext(name)[0] or "file"
    return CheckedFile(name=f"{stem}{extension}", content=data, content_type=content_type)


def new_token() -> str:
    return secrets.token_urlsafe(16)
