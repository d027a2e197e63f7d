"""Sample e-service request types for the demo organization. Each is created once, by its
address name, so running the demo again changes nothing an editor has edited."""

from tambon.people.models import Division

from .models import ServiceDocument, ServiceField, ServiceType

ID_CARD = ("สำเนาบัตรประจำตัวประชาชน", "")
HOUSE_REGISTRATION = ("สำเนาทะเบียนบ้าน", "")
TEXT, NUMBER, DATE, CHOICE = (k.value for k in ServiceField.Kind)

# (slug, name, description, division, days, documents, fields (label, kind, required, choices,
# help text))
SERVICE_TYPES = [
    (
        "water-delivery",
        "ขอรับน้ำอุปโภคบริโภค",
        "บริการส่งน้ำอุปโภคบริโภคให้ครัวเรือนที่ขาดแคลนน้ำในฤดูแล้ง ไม่เสียค่าใช้จ่าย",
        "สำนักปลัด",
        3,
        [ID_CARD],
        [
            ("จำนวนสมาชิกในครัวเรือน (คน)", NUMBER, True, "", ""),
            ("ปริมาณน้ำที่ต้องการ", CHOICE, True, "1,000 ลิตร\n2,000 ลิตร\n6,000 ลิตร", ""),
            ("วันที่สะดวกรับน้ำ", DATE, False, "", "วัน/เดือน/ปี พ.ศ."),
        ],
    ),
    (
        "tree-cutting",
        "ขออนุญาตตัดต้นไม้",
        "ขอให้ อบต. ตัดหรือตัดแต่งต้นไม้ที่อาจเป็นอันตรายต่อบ้านเรือนหรือสายไฟ",
        "กองช่าง",
        15,
        [ID_CARD, ("ภาพถ่ายต้นไม้", "ถ่ายให้เห็นต้นไม้ทั้งต้นและสิ่งที่อยู่ใกล้")],
        [
            ("ชนิดของต้นไม้", TEXT, True, "", "เช่น มะม่วง ยางนา"),
            ("ความสูงโดยประมาณ (เมตร)", NUMBER, False, "", ""),
            ("ต้นไม้อยู่ในที่ดินของ", CHOICE, True, "ผู้ยื่นคำขอ\nที่สาธารณะ\nผู้อื่น", ""),
        ],
    ),
    (
        "garbage-bin",
        "ขอถังขยะ",
        "ขอรับถังขยะสำหรับครัวเรือนหรือร้านค้า ตามจำนวนที่ อบต. มีให้บริการ",
        "สำนักปลัด",
        7,
        [HOUSE_REGISTRATION],
        [("จำนวนถังที่ต้องการ", NUMBER, True, "", "")],
    ),
    (
        "elderly-allowance",
        "ลงทะเบียนเบี้ยยังชีพผู้สูงอายุ",
        "ผู้ที่จะมีอายุครบ 60 ปีในปีงบประมาณถัดไป ลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุ",
        "สำนักปลัด",
        30,
        [ID_CARD, HOUSE_REGISTRATION, ("สำเนาสมุดบัญชีเงินฝากธนาคาร", "")],
        [
            ("วันเกิด", DATE, True, "", "วัน/เดือน/ปี พ.ศ. เช่น 14/03/2508"),
            ("รับเงินทาง", CHOICE, True, "โอนเข้าบัญชีธนาคาร\nรับเงินสด", ""),
        ],
    ),
]


def ensure_service_types():
    for order, (slug, name, description, division_name, days, documents, fields) in enumerate(
        SERVICE_TYPES
    ):
        if ServiceType.objects.filter(slug=slug).exists():
            continue
        service = ServiceType.objects.create(
            slug=slug,
            name=name,
            description=description,
            division=Division.objects.filter(name=division_name).first(),
            resolve_days=days,
            sort_order=order,
        )
        for position, (document, help_text) in enumerate(documents):
            ServiceDocument.objects.create(
                service_type=service, name=document, help_text=help_text, sort_order=position
            )
        for position, (label, kind, required, choices, help_text) in enumerate(fields):
            ServiceField.objects.create(
                service_type=service,
                label=label,
                kind=kind,
                required=required,
                choices=choices,
                help_text=help_text,
                sort_order=position,
            )
