"""The demo organization's information center, court rulings and anti-corruption page.

It starts as every organization does (starter.py: folders, the current ITA list, the pages) and
adds the demo's page texts and sample records, rulings and gifts. Also the demo's ITA: the
built-in item lists, the public page of FY 2568 and the evidence its content already answers,
linked the way a clerk would from the dashboard.

Called from the composition's demo builder. Everything is looked up before it is made, so a
second run changes nothing. Records are dated from the demo's "today", so the demo always has
documents of the current and the previous fiscal year; every title says it is a sample.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tambon.core.demo import (
    ADMIN_COURT_URL,
    DAMRONGDHAMMA_URL,
    GOVERNMENT_COMPLAINT_URL,
    NACC_URL,
    add_page,
)
from tambon.core.models import Organization
from tambon.people.models import Division
from tambon.thai.fiscal import fiscal_year, fiscal_year_bounds

from .ita.coverage import link_all_suggestions
from .ita.loading import load_ita_items
from .models import (
    AntiCorruptionPage,
    CourtRuling,
    CourtRulingsPage,
    GiftDisposal,
    GiftRegisterEntry,
    InfoCenterPage,
    InfoRecord,
    InfoRecordFile,
    ItaYear,
    ItaYearPage,
)
from .starter import anti_corruption_topics, ensure_folders, ensure_starter_content

SAMPLE = " (ตัวอย่าง)"
DEMO_FISCAL_YEAR = 2568

# --- What the information center holds: records per folder and sample court rulings ---------

OFFICE = "สำนักปลัด"
FINANCE = "กองคลัง"
ENGINEERING = "กองช่าง"


def record_specs(fy, today):
    """(folder, title, publish date, period covered or None, division, summary) of the demo."""
    start, end = fiscal_year_bounds(fy)
    last_start, last_end = fiscal_year_bounds(fy - 1)

    def not_after_today(day):
        return min(day, today)

    early = not_after_today(start + datetime.timedelta(days=20))
    after_last = not_after_today(last_end + datetime.timedelta(days=25))
    half_last = (last_start, datetime.date(last_start.year + 1, 3, 31))
    laws_day = datetime.date(2023, 1, 16)
    laws = [
        "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม",
        "พระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542",
        "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
        "พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560",
        "พระราชบัญญัติประกอบรัฐธรรมนูญว่าด้วยการป้องกันและปราบปรามการทุจริต พ.ศ. 2561",
        "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
        "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558",
    ]
    specs = [
        ("laws", title, laws_day, None, OFFICE, "ตัวบทกฎหมายที่ อบต. ใช้ในการปฏิบัติงาน") for title in laws
    ]
    specs += [
        (
            "s7-structure",
            "ประกาศโครงสร้างส่วนราชการองค์การบริหารส่วนตำบลพงษ์",
            datetime.date(2024, 10, 1),
            None,
            OFFICE,
            "สำนักปลัด กองคลัง กองช่าง และกองการศึกษา ศาสนาและวัฒนธรรม",
        ),
        (
            "s7-powers",
            "สรุปอำนาจหน้าที่ที่สำคัญและวิธีการดำเนินงานของ อบต.พงษ์",
            datetime.date(2024, 10, 1),
            None,
            OFFICE,
            "",
        ),
        (
            "s7-rules",
            "ข้อบัญญัติองค์การบริหารส่วนตำบลพงษ์ เรื่อง การจัดการสิ่งปฏิกูลและมูลฝอย",
            datetime.date(2023, 6, 1),
            None,
            OFFICE,
            "ข้อบัญญัติท้องถิ่นที่มีผลใช้บังคับเป็นการทั่วไปต่อประชาชน",
        ),
        (
            "s9-plans-budget",
            f"ข้อบัญญัติงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            FINANCE,
            "งบประมาณรายจ่ายที่สภา อบต. ให้ความเห็นชอบ",
        ),
        (
            "development-plan",
            f"แผนพัฒนาท้องถิ่น (พ.ศ. {fy - 4} - {fy})",
            datetime.date(last_start.year - 3, 12, 20),
            None,
            OFFICE,
            "แผนพัฒนาท้องถิ่นที่เชื่อมโยงแผนชุมชนจากการประชาคมหมู่บ้าน",
        ),
        (
            "operations-plan",
            f"แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            OFFICE,
            "โครงการและกิจกรรมที่จะดำเนินการในปีงบประมาณ",
        ),
        (
            "operations-plan",
            f"แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. {fy - 1}",
            last_start + datetime.timedelta(days=20),
            (last_start, last_end),
            OFFICE,
            "",
        ),
        (
            "performance-reports",
            f"รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน ปีงบประมาณ พ.ศ. {fy - 1}",
            datetime.date(last_start.year + 1, 4, 20),
            half_last,
            OFFICE,
            "",
        ),
        (
            "performance-reports",
            f"รายงานผลการดำเนินงาน ประจำปีงบประมาณ พ.ศ. {fy - 1}",
            after_last,
            (last_start, last_end),
            OFFICE,
            "ผลการดำเนินงานตามแผนดำเนินงานประจำปี",
        ),
        (
            "budget-spending-reports",
            f"รายงานผลการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. {fy - 1}",
            after_last,
            (last_start, last_end),
            FINANCE,
            "",
        ),
        (
            "staff-manuals",
            "คู่มือการปฏิบัติงานการจัดการเรื่องร้องเรียนร้องทุกข์",
            datetime.date(2024, 11, 1),
            None,
            OFFICE,
            "ขั้นตอนรับเรื่อง ส่งต่อ ดำเนินการ และแจ้งผลภายใน 15 วัน",
        ),
        (
            "staff-manuals",
            "คู่มือการปฏิบัติงานด้านการจัดเก็บภาษีที่ดินและสิ่งปลูกสร้าง",
            datetime.date(2024, 11, 1),
            None,
            FINANCE,
            "",
        ),
        (
            "service-manuals",
            "คู่มือสำหรับประชาชน การขออนุญาตก่อสร้างอาคาร",
            datetime.date(2024, 11, 15),
            None,
            ENGINEERING,
            "เอกสารที่ต้องใช้ ขั้นตอน และระยะเวลาการให้บริการ",
        ),
        (
            "service-manuals",
            "คู่มือสำหรับประชาชน การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ",
            datetime.date(2024, 11, 15),
            None,
            OFFICE,
            "",
        ),
        (
            "human-resources",
            f"แผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            OFFICE,
            "",
        ),
        (
            "human-resources",
            f"รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. {fy - 1}",
            after_last,
            (last_start, last_end),
            OFFICE,
            "",
        ),
        (
            "anti-corruption-plan",
            f"แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            OFFICE,
            "มาตรการและโครงการป้องกันการทุจริตและส่งเสริมคุณธรรม",
        ),
        (
            "anti-corruption-reports",
            f"รายงานผลการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {fy - 1}",
            after_last,
            (last_start, last_end),
            OFFICE,
            "",
        ),
        (
            "risk-assessment",
            f"การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            OFFICE,
            "ความเสี่ยงด้านการอนุมัติอนุญาต การจัดซื้อจัดจ้าง และมาตรการจัดการความเสี่ยง",
        ),
        (
            "no-gift-policy",
            f"ประกาศเจตนารมณ์ไม่รับของขวัญ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            OFFICE,
            "",
        ),
        (
            "ethics",
            "ประมวลจริยธรรมของข้าราชการหรือพนักงานส่วนท้องถิ่น องค์การบริหารส่วนตำบลพงษ์",
            datetime.date(2023, 2, 1),
            None,
            OFFICE,
            "",
        ),
        (
            "ethics",
            f"รายงานการขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            OFFICE,
            "กิจกรรมส่งเสริมการปฏิบัติตามประมวลจริยธรรมของบุคลากร",
        ),
        (
            "participation",
            f"รายงานการจัดเวทีประชาคมหมู่บ้านเพื่อจัดทำแผนพัฒนาท้องถิ่น ปีงบประมาณ พ.ศ. {fy}",
            early,
            (start, end),
            OFFICE,
            "ประชาชนทั้ง 12 หมู่บ้านร่วมเสนอปัญหาและโครงการเข้าแผนพัฒนาท้องถิ่น",
        ),
        (
            "pdpa",
            "นโยบายคุ้มครองข้อมูลส่วนบุคคลขององค์การบริหารส่วนตำบลพงษ์",
            datetime.date(2022, 6, 1),
            None,
            OFFICE,
            "การเก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
        ),
    ]
    return specs


RULINGS = [
    (
        "คดีหมายเลขแดงที่ อ.101/2565",
        datetime.date(2022, 5, 12),
        "ศาลปกครองสูงสุด",
        "การเพิกถอนใบอนุญาตก่อสร้างอาคารที่ออกโดยไม่ชอบด้วยกฎหมาย",
        "องค์กรปกครองส่วนท้องถิ่นต้องตรวจสอบแบบแปลนให้ถูกต้องตามกฎหมายควบคุมอาคารก่อนออกใบอนุญาต",
    ),
    (
        "คดีหมายเลขแดงที่ อ.202/2566",
        datetime.date(2023, 8, 3),
        "ศาลปกครองสูงสุด",
        "ความรับผิดทางละเมิดจากการละเลยซ่อมแซมถนนสาธารณะ",
        "หน่วยงานท้องถิ่นที่ไม่ติดตั้งป้ายเตือนหรือซ่อมแซมถนนชำรุดตามหน้าที่ ต้องรับผิดชดใช้ค่าเสียหาย",
    ),
    (
        "คดีหมายเลขแดงที่ 303/2567",
        datetime.date(2024, 2, 20),
        "ศาลปกครองชั้นต้น",
        "การจัดซื้อจัดจ้างที่กำหนดคุณสมบัติผู้เสนอราคาเกินความจำเป็น",
        "การกำหนดคุณสมบัติที่กีดกันผู้เสนอราคารายอื่นโดยไม่มีเหตุผล เป็นการกระทำที่ไม่ชอบด้วยกฎหมาย",
    ),
]


# --- Building it ----------------------------------------------------------------------------


def tiny_pdf(lines):
    """A valid one-page PDF showing `lines` (ASCII) in Helvetica: small, and obviously a sample."""
    text = ["BT /F1 14 Tf 56 780 Td 18 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    return pdf_file(objects)


def pdf_file(objects):
    """A PDF of these numbered objects (the first is the catalogue), with its cross-reference
    table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def sample_document(title, filename):
    document = get_document_model()(title=title)
    content = tiny_pdf(
        [
            "SAMPLE DOCUMENT - tambon demo",
            "Pong Subdistrict Administrative Organization (demo data)",
            filename,
        ]
    )
    document.file.save(filename, ContentFile(content), save=False)
    document.file_size = len(content)
    document.save()
    return document


def demo_fiscal_years(today):
    """The fiscal years the demo has records of: the current one and the one before, and those
    of its ITA page (DEMO_FISCAL_YEAR: its plans, and its reports published the year after)."""
    current = fiscal_year(today)
    return sorted(
        {current} | {fy for fy in (DEMO_FISCAL_YEAR, DEMO_FISCAL_YEAR + 1) if fy < current}
    )


def ensure_records(today, organization, folders):
    records = InfoRecord.objects.for_organization(organization)
    divisions = {
        division.name: division for division in Division.objects.for_organization(organization)
    }
    specs = [spec for fy in demo_fiscal_years(today) for spec in record_specs(fy, today)]
    for number, (slug, title, published_on, period, division, summary) in enumerate(specs, start=1):
        category = folders.get(slug)
        title += SAMPLE
        if category is None or records.filter(category=category, title=title).exists():
            continue
        record = records.create(
            title=title,
            category=category,
            published_on=published_on,
            period_start=period[0] if period else None,
            period_end=period[1] if period else None,
            division=divisions.get(division),
            summary=summary,
        )
        document = sample_document(title, f"sample-{slug}-{number}.pdf")
        InfoRecordFile(record=record, document=document, sort_order=0).save()


def ensure_rulings(organization):
    rulings = CourtRuling.objects.for_organization(organization)
    for case_number, day, court, subject, summary in RULINGS:
        if rulings.filter(case_number=case_number).exists():
            continue
        rulings.create(
            case_number=case_number,
            ruling_date=day,
            court=court,
            subject=subject + SAMPLE,
            summary=summary,
            url=ADMIN_COURT_URL,
        )


def ensure_gift_register(today, organization):
    for fy in sorted({fiscal_year(today), min(DEMO_FISCAL_YEAR, fiscal_year(today))}):
        ensure_gifts_of(fy, today, organization)


def ensure_gifts_of(fy, today, organization):
    """Gifts entered in fiscal year `fy` and the one before."""
    last_start, _last_end = fiscal_year_bounds(fy - 1)
    start, _end = fiscal_year_bounds(fy)
    gifts = [
        (
            datetime.date(last_start.year + 1, 1, 3),
            "ห้างหุ้นส่วนจำกัด ตัวอย่างการค้า",
            "นายกองค์การบริหารส่วนตำบล",
            "กระเช้าผลไม้ เนื่องในเทศกาลปีใหม่",
            Decimal("1500.00"),
            GiftDisposal.KEPT_BY_ORGANIZATION,
            "นำไปมอบให้ศูนย์พัฒนาเด็กเล็ก",
        ),
        (
            datetime.date(last_start.year + 1, 4, 10),
            "บริษัท ตัวอย่างก่อสร้าง จำกัด",
            "ผู้อำนวยการกองช่าง",
            "บัตรกำนัลห้างสรรพสินค้า",
            Decimal("3000.00"),
            GiftDisposal.RETURNED,
            "",
        ),
        (
            min(start + datetime.timedelta(days=14), today),
            "ชมรมผู้สูงอายุตำบลพงษ์",
            "ปลัดองค์การบริหารส่วนตำบล",
            "ผ้าทอพื้นเมือง เนื่องในงานประเพณี",
            Decimal("500.00"),
            GiftDisposal.KEPT_BY_RECIPIENT,
            "มูลค่าไม่เกิน 3,000 บาท ตามประกาศ ป.ป.ช.",
        ),
    ]
    register = GiftRegisterEntry.objects.for_organization(organization)
    for received_on, giver, position, description, value, disposal, notes in gifts:
        description += SAMPLE
        if register.filter(fiscal_year=fiscal_year(received_on), description=description).exists():
            continue
        register.create(
            received_on=received_on,
            giver=giver,
            recipient_position=position,
            description=description,
            estimated_value=value,
            disposal=disposal,
            notes=notes,
        )


def anti_corruption_page(folders):
    page = AntiCorruptionPage(
        title="ปราบปรามทุจริต",
        slug="anti-corruption",
        intro="มาตรการป้องกันการทุจริตของ อบต.พงษ์ และช่องทางแจ้งเบาะแสการทุจริตและประพฤติมิชอบ",
        pledge=(
            "<p>(ตัวอย่าง) ข้าพเจ้า นายกองค์การบริหารส่วนตำบลพงษ์ ขอประกาศเจตจำนงว่าจะบริหารงาน"
            "ด้วยความซื่อสัตย์สุจริต โปร่งใส และตรวจสอบได้ ไม่กระทำการทุจริตและประพฤติมิชอบ "
            "และจะสนับสนุนให้บุคลากรทุกคนปฏิบัติหน้าที่ด้วยความสุจริต</p>"
        ),
        no_gift_policy=(
            "<p>(ตัวอย่าง) ผู้บริหารและบุคลากรของ อบต.พงษ์ ไม่รับของขวัญและของกำนัลทุกชนิด"
            "จากการปฏิบัติหน้าที่ (No Gift Policy) หากจำเป็นต้องรับตามประเพณี "
            "ต้องรายงานและลงทะเบียนไว้ในทะเบียนการรับของขวัญด้านล่าง</p>"
        ),
        nacc_url=NACC_URL.rstrip("/"),
        damrongdhamma_url=DAMRONGDHAMMA_URL,
        government_complaint_url=GOVERNMENT_COMPLAINT_URL,
    )
    page.topics = anti_corruption_topics(folders)
    return page


def build_infocenter_demo(home, today):
    """The three pages of the demo, by slug, for the home page's quick links.

    The demo's own texts of the pages go in first; the starter content then adds what every
    organization has and they lack (the ITA list and page), and the samples go into its folders.
    """
    organization = Organization.for_site(home.get_site())
    folders = ensure_folders(organization)
    info_center = add_page(
        home,
        InfoCenterPage(
            title="ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์",
            slug="infocenter",
            show_in_menus=True,
            intro="ข้อมูลข่าวสารของราชการตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540",
            body=(
                "<h2>การขอข้อมูลข่าวสารตามมาตรา 11</h2><p>ผู้ใดประสงค์จะขอข้อมูลข่าวสารอื่น "
                "ยื่นคำขอได้ที่สำนักปลัด อบต.พงษ์ ในวันและเวลาราชการ</p>"
            ),
        ),
    )
    rulings = add_page(
        home,
        CourtRulingsPage(
            title="คำพิพากษาของศาลปกครอง",
            slug="court-rulings",
            intro=("คำพิพากษาและคำสั่งของศาลปกครองที่เกี่ยวข้องกับการปฏิบัติงานขององค์กรปกครองส่วนท้องถิ่น"),
            body=(
                "<p>ค้นหาคำพิพากษาและคำสั่งฉบับเต็มได้ที่เว็บไซต์ของ"
                f'<a href="{ADMIN_COURT_URL}">สำนักงานศาลปกครอง</a></p>'
            ),
        ),
    )
    anti_corruption = add_page(home, anti_corruption_page(folders))
    ensure_starter_content(organization, home, today)
    ensure_records(today, organization, folders)
    ensure_rulings(organization)
    ensure_gift_register(today, organization)
    return {"infocenter": info_center, "court-rulings": rulings, "anti-corruption": anti_corruption}


def ensure_ita(site, home):
    """The built-in item lists, the public page of FY 2568, and the evidence the site already
    has linked as a clerk would from the dashboard (for FY 2568 and the current year's list of
    the starter content): so it runs after the rest of the demo."""
    organization = Organization.for_site(site)
    load_ita_items(organization)
    years = ItaYear.objects.for_organization(organization)
    year = years.get(fiscal_year=DEMO_FISCAL_YEAR)
    slug = f"ita-{DEMO_FISCAL_YEAR}"
    if not home.get_children().filter(slug=slug).exists():
        page = ItaYearPage(
            title=f"การประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. {DEMO_FISCAL_YEAR}",
            slug=slug,
            intro="ข้อมูลที่ อบต.พงษ์ เปิดเผยตามแบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) แต่ละข้อ",
            year=year,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
    for each in years.filter(fiscal_year__gte=DEMO_FISCAL_YEAR, pages__isnull=False).distinct():
        link_all_suggestions(each)
