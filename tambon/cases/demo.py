"""The demo organization's cases: the starter's categories and e-service request types
(tambon.cases.starter); sample cases filed and worked through the service layer like real
ones (a few recent ones, a history over this fiscal year and the previous one for the
statistics page, and answered questions on the Q&A page), only when the organization has no
cases yet, so it never adds to a live site's list; and the public pages of the cases
(statistics, Q&A, the corruption-complaint guideline), each added once."""

import datetime

from django.contrib.auth import get_user_model

from tambon.core import memberships
from tambon.core.demo import add_page
from tambon.core.models import Organization, Role
from tambon.thai.dates import BANGKOK

from . import services
from .guideline import GUIDELINE_SLUG, GUIDELINE_TITLE, guideline_body, guideline_intro
from .models import (
    Case,
    CaseKind,
    CaseStatisticsPage,
    Category,
    PublishedQuestion,
    QuestionAnswerPage,
)
from .starter import ensure_starter_content

DEMO_OFFICER = "demo-officer"

# --- Sample cases ---------------------------------------------------------------------------

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


def demo_officer(organization):
    """An account that acts in the sample histories; it has no password and cannot sign in.
    It is the organization's case administrator and integrity officer."""
    officer, created = get_user_model().objects.get_or_create(
        username=DEMO_OFFICER, defaults={"first_name": "เจ้าหน้าที่", "last_name": "(ตัวอย่าง)"}
    )
    if created:
        officer.set_unusable_password()
        officer.save()
        for role in (Role.ADMINISTRATOR, Role.INTEGRITY_OFFICER):
            memberships.add_member(officer, organization, role)
    return officer


def ensure_sample_cases(today, organization):
    ensure_starter_content(organization, today=today)
    if Case.objects.for_organization(organization).exists():
        return
    ensure_recent_samples(today, organization)
    officer = demo_officer(organization)
    add_history(today, officer, organization)
    add_published_questions(today, officer, organization)


def ensure_recent_samples(today, organization):
    officer = demo_officer(organization)
    for days_ago, kind, category_name, subject, details, reporter, steps in SAMPLES:
        received = datetime.datetime.combine(
            today - datetime.timedelta(days=days_ago), datetime.time(10, 0), tzinfo=BANGKOK
        )
        categories = Category.objects.for_organization(organization)
        category = categories.filter(kind=kind, name=category_name).first()
        case, _pin = services.submit(
            kind=kind,
            category=category,
            subject=subject,
            details=details,
            reporter=reporter,
            now=received,
            organization=organization,
        )
        for step, *args in steps:
            if step == "assign":
                services.assign(case, officer, officer)
            elif step == "rate":
                services.rate(case, *args)
            else:
                getattr(services, step)(case, officer, *args)


# --- A year and a half of history for the statistics page -----------------------------------

ESERVICE_TYPES = [
    "ขอรับน้ำอุปโภคบริโภค",
    "ขออนุญาตตัดต้นไม้",
    "ขอรับถังขยะ",
    "ลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ",
]
HISTORY_SUBJECTS = {
    CaseKind.COMPLAINT: "แจ้งปัญหาในหมู่บ้าน (ตัวอย่างสถิติ)",
    CaseKind.EXECUTIVE: "ข้อเสนอถึงผู้บริหาร (ตัวอย่างสถิติ)",
    CaseKind.CORRUPTION: "เรื่องร้องเรียนการทุจริต (ตัวอย่างสถิติ)",
    CaseKind.ESERVICE: "คำขอรับบริการ (ตัวอย่างสถิติ)",
    CaseKind.INFORMATION: "ขอสำเนาข้อมูลข่าวสาร (ตัวอย่างสถิติ)",
}
HISTORY_KINDS = [
    CaseKind.COMPLAINT,
    CaseKind.ESERVICE,
    CaseKind.COMPLAINT,
    CaseKind.ESERVICE,
    CaseKind.EXECUTIVE,
    CaseKind.COMPLAINT,
    CaseKind.INFORMATION,
    CaseKind.ESERVICE,
    CaseKind.COMPLAINT,
    CaseKind.CORRUPTION,
]
# What happens to every fourth case: three get a result, one is still open.
HISTORY_OUTCOMES = ["resolve", "resolve", "reject", None]
HISTORY_RATINGS = [5, 4, 3, 5, 4, 2, 5]
HISTORY_CASES = 60
HISTORY_SPACING_DAYS = 7
HISTORY_FIRST_DAYS_AGO = 12
# Questions answered and published on the Q&A page: (days ago, question, answer).
PUBLISHED_QUESTIONS = [
    (
        10,
        "ชำระภาษีที่ดินและสิ่งปลูกสร้างทางออนไลน์ได้หรือไม่",
        "ชำระได้โดยโอนเงินเข้าบัญชีของ อบต. ตามที่ระบุในหนังสือแจ้งประเมินภาษี "
        "แล้วส่งหลักฐานการโอนทางอีเมลหรือไลน์ของกองคลัง เจ้าหน้าที่จะส่งใบเสร็จให้ภายใน 3 วันทำการ",
    ),
    (
        45,
        "ขอรับเบี้ยยังชีพผู้สูงอายุต้องเตรียมเอกสารอะไรบ้าง",
        "ผู้ที่จะมีอายุครบ 60 ปีในปีงบประมาณถัดไป ลงทะเบียนได้ที่ อบต. ภายในเดือนพฤศจิกายน "
        "ใช้บัตรประจำตัวประชาชน ทะเบียนบ้าน และสมุดบัญชีเงินฝากธนาคาร หรือยื่นคำขอทางเว็บไซต์นี้",
    ),
    (
        120,
        "ขออนุญาตก่อสร้างบ้านใช้เวลากี่วัน",
        "เมื่อได้รับคำขอพร้อมเอกสารครบถ้วน กองช่างจะตรวจพิจารณาและออกใบอนุญาตภายใน 45 วัน "
        "ตามพระราชบัญญัติควบคุมอาคาร สอบถามรายละเอียดได้ที่กองช่างในวันและเวลาราชการ",
    ),
]


def _received(today, days_ago):
    return datetime.datetime.combine(
        today - datetime.timedelta(days=days_ago), datetime.time(10, 0), tzinfo=BANGKOK
    )


def _date_back(case, received, days_to_result):
    """The demo is built in one go: the sample's own dates are set back to when it would have
    been acknowledged and finished, so its figures fall in the right months. (Its history rows
    keep the day the demo was built.)"""
    finished = None
    if case.finished_at is not None:
        finished = min(received + datetime.timedelta(days=days_to_result), case.finished_at)
    Case.objects.for_organization(case.organization_id).filter(pk=case.pk).update(
        acknowledged_at=received + datetime.timedelta(hours=20),
        finished_at=finished,
        rated_at=finished if case.rating else None,
    )


def _work_through(case, officer, outcome, rating=None):
    services.assign(case, officer, officer)
    services.start(case, officer)
    if outcome == "resolve":
        services.resolve(case, officer, "ดำเนินการเรียบร้อยแล้ว (ตัวอย่าง)")
        if rating:
            services.rate(case, rating)
    elif outcome == "reject":
        services.reject(case, officer, "ไม่อยู่ในอำนาจหน้าที่ของ อบต. ได้แนะนำหน่วยงานที่รับผิดชอบแล้ว")
    case.refresh_from_db()


def add_history(today, officer, organization):
    """Cases spread over this fiscal year and the previous one, some rated."""
    categories = Category.objects.for_organization(organization)
    eservice_types = [
        categories.get_or_create(kind=CaseKind.ESERVICE, name=name, defaults={"sort_order": order})[
            0
        ]
        for order, name in enumerate(ESERVICE_TYPES)
    ]
    for number in range(HISTORY_CASES):
        kind = HISTORY_KINDS[number % len(HISTORY_KINDS)]
        days_ago = HISTORY_FIRST_DAYS_AGO + number * HISTORY_SPACING_DAYS
        received = _received(today, days_ago)
        category = None
        if kind == CaseKind.ESERVICE:
            category = eservice_types[number % len(eservice_types)]
        elif kind == CaseKind.COMPLAINT:
            category = categories.of_kind(kind).order_by("sort_order").first()
        case, _pin = services.submit(
            kind=kind,
            category=category,
            subject=HISTORY_SUBJECTS[kind],
            details="ข้อความตัวอย่างสำหรับสถิติ",
            now=received,
            organization=organization,
        )
        services.acknowledge(case, officer)
        outcome = HISTORY_OUTCOMES[number % len(HISTORY_OUTCOMES)]
        # Cases from the last few days are still being worked on.
        if outcome and days_ago > 20:
            _work_through(case, officer, outcome, HISTORY_RATINGS[number % len(HISTORY_RATINGS)])
        _date_back(case, received, days_to_result=4 + number % 9)


def add_published_questions(today, officer, organization):
    from .publishing import publish_question

    for days_ago, question, answer in PUBLISHED_QUESTIONS:
        received = _received(today, days_ago)
        case, _pin = services.submit(
            kind=CaseKind.QUESTION,
            subject=f"{question} (ตัวอย่าง)",
            details="คำถามจากประชาชน (ตัวอย่าง)",
            now=received,
            organization=organization,
        )
        _work_through(case, officer, "resolve", rating=5)
        publish_question(case, officer, question, answer)
        _date_back(case, received, days_to_result=2)
        PublishedQuestion.objects.for_organization(organization).filter(case=case).update(
            published_at=received + datetime.timedelta(days=2)
        )


# --- Public pages: statistics, Q&A and the corruption-complaint guideline ------------------


def ensure_case_pages(home, text_page):
    """`text_page(title, slug, intro, body)` makes an unsaved text page for the guideline: the
    composition passes the pages app's standard page, which this app does not import."""
    statistics_page = add_page(
        home,
        CaseStatisticsPage(
            title="สถิติเรื่องร้องเรียนและการให้บริการ",
            slug="case-statistics",
            intro="จำนวนเรื่องร้องเรียน เรื่องร้องเรียนการทุจริต คำขอรับบริการ และผลความพึงพอใจ "
            "แยกรายเดือน รายไตรมาส และรายปีงบประมาณ",
        ),
    )
    questions_page = add_page(
        home,
        QuestionAnswerPage(
            title="ถาม-ตอบ (Q&A)",
            slug="questions",
            intro="คำถามที่ประชาชนสอบถามและคำตอบของ อบต. ท่านสามารถส่งคำถามใหม่ได้ทางแบบฟอร์ม",
        ),
    )
    organization = Organization.for_site(home.get_site())
    intro, body = guideline_intro(organization), guideline_body(organization)
    guideline = add_page(home, text_page(GUIDELINE_TITLE, GUIDELINE_SLUG, intro, body))
    return statistics_page, questions_page, guideline
