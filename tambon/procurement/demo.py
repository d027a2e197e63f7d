"""Sample procurement for the demo organization: a page, this year's plan, a few obviously
sample projects of this fiscal year and the previous one, their bids, results and announcements.

Every step looks before it creates (projects by e-GP number), so a second run changes nothing.
"""

import datetime
from decimal import Decimal

from tambon.core.models import Organization
from tambon.people.models import Division
from tambon.thai.fiscal import fiscal_year, fiscal_year_bounds

from .models import (
    AnnouncementKind,
    AnnualProcurementReport,
    Method,
    ProcurementAnnouncement,
    ProcurementPlan,
    ProcurementProject,
    Status,
)
from .starter import ensure_procurement_page

LOWEST = "เสนอราคาต่ำสุดและมีคุณสมบัติถูกต้องตามเงื่อนไข"
SPECIFIC_REASON = "เป็นผู้มีอาชีพรับจ้าง/ขายโดยตรง เสนอราคาไม่เกินวงเงินงบประมาณ"

# (fiscal year offset, day offset from 1 October, method, title, budget, median, bids, winner index)
SAMPLES = [
    (
        -1,
        280,
        Method.SPECIFIC,
        "จัดซื้อวัสดุสำนักงาน (ตัวอย่าง)",
        "12000",
        "12000",
        [("ร้านตัวอย่างเครื่องเขียน", "11850")],
        0,
    ),
    (
        -1,
        300,
        Method.SPECIFIC,
        "จ้างซ่อมแซมรถบรรทุกน้ำ (ตัวอย่าง)",
        "35000",
        "35000",
        [("อู่ตัวอย่างการช่าง", "34500")],
        0,
    ),
    (
        -1,
        310,
        Method.E_BIDDING,
        "ก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3 (ตัวอย่าง)",
        "2500000",
        "2480000",
        [
            ("ห้างหุ้นส่วนจำกัด ตัวอย่างก่อสร้าง", "2350000"),
            ("บริษัท ทดสอบวิศวกรรม จำกัด", "2395000"),
            ("ห้างหุ้นส่วนจำกัด สมมติการโยธา", "2410000"),
        ],
        0,
    ),
    (
        -1,
        364,
        Method.SPECIFIC,
        "จัดซื้อน้ำมันเชื้อเพลิง เดือนกันยายน (ตัวอย่าง)",
        "20000",
        "20000",
        [("สถานีบริการน้ำมันตัวอย่าง", "19640")],
        0,
    ),
    (
        0,
        4,
        Method.SPECIFIC,
        "จัดซื้ออาหารเสริม (นม) โรงเรียน (ตัวอย่าง)",
        "98000",
        "98000",
        [("สหกรณ์โคนมตัวอย่าง จำกัด", "97440")],
        0,
    ),
    (
        0,
        20,
        Method.SPECIFIC,
        "จ้างเหมาจัดทำป้ายประชาสัมพันธ์ (ตัวอย่าง)",
        "4500",
        "4500",
        [("ร้านตัวอย่างป้ายโฆษณา", "4500")],
        0,
    ),
    (
        0,
        40,
        Method.SELECTION,
        "จัดซื้อเครื่องคอมพิวเตอร์ 3 เครื่อง (ตัวอย่าง)",
        "66000",
        "66000",
        [("ร้านตัวอย่างคอมพิวเตอร์", "64500"), ("ร้านสมมติไอที", "65800")],
        0,
    ),
    (
        0,
        55,
        Method.SPECIFIC,
        "จัดซื้อวัสดุไฟฟ้าและวิทยุ (ตัวอย่าง)",
        "15000",
        "15000",
        [("ร้านตัวอย่างการไฟฟ้า", "14760")],
        0,
    ),
    # Two years back: what the demo's public ITA page of FY 2568 links.
    (
        -2,
        150,
        Method.E_BIDDING,
        "ก่อสร้างรางระบายน้ำคอนกรีต หมู่ที่ 2 (ตัวอย่าง)",
        "850000",
        "842000",
        [("ห้างหุ้นส่วนจำกัด ตัวอย่างก่อสร้าง", "798000"), ("ห้างหุ้นส่วนจำกัด สมมติการโยธา", "815000")],
        0,
    ),
    (
        -2,
        200,
        Method.SPECIFIC,
        "จัดซื้อวัสดุงานบ้านงานครัว (ตัวอย่าง)",
        "8000",
        "8000",
        [("ร้านตัวอย่างพาณิชย์", "7850")],
        0,
    ),
]

PLAN_LINES = [
    ("ก่อสร้างรางระบายน้ำ หมู่ที่ 5 (ตัวอย่าง)", "1200000", Method.E_BIDDING, 2),
    ("จัดซื้อเครื่องคอมพิวเตอร์ 3 เครื่อง (ตัวอย่าง)", "66000", Method.SELECTION, 11),
    ("จัดซื้ออาหารเสริม (นม) โรงเรียน (ตัวอย่าง)", "98000", Method.SPECIFIC, 10),
    ("จัดซื้อวัสดุสำนักงาน (ตัวอย่าง)", "60000", Method.E_MARKET, 1),
]


def ensure_procurement(home, today):
    organization = Organization.for_site(home.get_site())
    page = ensure_procurement_page(organization, home)
    current = fiscal_year(today)
    ensure_plan(organization, current, today)
    division = Division.objects.for_organization(organization).filter(name="กองคลัง").first()
    for number, sample in enumerate(SAMPLES, start=1):
        ensure_project(organization, number, sample, current, today, division)
    AnnualProcurementReport.objects.for_organization(organization).get_or_create(
        fiscal_year=current - 1,
        defaults={
            "problems": "ผู้ประกอบการในพื้นที่มีน้อย บางรายการมีผู้เสนอราคาเพียงรายเดียว (ข้อความตัวอย่าง)",
            "suggestions": "ประชาสัมพันธ์ประกาศเชิญชวนให้ทั่วถึงและจัดทำแผนให้ตรงกับช่วงเวลาจริง (ข้อความตัวอย่าง)",
        },
    )
    return page


def ensure_plan(organization, current, today):
    if ProcurementPlan.objects.for_organization(organization).of_fiscal_year(current).exists():
        return
    start, _end = fiscal_year_bounds(current)
    plan = ProcurementPlan(
        organization=organization,
        fiscal_year=current,
        title=f"แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {current} (ตัวอย่าง)",
        published_on=min(start + datetime.timedelta(days=14), today),
    )
    for project, budget, method, month in PLAN_LINES:
        plan.lines.create(
            project=project, budget=Decimal(budget), method=method, expected_month=month
        )
    plan.save()


def ensure_project(organization, number, sample, current, today, division):
    offset, days, method, title, budget, median, bids, winner_index = sample
    year = current + offset
    egp_number = f"{year % 100:02d}0{number:08d}"
    projects = ProcurementProject.objects.for_organization(organization)
    if projects.filter(egp_number=egp_number).exists():
        return
    start, _end = fiscal_year_bounds(year)
    contract_date = min(start + datetime.timedelta(days=days), today)
    winner, price = bids[winner_index]
    project = ProcurementProject(
        organization=organization,
        fiscal_year=year,
        title=title,
        egp_number=egp_number,
        method=method,
        budget=Decimal(budget),
        reference_price=Decimal(median),
        division=division,
        status=Status.CONTRACTED,
        winner=winner,
        agreed_price=Decimal(price),
        selection_reason=LOWEST if method != Method.SPECIFIC else SPECIFIC_REASON,
        contract_number=f"{number}/{year}",
        contract_date=contract_date,
    )
    for bidder, offered in bids:
        project.bids.create(bidder=bidder, price=Decimal(offered))
    project.save()
    if method == Method.E_BIDDING:
        for kind, before, prefix in (
            (AnnouncementKind.MEDIAN_PRICE, 30, "ประกาศราคากลาง"),
            (AnnouncementKind.INVITATION, 28, "ประกาศเชิญชวน ประกวดราคา"),
            (AnnouncementKind.RESULT, 3, "ประกาศผู้ชนะการเสนอราคา"),
        ):
            ProcurementAnnouncement.objects.for_organization(organization).create(
                kind=kind,
                title=f"{prefix} {title}",
                date=contract_date - datetime.timedelta(days=before),
                project=project,
            )
    else:
        ProcurementAnnouncement.objects.for_organization(organization).create(
            kind=AnnouncementKind.RESULT,
            title=f"ประกาศผู้ชนะการเสนอราคา {title}",
            date=max(contract_date - datetime.timedelta(days=1), start),
            project=project,
        )
