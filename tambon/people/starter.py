"""What a new organization's people directory starts with (tambon/composition/organizations.py
builds it): the directory and organization chart pages, the divisions every local government
has, and the positions of its executives, council and staff, titled for its kind (นายก
องค์การบริหารส่วนตำบล, นายกเทศมนตรี...). No person: the clerk adds them. Every step looks before
it creates, so building again changes nothing. The demo (demo.py) builds on these too."""

from tambon.core.demo import add_page
from tambon.core.models import Organization

from .models import Division, OrgChartPage, PeopleIndexPage, Position

Kind = Organization.Kind
MUNICIPALITIES = (Kind.SUBDISTRICT_MUNICIPALITY, Kind.TOWN_MUNICIPALITY, Kind.CITY_MUNICIPALITY)

# (name, duties, order)
DIVISIONS = [
    ("สำนักปลัด", "งานบริหารทั่วไป งานนโยบายและแผน งานป้องกันและบรรเทาสาธารณภัย", 1),
    ("กองคลัง", "งานการเงิน บัญชี พัสดุ และจัดเก็บรายได้", 2),
    ("กองช่าง", "งานก่อสร้าง ซ่อมบำรุงถนน ไฟฟ้าสาธารณะ และแหล่งน้ำ", 3),
]


def _bodies(kind):
    """What the executive and the council (and the chief administrator) are "of", by kind."""
    if kind in MUNICIPALITIES:
        return "เทศมนตรี", "เทศบาล"
    if kind == Kind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION:
        return "องค์การบริหารส่วนจังหวัด", "องค์การบริหารส่วนจังหวัด"
    return "องค์การบริหารส่วนตำบล", "องค์การบริหารส่วนตำบล"


def positions(kind):
    """(title, group, rank, heads a division) of the positions every organization of `kind` has."""
    executive, council = _bodies(kind)
    return [
        (f"นายก{executive}", "executive", 1, False),
        (f"รองนายก{executive}", "executive", 2, False),
        (f"เลขานุการนายก{executive}", "executive", 3, False),
        (f"ประธานสภา{council}", "council", 10, False),
        (f"รองประธานสภา{council}", "council", 11, False),
        (f"เลขานุการสภา{council}", "council", 12, False),
        (f"สมาชิกสภา{council}", "council", 13, False),
        (f"ปลัด{council}", "staff", 20, False),
        (f"รองปลัด{council}", "staff", 21, False),
        ("หัวหน้าสำนักปลัด", "staff", 30, True),
        ("ผู้อำนวยการกองคลัง", "staff", 30, True),
        ("ผู้อำนวยการกองช่าง", "staff", 30, True),
    ]


def ensure_divisions(organization, divisions=DIVISIONS):
    """{name: Division} of these (name, duties, order), made where missing."""
    made = {}
    for name, description, order in divisions:
        made[name], _ = Division.objects.for_organization(organization).get_or_create(
            name=name, defaults={"description": description, "sort_order": order}
        )
    return made


def ensure_positions(organization, titles):
    """{title: Position} of these (title, group, rank, heads a division), made where missing."""
    made = {}
    for title, group, rank, is_head in titles:
        made[title], _ = Position.objects.for_organization(organization).get_or_create(
            title=title, defaults={"group": group, "rank": rank, "is_head": is_head}
        )
    return made


def ensure_directory(home, organization, intro=None):
    """The people directory with the organization chart under it."""
    short = organization.short_name
    directory = add_page(
        home,
        PeopleIndexPage(
            title="บุคลากร",
            slug="people",
            show_in_menus=True,
            intro=intro or f"คณะผู้บริหาร สมาชิกสภา และพนักงานของ {short}",
        ),
    )
    add_page(
        directory,
        OrgChartPage(
            title="โครงสร้างองค์กร",
            slug="org-chart",
            intro=f"โครงสร้างการแบ่งส่วนราชการของ {short}",
        ),
    )
    return directory


def ensure_starter_content(organization, home, today):
    """The divisions, the positions of the organization's kind, the directory and its chart."""
    ensure_divisions(organization)
    ensure_positions(organization, positions(organization.kind))
    ensure_directory(home, organization)
