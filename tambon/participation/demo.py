"""Sample community planning for a demo organization: its villages (หมู่ที่ 1..N, names made up
for the demo), development strategies, project categories, one planning cycle whose phases run
around `today` (village forums now) and a few published proposals, all marked as samples.

Every step looks before it creates, so a second run changes nothing.
"""

import datetime
from decimal import Decimal

from .models import (
    Category,
    Moderation,
    Phase,
    PhaseKind,
    PlanCycle,
    Proposal,
    Source,
    Strategy,
    Village,
)

DEMO_NOTE = "(ข้อมูลตัวอย่าง)"

# Made-up names for the demo, not the real villages' list.
VILLAGE_NAMES = [
    "บ้านพงษ์",
    "บ้านดอนไชย",
    "บ้านน้ำรีพัฒนา",
    "บ้านห้วยเลา",
    "บ้านป่าหัด",
    "บ้านนาหนุน",
    "บ้านสบปอน",
    "บ้านดอนแก้ว",
    "บ้านใหม่พัฒนา",
    "บ้านห้วยหลอด",
    "บ้านปางไฮ",
]
# The smaller second demo organization's.
SECOND_VILLAGE_NAMES = [
    "บ้านแฮด",
    "บ้านหนองแซง",
    "บ้านโคกสี",
    "บ้านดอนหัน",
    "บ้านหนองบัว",
    "บ้านโนนเขวา",
]

STRATEGIES = [
    "การพัฒนาโครงสร้างพื้นฐาน",
    "การพัฒนาเศรษฐกิจและส่งเสริมอาชีพ",
    "การพัฒนาคุณภาพชีวิตและสังคม",
    "การจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "การบริหารจัดการบ้านเมืองที่ดี",
]

CATEGORIES = ["ถนนและทางระบายน้ำ", "ประปาและแหล่งน้ำ", "ไฟฟ้าและแสงสว่าง", "อาชีพ", "สุขภาพและผู้สูงอายุ"]

# Days of each phase, the first (collecting needs) starting 40 days before today.
PHASE_DAYS = [
    (PhaseKind.COLLECT_NEEDS, 30),
    (PhaseKind.VILLAGE_FORUMS, 31),
    (PhaseKind.SUBDISTRICT_FORUM, 14),
    (PhaseKind.DRAFTING, 45),
    (PhaseKind.COMMITTEE_REVIEW, 14),
    (PhaseKind.COUNCIL_OPINION, 14),
    (PhaseKind.APPROVAL, 14),
    (PhaseKind.MONITORING, 365),
]
PHASE_NOTES = {
    PhaseKind.VILLAGE_FORUMS: "ประชุม ณ ศาลาอเนกประสงค์ของแต่ละหมู่บ้าน เวลา 18.00 น. (ตัวอย่าง)",
    PhaseKind.SUBDISTRICT_FORUM: "ประชุม ณ ห้องประชุมสำนักงาน (ตัวอย่าง)",
}

# (village number, strategy number, category, title, problem, project, place, budget, who, source)
PROPOSALS = [
    (
        1,
        1,
        "ถนนและทางระบายน้ำ",
        "ก่อสร้างถนนคอนกรีตเสริมเหล็กซอยข้างวัด (ตัวอย่าง)",
        "ถนนดินในซอยข้างวัดเป็นหลุมบ่อ หน้าฝนรถจักรยานยนต์ล้มบ่อย",
        "ก่อสร้างถนน คสล. กว้าง 4 เมตร ยาว 200 เมตร",
        "ซอยข้างวัดประจำหมู่บ้าน",
        "500000",
        "ประมาณ 60 ครัวเรือน",
        Source.FORUM,
    ),
    (
        1,
        3,
        "สุขภาพและผู้สูงอายุ",
        "จัดกิจกรรมออกกำลังกายผู้สูงอายุ (ตัวอย่าง)",
        "ผู้สูงอายุในหมู่บ้านไม่มีกิจกรรมร่วมกัน",
        "จัดกิจกรรมออกกำลังกายสัปดาห์ละ 2 ครั้ง พร้อมตรวจสุขภาพเบื้องต้น",
        "ศาลาอเนกประสงค์",
        "30000",
        "ผู้สูงอายุประมาณ 80 คน",
        Source.ONLINE,
    ),
    (
        2,
        1,
        "ไฟฟ้าและแสงสว่าง",
        "ติดตั้งไฟส่องสว่างพลังงานแสงอาทิตย์ (ตัวอย่าง)",
        "ทางเข้าหมู่บ้านมืด เดินทางกลางคืนไม่ปลอดภัย",
        "ติดตั้งเสาไฟพลังงานแสงอาทิตย์ 10 ต้น",
        "ทางเข้าหมู่บ้าน",
        "250000",
        "ทั้งหมู่บ้าน",
        Source.ONLINE,
    ),
    (
        3,
        2,
        "อาชีพ",
        "ฝึกอบรมการแปรรูปผลผลิตทางการเกษตร (ตัวอย่าง)",
        "ผลผลิตล้นตลาดในฤดูเก็บเกี่ยว ราคาตกต่ำ",
        "อบรมการแปรรูปและบรรจุภัณฑ์ให้กลุ่มแม่บ้าน",
        "",
        "45000",
        "กลุ่มแม่บ้าน 30 คน",
        Source.FORUM,
    ),
]


def ensure_participation(organization, today, village_names=VILLAGE_NAMES):
    """The organization's sample planning, built where missing; returns the cycle."""
    for number, name in enumerate(village_names, start=1):
        Village.objects.for_organization(organization).get_or_create(
            number=number, defaults={"name": name}
        )
    for number, name in enumerate(STRATEGIES, start=1):
        Strategy.objects.for_organization(organization).get_or_create(
            number=number, defaults={"name": name}
        )
    for name in CATEGORIES:
        Category.objects.for_organization(organization).get_or_create(name=name)
    return _ensure_cycle(organization, today)


def plan_years_for(today):
    """The plan being prepared: its five years start at the coming fiscal year but one."""
    return today.year + 543 + 2


def _ensure_cycle(organization, today):
    first = plan_years_for(today)
    cycle, created = PlanCycle.objects.for_organization(organization).get_or_create(
        first_year_be=first,
        defaults={
            "name": f"แผนพัฒนาท้องถิ่น (พ.ศ. {first}-{first + 4}) {DEMO_NOTE}",
            "intro": "ขั้นตอนและข้อเสนอในหน้านี้เป็นข้อมูลตัวอย่างสำหรับทดลองใช้ระบบ",
        },
    )
    if not created:
        return cycle
    start = today - datetime.timedelta(days=40)
    for kind, days in PHASE_DAYS:
        end = start + datetime.timedelta(days=days - 1)
        Phase.objects.for_organization(organization).create(
            cycle=cycle, kind=kind, starts_on=start, ends_on=end, note=PHASE_NOTES.get(kind, "")
        )
        start = end + datetime.timedelta(days=1)
    _add_proposals(organization, cycle)
    return cycle


def _add_proposals(organization, cycle):
    villages = {v.number: v for v in Village.objects.for_organization(organization)}
    strategies = {s.number: s for s in Strategy.objects.for_organization(organization)}
    categories = {c.name: c for c in Category.objects.for_organization(organization)}
    for (
        village,
        strategy,
        category,
        title,
        problem,
        project,
        place,
        budget,
        who,
        source,
    ) in PROPOSALS:
        if village not in villages:
            continue
        Proposal.objects.for_organization(organization).create(
            cycle=cycle,
            village=villages[village],
            strategy=strategies.get(strategy),
            category=categories.get(category),
            title=title,
            problem=problem,
            proposed_project=project,
            place=place,
            estimated_budget=Decimal(budget),
            beneficiaries=who,
            source=source,
            moderation=Moderation.PUBLISHED,
            proposer_name="ผู้เสนอตัวอย่าง",
        )
