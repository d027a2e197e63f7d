"""A few sample cases for the demo organization, filed and worked through the service layer
like real ones. Only when there are no cases yet, so it never adds to a live site's list."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from . import roles, services
from .deadlines import BANGKOK
from .models import Case, CaseKind, Category
from .service_demo import ensure_service_types

DEMO_OFFICER = "demo-officer"

# (days ago, kind, category, subject, details, reporter, steps)
SAMPLES = [
    (
        2,
        CaseKind.COMPLAINT,
        "ไฟฟ้าส่องสว่าง",
        "ไฟถนนดับ 3 ต้น ทางเข้าหมู่ 4 (ตัวอย่าง)",
        "ไฟถนนดับต่อเนื่องมาหนึ่งสัปดาห์ ช่วงกลางคืนมืดมาก เด็กนักเรียนเดินกลับบ้านลำบาก",
        {"name": "ตัวอย่าง ประชาชน", "phone": "0810000004"},
        [
            ("acknowledge",),
            ("assign",),
            ("start",),
            ("reply", "กองช่างนัดเปลี่ยนหลอดไฟภายในสัปดาห์นี้"),
        ],
    ),
    (
        20,
        CaseKind.COMPLAINT,
        "ถนน ทางเท้า และสะพาน",
        "หลุมบนถนนสายหลักหน้าโรงเรียน (ตัวอย่าง)",
        "หลุมลึกประมาณ 20 เซนติเมตร อยู่กลางถนน ฝนตกมีน้ำขังมองไม่เห็น",
        {"name": "ตัวอย่าง ผู้ร้อง", "phone": "0810000005"},
        [
            ("acknowledge",),
            ("assign",),
            ("start",),
            ("resolve", "กองช่างซ่อมผิวถนนเรียบร้อยแล้ว ขอบคุณที่แจ้งเรื่อง"),
            ("rate", 5),
        ],
    ),
    (
        1,
        CaseKind.EXECUTIVE,
        None,
        "ขอให้พิจารณาจัดรถรับส่งผู้สูงอายุไปโรงพยาบาล (ตัวอย่าง)",
        "ผู้สูงอายุในหมู่ 2 หลายรายไม่มีรถไปตามนัดแพทย์ที่โรงพยาบาลอำเภอ",
        {"name": "ตัวอย่าง ผู้ใหญ่บ้าน", "phone": "0810000006"},
        [],
    ),
    (
        5,
        CaseKind.CORRUPTION,
        None,
        "สงสัยการจัดซื้อวัสดุก่อสร้างราคาสูงเกินจริง (ตัวอย่าง)",
        "ผู้ร้องไม่ประสงค์ออกนาม ขอให้ตรวจสอบราคาวัสดุในโครงการก่อสร้างรางระบายน้ำ",
        None,
        [("acknowledge",)],
    ),
    (
        10,
        CaseKind.QUESTION,
        None,
        "ชำระภาษีที่ดินและสิ่งปลูกสร้างทางออนไลน์ได้หรือไม่ (ตัวอย่าง)",
        "อยากทราบช่องทางการชำระภาษีโดยไม่ต้องเดินทางมาที่ อบต.",
        None,
        [
            ("assign",),
            ("start",),
            ("resolve", "ชำระได้ทางการโอนเงินเข้าบัญชี อบต. แล้วส่งหลักฐานทางอีเมล"),
        ],
    ),
]


def demo_officer():
    """An account that acts in the sample histories; it has no password and cannot sign in."""
    officer, created = get_user_model().objects.get_or_create(
        username=DEMO_OFFICER, defaults={"first_name": "เจ้าหน้าที่", "last_name": "(ตัวอย่าง)"}
    )
    if created:
        officer.set_unusable_password()
        officer.save()
        for role in (roles.ADMIN, roles.INTEGRITY):
            officer.groups.add(Group.objects.get(name=roles.GROUP_NAMES[role]))
    return officer


def ensure_sample_cases(today):
    ensure_service_types()
    if Case.objects.exists():
        return
    officer = demo_officer()
    for days_ago, kind, category_name, subject, details, reporter, steps in SAMPLES:
        received = datetime.datetime.combine(
            today - datetime.timedelta(days=days_ago), datetime.time(10, 0), tzinfo=BANGKOK
        )
        category = Category.objects.filter(kind=kind, name=category_name).first()
        case, _pin = services.submit(
            kind=kind,
            category=category,
            subject=subject,
            details=details,
            reporter=reporter,
            now=received,
        )
        for step, *args in steps:
            if step == "assign":
                services.assign(case, officer, officer)
            elif step == "rate":
                services.rate(case, *args)
            else:
                getattr(services, step)(case, officer, *args)
