"""What community planning gives a new organization: development strategies and project
categories typical of a local government's plan, so that residents can file proposals at once.
Only when the organization has none of them; its clerk renames, adds or removes them in the
admin. Villages are not made here: their numbers and names are the area's own, which the clerk
enters (docs/admin-guide-th.md)."""

from .models import Category, Strategy

# The strategies of a typical อปท. plan, in the plan's order.
STRATEGIES = [
    "การพัฒนาด้านโครงสร้างพื้นฐาน",
    "การพัฒนาด้านเศรษฐกิจและส่งเสริมอาชีพ",
    "การพัฒนาด้านคุณภาพชีวิตและสังคม",
    "การพัฒนาด้านการศึกษา ศาสนา และวัฒนธรรม",
    "การพัฒนาด้านทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    "การพัฒนาด้านการบริหารจัดการบ้านเมืองที่ดี",
]

CATEGORIES = [
    "ถนนและทางระบายน้ำ",
    "ประปาและแหล่งน้ำ",
    "ไฟฟ้าและแสงสว่าง",
    "การเกษตรและอาชีพ",
    "สุขภาพและผู้สูงอายุ",
    "การศึกษาและเด็กเล็ก",
    "ศาสนา ประเพณี และกีฬา",
    "ขยะและสิ่งแวดล้อม",
    "ความปลอดภัยและป้องกันภัย",
]


def ensure_starter_content(organization, home=None, today=None):
    """The strategies and the categories, each list only if the organization has none yet;
    `home` and `today` are those every app's starter is given and are not needed here."""
    strategies = Strategy.objects.for_organization(organization)
    if not strategies.exists():
        for number, name in enumerate(STRATEGIES, start=1):
            strategies.create(number=number, name=name)
    categories = Category.objects.for_organization(organization)
    if not categories.exists():
        for name in CATEGORIES:
            categories.create(name=name)
