"""Builds the demo organization. Every step finds what is already there before it creates anything,
so running it again changes nothing."""

import datetime
import random
import re
from pathlib import Path

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Page, Site

from tambon.cases.demo import ensure_case_pages, ensure_sample_cases
from tambon.core.models import FooterSettings, OrganizationSettings
from tambon.infocenter.demo import build_infocenter_demo
from tambon.infocenter.ita.demo import ensure_ita
from tambon.pages.models import (
    ContactPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SitemapPage,
    StandardPage,
)
from tambon.people.models import Division, OrgChartPage, PeopleIndexPage, PersonPage, Position
from tambon.procurement.demo import ensure_procurement
from tambon.stats.models import DailyPageViews, DailyVisits, VisitorCounterSettings

from . import content
from .images import placeholder_image
from .standard_pages import STANDARD_PAGES

SEED_NEWS_FILE = Path(__file__).with_name("seed_news.txt")
SEED_NEWS_DATE = datetime.date(2022, 3, 14)
HASHTAG = re.compile(r"#(\S+)")
DEMO_HISTORY_DAYS = 800
DEMO_PAGE_HISTORY_DAYS = 90
DEMO_TOP_PATHS = ["/", "/news/", "/news/community-plan-2565/", "/people/", "/contact/"]


def child_by_slug(parent, slug):
    return parent.get_children().filter(slug=slug).specific().first()


def add_page(parent, page):
    """Add `page` under `parent` unless a child with its slug exists; publish it with a revision."""
    existing = child_by_slug(parent, page.slug)
    if existing:
        return existing
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home():
    """The default site's root becomes the demo HomePage (replacing Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, slug="home").first()
    site = Site.objects.filter(is_default_site=True).first()
    if home is None:
        placeholder = child_by_slug(root, "home")
        if placeholder is not None:  # Wagtail's "Welcome to your new Wagtail site!" page
            placeholder.slug = "wagtail-welcome"
            placeholder.save()
        home = HomePage(
            title="หน้าแรก",
            slug="home",
            welcome_title=content.WELCOME,
            seo_title=content.ORGANIZATION["name"],
            summary="เว็บไซต์ทางการของ" + content.ORGANIZATION["name"] + " จังหวัดน่าน",
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        if placeholder is not None:
            if site and site.root_page_id == placeholder.pk:
                site.root_page = home
                site.save()
            placeholder.delete()
    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=content.ORGANIZATION["short_name"],
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    if not site.site_name:
        site.site_name = content.ORGANIZATION["short_name"]
        site.save()
    return site, home


def ensure_organization(site):
    settings = OrganizationSettings.for_site(site)
    if settings.name:
        return settings
    for field, value in content.ORGANIZATION.items():
        setattr(settings, field, value)
    settings.logo = placeholder_image(
        "ตราสัญลักษณ์ อบต.พงษ์ (ภาพตัวอย่าง)", "emblem", "ตราสัญลักษณ์ อบต.พงษ์"
    )
    settings.save()
    return settings


def ensure_standard_pages(home):
    pages = {}
    for slug, (title, in_menu, intro, body) in STANDARD_PAGES.items():
        pages[slug] = add_page(
            home,
            StandardPage(
                title=title,
                slug=slug,
                show_in_menus=in_menu,
                intro=intro,
                summary=intro,
                body=[("rich_text", body)],
            ),
        )
    return pages


def seed_news_post():
    title, body = SEED_NEWS_FILE.read_text(encoding="utf-8").splitlines()[:2]
    return title, body, HASHTAG.findall(body)


def ensure_news(home):
    index = add_page(
        home,
        NewsIndexPage(
            title="ข่าวสาร",
            slug="news",
            show_in_menus=True,
            intro="ข่าวประชาสัมพันธ์ ภารกิจผู้บริหาร และกิจกรรมของ อบต.พงษ์",
        ),
    )
    cover = placeholder_image(
        "ภาพตัวอย่าง ทิวทัศน์ตำบลพงษ์", "landscape", "ภาพตัวอย่าง ทิวเขาและทุ่งนาของตำบลพงษ์"
    )
    title, body, hashtags = seed_news_post()
    if not child_by_slug(index, "community-plan-2565"):
        post = NewsPage(
            title=title,
            slug="community-plan-2565",
            date=SEED_NEWS_DATE,
            category="news",
            summary=body[:150] + "…",
            body=[("rich_text", f"<p>{escape(body)}</p>")],
            cover_image=cover,
        )
        post.tags.add(*hashtags)
        add_page(index, post)
    for slug, category, date, post_title, text in content.MORE_NEWS:
        add_page(
            index,
            NewsPage(
                title=post_title,
                slug=slug,
                date=date,
                category=category,
                summary=text[:150],
                body=[("rich_text", f"<p>{escape(text)}</p>")],
                cover_image=cover,
            ),
        )
    return index


def ensure_people(home):
    divisions = {}
    for name, description, order in content.DIVISIONS:
        divisions[name], _ = Division.objects.get_or_create(
            name=name, defaults={"description": description, "sort_order": order}
        )
    positions = {}
    for title, group, rank, is_head in content.POSITIONS:
        positions[title], _ = Position.objects.get_or_create(
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
    for order, (slug, prefix, name, position, division, phone, email) in enumerate(content.PEOPLE):
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


def ensure_quick_links(home, pages, people, news, org):
    if home.quick_links:
        return
    links = [
        ("แจ้งเรื่องร้องเรียนสายผู้บริหาร", "", "megaphone", None, content.EXECUTIVE_LINE_URL),
        ("ภารกิจผู้บริหาร", "", "calendar", None, news.category_url("executive")),
        ("ปลัด", "ปลัด อบต.พงษ์", "person", people["chief-administrator"], ""),
        ("ปปช", "สำนักงาน ป.ป.ช.", "shield", None, content.NACC_URL),
        ("ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์", "", "folder", pages["infocenter"], ""),
        ("คำพิพากษาของศาลปกครอง", "", "scales", pages["court-rulings"], ""),
        ("ปราบปรามทุจริต", "", "hand", pages["anti-corruption"], ""),
        ("facebook", "เพจ อบต.พงษ์", "facebook", None, org.facebook_url),
        ("ศูนย์ดำรงธรรม", "สายด่วน 1567", "phone", None, content.DAMRONGDHAMMA_URL),
    ]
    home.quick_links = [
        (
            "link",
            {
                "label": label,
                "description": description,
                "icon": icon,
                "link": {"page": page, "address": address},
            },
        )
        for label, description, icon, page, address in links
    ]
    home.save_revision().publish()


def ensure_footer(site, pages, sitemap):
    footer = FooterSettings.for_site(site)
    if footer.links:
        return
    footer.links = [
        ("link", {"label": page.title, "link": {"page": page, "address": ""}})
        for page in (pages["privacy"], pages["cookies"], pages["accessibility"], sitemap)
    ]
    footer.save()


def ensure_visitor_history(site, today):
    """Counter settings as the old site had them, and plausible daily rows for the demo."""
    settings = VisitorCounterSettings.for_site(site)
    if settings.counted_since is None:
        settings.counted_since = content.COUNTED_SINCE
        settings.baseline_visits = content.BASELINE_VISITS
        settings.save()
    if DailyVisits.objects.filter(site=site).exists():
        return
    rng = random.Random(2563)  # noqa: S311 - sample figures, not security
    days, pages = [], []
    for offset in range(DEMO_HISTORY_DAYS, 0, -1):
        day = today - datetime.timedelta(days=offset)
        visits = rng.randint(20, 90)
        # Five pages each seen by a quarter to all of the day's visitors: views >= visits.
        views = {path: rng.randint(visits // 4 + 1, visits) for path in DEMO_TOP_PATHS}
        days.append(DailyVisits(site=site, day=day, visits=visits, page_views=sum(views.values())))
        if offset <= DEMO_PAGE_HISTORY_DAYS:
            pages += [
                DailyPageViews(site=site, day=day, path=path, views=count)
                for path, count in views.items()
            ]
    DailyVisits.objects.bulk_create(days)
    DailyPageViews.objects.bulk_create(pages)


@transaction.atomic
def build_demo_site(today):
    site, home = ensure_home()
    org = ensure_organization(site)
    pages = ensure_standard_pages(home)
    news = ensure_news(home)
    directory, people = ensure_people(home)
    add_page(
        home,
        ContactPage(
            title="ติดต่อเรา",
            slug="contact",
            show_in_menus=True,
            intro="ติดต่อ อบต.พงษ์ ได้ตามช่องทางด้านล่าง ในวันและเวลาราชการ",
        ),
    )
    ensure_procurement(home, today)
    sitemap = add_page(home, SitemapPage(title="แผนผังเว็บไซต์", slug="sitemap"))
    pages.update(build_infocenter_demo(home, today))
    ensure_quick_links(home, pages, people, news, org)
    ensure_footer(site, pages, sitemap)
    ensure_visitor_history(site, today)
    ensure_sample_cases(today)
    ensure_case_pages(home)
    # Last: the ITA evidence is found among everything built above.
    ensure_ita(site, home)
    return site
