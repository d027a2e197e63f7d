"""Small copies of a case's photos for the staff's case page, made when asked (a private file is
never kept twice): only from a photo already cleaned of its metadata (READY), so a thumbnail
shows nothing the cleaned photo does not."""

import io

from PIL import Image

from . import uploads

# The longest side of a thumbnail, in pixels (shown at half that on the page, sharp on a
# high-density screen).
THUMBNAIL_SIDE = 320


def thumbnail(attachment):
    """(bytes, content type) of a small JPEG of a READY photo; None when it is not one, or its
    bytes cannot be read (the page then shows its name alone)."""
    if not (attachment.is_ready and attachment.is_image):
        return None
    try:
        with attachment.file.open("rb") as handle, Image.open(handle) as image:
            if image.size[0] * image.size[1] > uploads.MAX_PIXELS:
                return None
            # A JPEG is decoded at a fraction of its size when that is enough: fast and small.
            image.draft("RGB", (THUMBNAIL_SIDE, THUMBNAIL_SIDE))
            image.thumbnail((THUMBNAIL_SIDE, THUMBNAIL_SIDE))
            if image.mode != "RGB":
                image = image.convert("RGB")
            out = io.BytesIO()
            image.save(out, format="JPEG", quality=80)
    except Exception:  # noqa: BLE001 - a missing or damaged file gives no thumbnail, not a 500
        return None
    return out.getvalue(), "image/jpeg"
