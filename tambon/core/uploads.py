"""Checking what people upload, by content, never by name; shared by the apps that take
files from the public. In the request only what is cheap (size, first bytes, an image's
header); decoding and encoding again (reencode), which drops the metadata (GPS position,
camera, owner), is for a background task."""

import io
import os

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_PIXELS = 40_000_000  # a 40-megapixel photo; more is no phone picture

# What the first bytes say -> (content type, extension, Pillow format or None for PDF)
JPEG = ("image/jpeg", ".jpg", "JPEG")
PNG = ("image/png", ".png", "PNG")
WEBP = ("image/webp", ".webp", "WEBP")
PDF = ("application/pdf", ".pdf", None)

NOT_A_PHOTO = _("“%(name)s” is not a photo (JPEG, PNG or WebP).")
TOO_BIG = _("“%(name)s” is too big: at most %(limit)s per file.")
BROKEN = _("“%(name)s” could not be read. It may be damaged; try another copy.")


def sniff(head: bytes):
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"%PDF-"):
        return PDF
    return None


def display_name(name) -> str:
    """The uploader's file name, safe to keep and show: no folders, no control characters."""
    name = os.path.basename(str(name or "").replace("\\", "/"))
    name = "".join(ch for ch in name if ch.isprintable())
    return name[:120] or "file"


class UnreadableImage(Exception):
    """The image's pixels could not be decoded: damaged, truncated, or not what it claims."""


def probe(data: bytes, pillow_format: str, name: str, not_allowed=NOT_A_PHOTO):
    """What the request may afford: the header only (Image.open decodes no pixel), so a small
    file that claims billions of pixels costs nothing. Refused: another format than its first
    bytes said, more than MAX_PIXELS, a header Pillow cannot read."""
    try:
        with Image.open(io.BytesIO(data)) as image:
            if image.format != pillow_format:
                raise ValidationError(not_allowed, params={"name": name}, code="type")
            if image.size[0] * image.size[1] > MAX_PIXELS:
                raise ValidationError(BROKEN, params={"name": name}, code="pixels")
            image.verify()  # a PNG's chunks and their checksums; no pixel is decoded
    except ValidationError:
        raise
    except Exception:  # noqa: BLE001 - whatever a hostile header makes a parser raise
        raise ValidationError(BROKEN, params={"name": name}, code="broken") from None


def pillow_format(content_type: str):
    """The Pillow format of an accepted image's content type; None for a PDF."""
    return {kind[0]: kind[2] for kind in (JPEG, PNG, WEBP, PDF)}.get(content_type)


def read_limited(uploaded, limit, name):
    """The upload's bytes, or ValidationError when it is over `limit` bytes."""
    too_big = ValidationError(
        TOO_BIG, params={"name": name, "limit": filesizeformat(limit)}, code="size"
    )
    if uploaded.size > limit:
        raise too_big
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    if len(data) > limit:
        raise too_big
    return data


def check_photo(uploaded, limit):
    """A photo (JPEG, PNG, WebP) checked cheaply: (bytes, content type, extension), or
    ValidationError with a message in Thai."""
    name = display_name(getattr(uploaded, "name", ""))
    data = read_limited(uploaded, limit, name)
    kind = sniff(data[:16])
    if kind is None or kind[2] is None:
        raise ValidationError(NOT_A_PHOTO, params={"name": name}, code="type")
    content_type, extension, image_format = kind
    probe(data, image_format, name)
    return data, content_type, extension


def reencode(data: bytes, pillow_format: str) -> bytes:
    """The photo encoded again from its pixels alone, upright: its metadata (GPS position,
    camera, owner) is gone. The expensive part, for a background task; UnreadableImage when
    the pixels cannot be decoded."""
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
