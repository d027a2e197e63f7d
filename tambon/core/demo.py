"""What every app's demo (and starter content) needs, and the demo organization's own settings.

Each app builds its part of the demo organization, อบต.พงษ์ จังหวัดน่าน, in its own `demo.py`;
the composition app (tambon/composition/demo.py) calls them in order. Every step looks before it
creates, so running the demo again changes nothing. Names of people are samples.
"""

import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images.models import Image

from .models import FooterSettings, Organization

ORGANIZATION = {
    "name": "องค์การบริหารส่วนตำบลพงษ์",
    "short_name": "อบต.พงษ์",
    "name_en": "Pong Subdistrict Administrative Organization",
    "kind": Organization.Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,
    "subdistrict_code": "551103",  # ตำบลพงษ์ อำเภอสันติสุข (5511) จังหวัดน่าน (55)
    "district_code": "5511",
    "province_code": "55",
    "address": "เลขที่ 99 หมู่ที่ 1 ตำบลพงษ์ อำเภอสันติสุข จังหวัดน่าน",
    "postal_code": "55210",
    "phone": "054-000-000",
    "fax": "054-000-001",
    "email": "saraban@pong.example",
    "opening_hours": "วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)",
    "latitude": "18.889500",
    "longitude": "100.938000",
    "facebook_url": "https://www.facebook.com/pong.nan.example",
    "footer_note": "ข้อมูลบนเว็บไซต์นี้เป็นข้อมูลตัวอย่างสำหรับการสาธิตระบบ tambon",
}

# Public offices the demo links to (the anti-corruption page, quick links).
NACC_URL = "https://www.nacc.go.th/"
ADMIN_COURT_URL = "https://www.admincourt.go.th/"
DAMRONGDHAMMA_URL = "https://www.damrongdhama.moi.go.th/"
GOVERNMENT_COMPLAINT_URL = "https://www.1111.go.th/"


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def add_page(parent, page):
    """Add `page` under `parent` unless a child with its slug exists; publish it with a revision."""
    existing = child_by_slug(parent, page.slug)
    if existing:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_organization(site):
    settings = Organization.for_site(site)
    if settings.name:
        return settings
    for field, value in ORGANIZATION.items():
        setattr(settings, field, value)
    settings.logo = placeholder_image(
        "ตราสัญลักษณ์ อบต.พงษ์ (ภาพตัวอย่าง)", "emblem", "ตราสัญลักษณ์ อบต.พงษ์"
    )
    settings.save()
    return settings


def ensure_footer(site, pages):
    """The footer's links: these pages, in this order."""
    footer = FooterSettings.for_site(site)
    if footer.links:
        return
    footer.links = [
        ("link", {"label": page.title, "link": {"page": page, "address": ""}}) for page in pages
    ]
    footer.save()


def move_shared_media_to(collection):
    """The demo's pictures and documents are made in the root collection; they belong to the
    organization (its staff's permissions are on its own collection)."""
    for model in (Image, get_document_model()):
        model.objects.filter(collection__depth=1).update(collection=collection)


# --- Placeholder pictures drawn on the spot, so the demo needs no image files or downloads ---


def _png(width, height, draw_fn):
    canvas = PillowImage.new("RGB", (width, height), "#e6ebf0")
    draw_fn(ImageDraw.Draw(canvas), width, height)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return buffer


def _landscape(draw, width, height):
    draw.rectangle([0, 0, width, height * 0.6], fill="#9cc7e4")
    draw.polygon(
        [(0, height * 0.65), (width * 0.35, height * 0.25), (width * 0.7, height * 0.65)],
        fill="#3f7d5a",
    )
    draw.polygon(
        [
            (width * 0.4, height * 0.65),
            (width * 0.75, height * 0.3),
            (width, height * 0.6),
            (width, height * 0.65),
        ],
        fill="#2f6a49",
    )
    draw.rectangle([0, height * 0.65, width, height], fill="#7fb069")
    draw.ellipse(
        [width * 0.78, height * 0.08, width * 0.9, height * 0.08 + width * 0.12], fill="#f6d55c"
    )


def _silhouette(draw, width, height):
    draw.ellipse([width * 0.28, height * 0.18, width * 0.72, height * 0.54], fill="#8795a6")
    draw.ellipse([width * 0.08, height * 0.62, width * 0.92, height * 1.4], fill="#8795a6")


def _emblem(draw, width, height):
    draw.ellipse([4, 4, width - 4, height - 4], fill="#ffffff", outline="#c9a227", width=8)
    draw.polygon(
        [(width * 0.2, height * 0.42), (width * 0.5, height * 0.22), (width * 0.8, height * 0.42)],
        fill="#0b5e3c",
    )
    for i in range(4):
        x = width * (0.27 + i * 0.13)
        draw.rectangle([x, height * 0.45, x + width * 0.06, height * 0.68], fill="#0b5e3c")
    draw.rectangle([width * 0.22, height * 0.7, width * 0.78, height * 0.76], fill="#0b5e3c")


DRAWINGS = {
    "landscape": (1200, 675, _landscape),
    "person": (320, 400, _silhouette),
    "emblem": (256, 256, _emblem),
}


def placeholder_image(title, kind, description):
    """The image with this title, drawn and saved the first time it is asked for."""
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height, draw_fn = DRAWINGS[kind]
    file = ImageFile(_png(width, height, draw_fn), name=f"demo-{kind}.png")
    return Image.objects.create(title=title, file=file, description=description)
