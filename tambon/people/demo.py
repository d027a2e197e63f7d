"""The demo organization's divisions, positions and sample people (names are samples, photos
are drawn placeholders), with the directory and the organization chart."""

from tambon.core.demo import add_page, placeholder_image
from tambon.core.models import Organization

from .models import Division, OrgChartPage, PeopleIndexPage, PersonPage, Position

DIVISIONS = [
    ("สำนักปลัด", "งานบริหารทั่วไป งานนโยบายและแผน งานป้องกันและบรรเทาสาธารณภัย", 1),
    ("กองคลัง", "งานการเงิน บัญชี พัสดุ และจัดเก็บรายได้", 2),
    ("กองช่าง", "งานก่อสร้าง ซ่อมบำรุงถนน ไฟฟ้าสาธารณะ และแหล่งน้ำ", 3),
    ("กองการศึกษา ศาสนาและวัฒนธรรม", "ศูนย์พัฒนาเด็กเล็ก งานประเพณีและวัฒนธรรม", 4),
]

# (title, group, rank, heads a division)
POSITIONS = [
    ("นายกองค์การบริหารส่วนตำบล", "executive", 1, False),
    ("รองนายกองค์การบริหารส่วนตำบล", "executive", 2, False),
    ("เลขานุการนายกองค์การบริหารส่วนตำบล", "executive", 3, False),
    ("ประธานสภาองค์การบริหารส่วนตำบล", "council", 10, False),
    ("รองประธานสภาองค์การบริหารส่วนตำบล", "council", 11, False),
    ("เลขานุการสภาองค์การบริหารส่วนตำบล", "council", 12, False),
    ("สมาชิกสภาองค์การบริหารส่วนตำบล", "council", 13, False),
    ("ปลัดองค์การบริหารส่วนตำบล", "staff", 20, False),
    ("รองปลัดองค์การบริหารส่วนตำบล", "staff", 21, False),
    ("หัวหน้าสำนักปลัด", "staff", 30, True),
    ("ผู้อำนวยการกองคลัง", "staff", 30, True),
    ("ผู้อำนวยการกองช่าง", "staff", 30, True),
    ("ผู้อำนวยการกองการศึกษา ศาสนาและวัฒนธรรม", "staff", 30, True),
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


def ensure_people(home):
    organization = Organization.for_site(home.get_site())
    divisions = {}
    for name, description, order in DIVISIONS:
        divisions[name], _ = Division.objects.for_organization(organization).get_or_create(
            name=name, defaults={"description": description, "sort_order": order}
        )
    positions = {}
    for title, group, rank, is_head in POSITIONS:
        positions[title], _ = Position.objects.for_organization(organization).get_or_create(
            title=title, defaults={"group": group, "rank": rank, "is_head": is_head}
        )
    directory = add_page(
        home,
        PeopleIndexPage(
            title="บุคลากร",
            slug="people",
            show_in_menus=True,
            intro="คณะผู้บริหาร สมาชิกสภา และพนักงานของ อบต.พงษ์ (รายชื่อตัวอย่าง)",
        ),
    )
    add_page(
        directory,
        OrgChartPage(
            title="โครงสร้างองค์กร",
            slug="org-chart",
            intro="โครงสร้างการแบ่งส่วนราชการของ อบต.พงษ์",
        ),
    )
    people = {}
    for order, (slug, prefix, name, position, division, phone, email) in enumerate(PEOPLE):
        photo = placeholder_image("ภาพบุคคลตัวอย่าง", "person", "ภาพบุคคลตัวอย่าง")
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
