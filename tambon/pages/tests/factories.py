"""Factories of the page types of ``pages``; ``organization_site``: the smallest site a public
page can be rendered on; ``town_pages``: one page of each kind a visitor meets on that site."""

import datetime
from types import SimpleNamespace

import factory
from wagtail.models import Page, Site

from tambon.core.models import FooterSettings, Organization
from tambon.core.tests.factories import (
    FooterSettingsFactory,
    ImageFactory,
    OrganizationFactory,
    PageFactory,
    clear_page_tree,
    make_default_site,
)
from tambon.pages.models import (
    ContactPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SitemapPage,
    StandardPage,
)
from tambon.people.models import PositionGroup
from tambon.people.tests.factories import (
    DivisionFactory,
    OrgChartPageFactory,
    PeopleIndexPageFactory,
    PersonPageFactory,
    PositionFactory,
)
from tambon.stats.tests.factories import VisitorCounterSettingsFactory


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "หน้าแรก"
    slug = "home"
    welcome_title = "ยินดีต้อนรับสู่เว็บไซต์ทดสอบ"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = factory.LazyAttribute(lambda page: f"บทนำของ{page.title}")


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "ข่าวสาร"
    slug = "news"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"ข่าวทดสอบ {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = datetime.date(2024, 5, 1)
    category = "news"
    body = factory.LazyAttribute(lambda post: [("rich_text", f"<p>เนื้อหาของ{post.title}</p>")])


class ContactPageFactory(PageFactory):
    class Meta:
        model = ContactPage

    title = "ติดต่อเรา"
    slug = "contact"


def organization_site(**organization):
    """The default Site with a HomePage as its root, its organization and its footer settings.
    ``organization`` overrides fields of Organization (name, phone, ...)."""
    clear_page_tree()
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = make_default_site(home)
    OrganizationFactory(site=site, **organization)
    FooterSettingsFactory(site=site)
    return site


def second_organization_site(hostname="127.0.0.1", **organization):
    """Another organization beside the default one: its own Site (``hostname``), home page,
    organization and footer settings."""
    home = HomePageFactory(
        parent=Page.get_first_root_node(), slug=f"home-{hostname.replace('.', '-')}"
    )
    site = Site.objects.create(hostname=hostname, port=80, root_page=home, site_name="อบต.อื่น")
    fields = {"name": "องค์การบริหารส่วนตำบลอื่น", "short_name": "อบต.อื่น"} | organization
    OrganizationFactory(site=site, **fields)
    FooterSettingsFactory(site=site)
    return site


class SitemapPageFactory(PageFactory):
    class Meta:
        model = SitemapPage

    title = "แผนผังเว็บไซต์"
    slug = "sitemap"


def town_pages(site):
    """Under ``site``'s home page, each page a visitor meets, filled with what it shows: text
    pages, a news index with a tagged post (with a cover picture) and an executive's activity,
    the people directory with its organization chart, the contact page and the site map; the
    home page's quick links, the footer's links, the organization's map location, Facebook page
    and opening hours, and the date the visitor counter counts from."""
    home = site.root_page.specific
    town = SimpleNamespace(site=site, home=home)

    org = Organization.objects.get(site=site)
    org.address = "เลขที่ 7 หมู่ที่ 2 ตำบลทดสอบ อำเภอเมืองทดสอบ จังหวัดน่าน"
    org.latitude, org.longitude = "18.780000", "100.770000"
    org.facebook_url = "https://www.facebook.com/tambon.test.example"
    org.opening_hours = "วันจันทร์ - วันศุกร์ เวลา 08.00 - 16.00 น."
    org.save()
    VisitorCounterSettingsFactory(site=site, counted_since=datetime.date(2021, 7, 9))

    town.about = StandardPageFactory(
        parent=home, title="เกี่ยวกับ อบต.ทดสอบ", slug="about", show_in_menus=True
    )
    town.news = NewsIndexPageFactory(parent=home, show_in_menus=True)
    town.tagged_post = NewsPageFactory(
        parent=town.news,
        title="โครงการประชาคมหมู่บ้านทดสอบ ประจำปีงบประมาณ พ.ศ. 2568",
        slug="village-forum-2568",
        date=datetime.date(2025, 2, 3),
        category="news",
        tags=["ขอบคุณชาวบ้านทุกหมู่"],
        body=[("rich_text", "<p>อบต.ทดสอบ จัดเวที ประชาคมหมู่บ้าน เพื่อรับฟังความต้องการ</p>")],
        cover_image=ImageFactory(title="ภาพปกข่าวประชาคม"),
    )
    town.activity = NewsPageFactory(
        parent=town.news,
        title="นายก อบต.ทดสอบ ตรวจเยี่ยมศูนย์พัฒนาเด็กเล็ก",
        slug="mayor-visits-nursery",
        date=datetime.date(2025, 6, 10),
        category="executive",
    )

    town.people = PeopleIndexPageFactory(parent=home, show_in_menus=True)
    town.org_chart = OrgChartPageFactory(parent=town.people)
    # Made before the office that comes first, so the chart must sort them by their order.
    works = DivisionFactory(name="กองช่าง", sort_order=3, organization=org)
    DivisionFactory(name="สำนักปลัด", sort_order=1, organization=org)
    town.mayor = PersonPageFactory(
        parent=town.people,
        title="ใจดี ทดสอบ",
        slug="mayor",
        position=PositionFactory(
            title="นายกองค์การบริหารส่วนตำบล", group=PositionGroup.EXECUTIVE, rank=1
        ),
    )
    town.council_chair = PersonPageFactory(
        parent=town.people,
        title="มั่นคง ทดสอบ",
        slug="council-chair",
        position=PositionFactory(
            title="ประธานสภาองค์การบริหารส่วนตำบล", group=PositionGroup.COUNCIL, rank=10
        ),
    )
    town.chief = PersonPageFactory(
        parent=town.people,
        title="ปกครอง ทดสอบ",
        slug="chief-administrator",
        position=PositionFactory(title="ปลัดองค์การบริหารส่วนตำบล", rank=20),
        photo=ImageFactory(title="ภาพปลัดทดสอบ"),
        phone="054-000-222",
        email="palad@test.go.th",
    )
    town.engineer = PersonPageFactory(
        parent=town.people,
        title="ช่างฝีมือ ทดสอบ",
        slug="director-engineering",
        position=PositionFactory(title="ผู้อำนวยการกองช่าง", rank=30, is_head=True),
        division=works,
    )

    town.contact = ContactPageFactory(parent=home, show_in_menus=True)
    town.privacy = StandardPageFactory(parent=home, title="ประกาศความเป็นส่วนตัว", slug="privacy")
    town.cookies = StandardPageFactory(parent=home, title="นโยบายคุกกี้", slug="cookies")
    town.accessibility = StandardPageFactory(
        parent=home, title="การเข้าถึงเว็บไซต์", slug="accessibility"
    )
    town.sitemap = SitemapPageFactory(parent=home)

    home.quick_links = [
        quick_link("ปลัด", "ปลัด อบต.ทดสอบ", page=town.chief),
        quick_link("ภารกิจผู้บริหาร", "", address=town.news.category_url("executive")),
        quick_link("ปปช", "สำนักงาน ป.ป.ช.", address="https://www.nacc.go.th/"),
    ]
    home.save_revision().publish()
    footer = FooterSettings.objects.get(site=site)
    footer.links = [
        ("link", {"label": page.title, "link": {"page": page, "address": ""}})
        for page in (town.privacy, town.cookies, town.accessibility, town.sitemap)
    ]
    footer.save()
    return town


def quick_link(label, description, *, page=None, address=""):
    """One block of the home page's quick links, to a page here or to an address."""
    return (
        "link",
        {
            "label": label,
            "description": description,
            "icon": "link",
            "link": {"page": page, "address": address},
        },
    )
