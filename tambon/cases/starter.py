"""What the cases app gives a new organization: the complaint categories and the e-service
request types (with their documents and fields) it starts with. Its editors change them in the
admin afterwards; running the starter again changes nothing (each row is looked for first).
The staff groups are not made here (they come with the organization's groups)."""

from tambon.people.models import Division

from .models import CaseKind, Category, ServiceDocument, ServiceField, ServiceType

COMPLAINT_CATEGORIES = [
    "ถนน ทางเท้า และสะพาน",
    "ไฟฟ้าส่องสว่าง",
    "น้ำประปาและแหล่งน้ำ",
    "ขยะและความสะอาด",
    "เหตุเดือดร้อนรำคาญ",
    "สาธารณสุขและสิ่งแวดล้อม",
    "อื่น ๆ",
]

ID_CARD = ("สำเนาบัตรประจำตัวประชาชน", "")
HOUSE_REGISTRATION = ("สำเนาทะเบียนบ้าน", "")
TEXT, NUMBER, DATE, CHOICE = (k.value for k in ServiceField.Kind)
# Where a description names the organization: its short name (อบต.พงษ์, เทศบาลตำบล...).
ORGANIZATION = "{organization}"

# (slug, name, description, division, days, documents, fields (label, kind, required, choices,
# help text)). The division is the organization's of that name, if it has one.
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
        f"ขอให้ {ORGANIZATION} ตัดหรือตัดแต่งต้นไม้ที่อาจเป็นอันตรายต่อบ้านเรือนหรือสายไฟ",
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
        f"ขอรับถังขยะสำหรับครัวเรือนหรือร้านค้า ตามจำนวนที่ {ORGANIZATION} มีให้บริการ",
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


def ensure_starter_content(organization, home=None, today=None):
    """The categories and e-service types `organization` starts with. `home` (its home page)
    and `today` are those every app's starter is given; the cases need neither. Give the
    organization its divisions first: the types are routed to them by name."""
    ensure_categories(organization)
    ensure_service_types(organization)


def ensure_categories(organization):
    categories = Category.objects.for_organization(organization)
    for order, name in enumerate(COMPLAINT_CATEGORIES):
        categories.get_or_create(kind=CaseKind.COMPLAINT, name=name, defaults={"sort_order": order})


def ensure_service_types(organization):
    """Each type once, by its address name: an editor's changes to it are kept."""
    service_types = ServiceType.objects.for_organization(organization)
    divisions = Division.objects.for_organization(organization)
    short_name = organization.short_name or "หน่วยงาน"
    for order, (slug, name, description, division_name, days, documents, fields) in enumerate(
        SERVICE_TYPES
    ):
        if service_types.filter(slug=slug).exists():
            continue
        service = service_types.create(
            slug=slug,
            name=name,
            description=description.format(organization=short_name),
            division=divisions.filter(name=division_name).first(),
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
