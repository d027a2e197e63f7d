"""The demo organization's divisions, positions and sample people (names are samples, photos
are drawn placeholder portraits, one per person), with the directory and the organization chart.
Every person has a phone and an e-mail: ITA item O2 asks for a direct way to reach each
executive."""

import hashlib
import io

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from tambon.core.demo import add_page
from tambon.core.models import Organization

from . import starter
from .models import PersonPage

EDUCATION = "กองการศึกษา ศาสนาและวัฒนธรรม"
DIVISIONS = [*starter.DIVISIONS, (EDUCATION, "ศูนย์พัฒนาเด็กเล็ก งานประเพณีและวัฒนธรรม", 4)]

# (title, group, rank, heads a division): every อบต.'s, and the demo's education director.
POSITIONS = [
    *starter.positions(Organization.Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION),
    (f"ผู้อำนวยการ{EDUCATION}", "staff", 30, True),
]

# (slug, prefix, name, position, division or None, phone, e-mail)
PEOPLE = [
    (
        "mayor",
        "นาย",
        "สมมติ ตัวอย่าง",
        "นายกองค์การบริหารส่วนตำบล",
        None,
        "081-000-0001",
        "mayor@pong.example",
    ),
    (
        "deputy-mayor-1",
        "นาย",
        "สมหมาย ตัวอย่าง",
        "รองนายกองค์การบริหารส่วนตำบล",
        None,
        "081-000-0002",
        "",
    ),
    ("deputy-mayor-2", "นาง", "สมศรี ตัวอย่าง", "รองนายกองค์การบริหารส่วนตำบล", None, "081-000-0003", ""),
    (
        "mayor-secretary",
        "นางสาว",
        "สมใจ ตัวอย่าง",
        "เลขานุการนายกองค์การบริหารส่วนตำบล",
        None,
        "081-000-0004",
        "",
    ),
    (
        "council-chair",
        "นาย",
        "มั่นคง ตัวอย่าง",
        "ประธานสภาองค์การบริหารส่วนตำบล",
        None,
        "081-000-0011",
        "",
    ),
    (
        "council-vice-chair",
        "นาย",
        "มั่นใจ ตัวอย่าง",
        "รองประธานสภาองค์การบริหารส่วนตำบล",
        None,
        "081-000-0012",
        "",
    ),
    (
        "council-secretary",
        "นาง",
        "มาลี ตัวอย่าง",
        "เลขานุการสภาองค์การบริหารส่วนตำบล",
        None,
        "081-000-0013",
        "",
    ),
    (
        "council-member-1",
        "นาย",
        "บุญมา ตัวอย่าง",
        "สมาชิกสภาองค์การบริหารส่วนตำบล",
        None,
        "081-000-0014",
        "",
    ),
    (
        "council-member-2",
        "นาย",
        "บุญมี ตัวอย่าง",
        "สมาชิกสภาองค์การบริหารส่วนตำบล",
        None,
        "081-000-0015",
        "",
    ),
    (
        "chief-administrator",
        "นาย",
        "ปกครอง ตัวอย่าง",
        "ปลัดองค์การบริหารส่วนตำบล",
        None,
        "054-000-002",
        "palad@pong.example",
    ),
    (
        "deputy-chief-administrator",
        "นางสาว",
        "ปราณี ตัวอย่าง",
        "รองปลัดองค์การบริหารส่วนตำบล",
        None,
        "054-000-003",
        "",
    ),
    ("head-of-office", "นาง", "สุดา ตัวอย่าง", "หัวหน้าสำนักปลัด", "สำนักปลัด", "054-000-004", ""),
    ("director-finance", "นาง", "เงินทอง ตัวอย่าง", "ผู้อำนวยการกองคลัง", "กองคลัง", "054-000-005", ""),
    ("director-engineering", "นาย", "ช่างดี ตัวอย่าง", "ผู้อำนวยการกองช่าง", "กองช่าง", "054-000-006", ""),
    (
        "director-education",
        "นาง",
        "ศึกษา ตัวอย่าง",
        "ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม",
        "กองการศึกษา ศาสนาและวัฒนธรรม",
        "054-000-007",
        "",
    ),
]


# Drawn portraits: skin, hair, shirt and background picked per person from these.
SKINS = ["#f1c7a5", "#e0ac80", "#c98e62", "#f5d3b8"]
HAIRS = ["#2b211c", "#3d2b1f", "#1b1b1b", "#5a4636"]
SHIRTS = ["#ffffff", "#d9c9a3", "#8c6d3f", "#2f5d8a", "#6b4f9a"]  # white, khaki: official dress
BACKGROUNDS = ["#dfe8f1", "#e8efe3", "#f1e9df", "#e6e2ef"]


def _pick(options, seed, shift):
    return options[(seed >> shift) % len(options)]


def draw_portrait(seed, long_hair, width=320, height=400):
    """A head-and-shoulders drawing (face, hair, eyes, smile, collared shirt) as PNG bytes."""
    canvas = PillowImage.new("RGB", (width, height), _pick(BACKGROUNDS, seed, 0))
    draw = ImageDraw.Draw(canvas)
    skin, hair, shirt = _pick(SKINS, seed, 3), _pick(HAIRS, seed, 6), _pick(SHIRTS, seed, 9)
    w, h = width, height
    if long_hair:
        draw.rounded_rectangle([w * 0.24, h * 0.14, w * 0.76, h * 0.62], radius=60, fill=hair)
    draw.ellipse([w * 0.06, h * 0.70, w * 0.94, h * 1.35], fill=shirt, outline="#55606e", width=2)
    draw.polygon([(w * 0.40, h * 0.70), (w * 0.5, h * 0.80), (w * 0.60, h * 0.70)], fill=skin)
    draw.rectangle([w * 0.42, h * 0.56, w * 0.58, h * 0.72], fill=skin)  # neck
    draw.ellipse([w * 0.29, h * 0.20, w * 0.71, h * 0.62], fill=skin)  # face
    draw.chord([w * 0.27, h * 0.15, w * 0.73, h * 0.45], 180, 360, fill=hair)  # hair on top
    for x in (0.41, 0.59):
        draw.ellipse([w * (x - 0.025), h * 0.38, w * (x + 0.025), h * 0.41], fill="#2b2b2b")
    draw.arc([w * 0.42, h * 0.44, w * 0.58, h * 0.53], 20, 160, fill="#9a4a3c", width=3)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG", optimize=True)
    return buffer


def portrait(slug, prefix, name):
    """The person's own drawn portrait, made the first time it is asked for."""
    title = f"ภาพบุคคลตัวอย่าง {prefix}{name}"
    images = get_image_model().objects
    existing = images.filter(title=title).first()
    if existing:
        return existing
    seed = int.from_bytes(hashlib.sha256(slug.encode()).digest()[:4], "big")
    file = ImageFile(draw_portrait(seed, long_hair=prefix != "นาย"), name=f"demo-{slug}.png")
    return images.create(title=title, file=file, description=f"ภาพวาดแทนรูปถ่าย {prefix}{name}")


def ensure_people(home):
    organization = Organization.for_site(home.get_site())
    divisions = starter.ensure_divisions(organization, DIVISIONS)
    positions = starter.ensure_positions(organization, POSITIONS)
    directory = starter.ensure_directory(
        home,
        organization,
        intro="คณะผู้บริหาร สมาชิกสภา และพนักงานของ อบต.พงษ์ (รายชื่อตัวอย่าง)",
    )
    people = {}
    for order, (slug, prefix, name, position, division, phone, email) in enumerate(PEOPLE):
        photo = portrait(slug, prefix, name)
        email = email or f"{slug}@pong.example"  # a second way to reach each person (ITA O2)
        people[slug] = add_page(
            directory,
            PersonPage(
                title=name,
                slug=slug,
                name_prefix=prefix,
                position=positions[position],
                division=divisions.get(division),
                phone=phone,
                email=email,
                photo=photo,
                sort_order=order,
            ),
        )
    return directory, people
