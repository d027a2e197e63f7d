"""Builds the demo's two organizations: อบต.พงษ์ จังหวัดน่าน from each app's own demo steps, and
a smaller เทศบาลตำบลบ้านแฮด จังหวัดขอนแก่น made like any new organization (organizations.py).

Each app keeps its demo content in its `demo.py`; this module only calls them in order and hands
one app's pages to another where the demo links them (the home page's quick links, the footer).
It is the one place besides urls.py that knows every app. Every step finds what is already there
before it creates anything, so running it again changes nothing.
"""

import datetime
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse

from tambon.cases import demo as cases_demo
from tambon.core import demo as core_demo
from tambon.core import memberships
from tambon.core.models import Organization, Role
from tambon.infocenter import demo as infocenter_demo
from tambon.pages import demo as pages_demo
from tambon.participation import demo as participation_demo
from tambon.people import demo as people_demo
from tambon.procurement import demo as procurement_demo
from tambon.stats import demo as stats_demo

from . import organizations, service_links

# The seed news post is about the village forums: it ends with a link to the plan they feed.
CYCLE_LINK = "ติดตามแผนพัฒนาท้องถิ่น ข้อเสนอของแต่ละหมู่บ้าน และความคืบหน้าของโครงการ"

# The executives' complaint line is the public form of the cases app.
EXECUTIVE_LINE_URL = "/cases/new/executive/"


def quick_links(pages, people, news, org):
    """The nine quick links of the organization's old home page, to pages of several apps."""
    return [
        ("แจ้งเรื่องร้องเรียนสายผู้บริหาร", "", "megaphone", None, EXECUTIVE_LINE_URL),
        ("ภารกิจผู้บริหาร", "", "calendar", None, news.category_url("executive")),
        ("ปลัด", "ปลัด อบต.พงษ์", "person", people["chief-administrator"], ""),
        ("ปปช", "สำนักงาน ป.ป.ช.", "shield", None, core_demo.NACC_URL),
        ("ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์", "", "folder", pages["infocenter"], ""),
        ("คำพิพากษาของศาลปกครอง", "", "scales", pages["court-rulings"], ""),
        ("ปราบปรามทุจริต", "", "hand", pages["anti-corruption"], ""),
        ("facebook", "เพจ อบต.พงษ์", "facebook", None, org.facebook_url),
        ("ศูนย์ดำรงธรรม", "สายด่วน 1567", "phone", None, core_demo.DAMRONGDHAMMA_URL),
    ]


@transaction.atomic
def build_demo_site(today):
    site, home = pages_demo.ensure_home()
    org = core_demo.ensure_organization(site)
    memberships.ensure_role_groups(org)
    pages = pages_demo.ensure_standard_pages(home)
    news = pages_demo.ensure_news(home)
    _directory, people = people_demo.ensure_people(home)
    pages_demo.ensure_contact_page(home)
    procurement_demo.ensure_procurement(home, today)
    sitemap = pages_demo.ensure_sitemap(home)
    pages.update(infocenter_demo.build_infocenter_demo(home, today))
    pages_demo.ensure_quick_links(home, quick_links(pages, people, news, org))
    service_links.ensure_service_links(org, home, today)
    core_demo.ensure_footer(
        site, [pages["privacy"], pages["cookies"], pages["accessibility"], sitemap]
    )
    stats_demo.ensure_visitor_history(site, today)
    cases_demo.ensure_sample_cases(today, org)
    cases_demo.ensure_case_pages(home, text_page=pages_demo.standard_page)
    cycle = participation_demo.ensure_participation(org, today)
    pages_demo.link_seed_news(news, reverse("participation:cycle", args=[cycle.pk]), CYCLE_LINK)
    # Last: the ITA evidence is found among everything built above.
    infocenter_demo.ensure_ita(site, home)
    core_demo.move_shared_media_to(org.collection)
    return site


# The second organization: another kind, another province, at http://banhaet.localhost:8000/
# (any name under .localhost reaches this machine), with two news posts.
SECOND_ORGANIZATION = {
    "domain": "banhaet.localhost:8000",
    "area_code": "402401",  # ตำบลบ้านแฮด อำเภอบ้านแฮด จังหวัดขอนแก่น
    "kind": Organization.Kind.SUBDISTRICT_MUNICIPALITY,
}
SECOND_NEWS = [
    (
        "market-day",
        "news",
        datetime.date(2026, 11, 3),
        "ประชาสัมพันธ์ตลาดนัดชุมชนทุกวันเสาร์ หน้าสำนักงานเทศบาลตำบลบ้านแฮด",
        "ทต.บ้านแฮด ขอเชิญชวนประชาชนร่วมจับจ่ายสินค้าชุมชนและผลผลิตทางการเกษตร "
        "ทุกวันเสาร์ เวลา 06.00 - 12.00 น. หน้าสำนักงานเทศบาล (ข่าวตัวอย่าง)",
    ),
    (
        "mayor-road-repair",
        "executive",
        datetime.date(2026, 10, 20),
        "นายกเทศมนตรีตำบลบ้านแฮด ตรวจติดตามการซ่อมแซมถนนในเขตเทศบาล",
        "นายกเทศมนตรีตำบลบ้านแฮด พร้อมกองช่าง ลงพื้นที่ตรวจติดตามการซ่อมแซมผิวถนน "
        "ในเขตเทศบาล เพื่อความปลอดภัยในการสัญจรของประชาชน (ข่าวตัวอย่าง)",
    ),
]


@transaction.atomic
def build_second_organization(today):
    new = organizations.check(**SECOND_ORGANIZATION)
    built = organizations.build(new, today)
    news = core_demo.child_by_slug(built.site.root_page, "news")
    pages_demo.add_news_posts(news, SECOND_NEWS)
    participation_demo.ensure_participation(
        built.organization, today, participation_demo.SECOND_VILLAGE_NAMES
    )
    return built.organization


# --- Demo sign-ins (make run): one administrator per organization, and an operator --------------

DEMO_PASSWORDS = {  # public on purpose: printed by make run, development only
    "admin": "pong-demo-2565",
    "banhaet-admin": "banhaet-demo-2569",
    "operator": "operator-demo-2569",
}
OPERATORS_GROUP = "ผู้ให้บริการแพลตฟอร์ม (ตัวอย่าง)"


def ensure_demo_logins(pong, second):
    """[(what, admin URL, username, password or where it comes from)], made where missing.
    TAMBON_DEMO_ADMIN_PASSWORD, if set, is every demo user's password (and is never shown)."""
    chosen = os.environ.get("TAMBON_DEMO_ADMIN_PASSWORD")
    logins = [
        (pong.short_name, "http://127.0.0.1:8000/admin/", "admin", pong),
        (
            second.short_name,
            f"http://{SECOND_ORGANIZATION['domain']}/admin/",
            "banhaet-admin",
            second,
        ),
        ("Operator (adds organizations)", "http://127.0.0.1:8000/admin/", "operator", None),
    ]
    shown = []
    for label, url, username, organization in logins:
        user = _demo_user(username, chosen or DEMO_PASSWORDS[username])
        if organization is not None:
            memberships.add_member(user, organization, Role.ADMINISTRATOR)
        else:
            user.groups.add(_operators_group())
        shown.append(
            (
                label,
                url,
                username,
                "(TAMBON_DEMO_ADMIN_PASSWORD)" if chosen else DEMO_PASSWORDS[username],
            )
        )
    return shown


def _demo_user(username, password):
    user_model = get_user_model()
    user = user_model.objects.filter(username=username).first()
    if user is None:
        user = user_model.objects.create_user(
            username, f"{username}@demo.example", password, first_name="ผู้ดูแลระบบ"
        )
    return user


def _operators_group():
    """Platform-wide (no organization's): may enter the admin and add organizations."""
    group, created = Group.objects.get_or_create(name=OPERATORS_GROUP)
    if created:
        group.permissions.set(
            Permission.objects.filter(
                content_type__app_label__in=["wagtailadmin", "core"],
                codename__in=["access_admin", "add_organization"],
            )
        )
    return group
