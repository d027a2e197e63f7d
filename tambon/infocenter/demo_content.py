"""What the demo's information center holds: records per folder and sample court rulings.
Every title is marked as a sample by the demo builder (tambon/infocenter/demo.py)."""

import datetime

from tambon.thai.fiscal import fiscal_year_bounds

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
