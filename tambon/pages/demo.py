"""The demo organization's home page, its standard pages, news (the seed post verbatim, from
data/seed_news.txt: its title, then one paragraph a line), contact page and sitemap, and the
home page's quick links."""

import datetime
import re
from pathlib import Path

from django.utils.html import escape
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from tambon.core.demo import ORGANIZATION, add_page, child_by_slug, placeholder_image
from tambon.core.models import Organization
from tambon.thai.areas import province_name

from . import starter
from .models import HomePage, NewsPage
from .starter import ensure_contact_page as ensure_starter_contact_page
from .starter import ensure_news_index, ensure_sitemap, home_page, standard_page

__all__ = ["ensure_sitemap", "standard_page"]  # the composition and tests use them from here

SEED_NEWS_FILE = Path(__file__).parent / "data" / "seed_news.txt"
SEED_NEWS_DATE = datetime.date(2022, 3, 14)
HASHTAG = re.compile(r"#(\S+)")

# Text of the standard pages, as rich-text HTML. Edited later by the clerk in the admin.
# slug: (title, show in menu, intro, body HTML)
STANDARD_PAGES = {
    "about": (
        "เกี่ยวกับ อบต.",
        True,
        "ข้อมูลทั่วไป อำนาจหน้าที่ และวิสัยทัศน์ขององค์การบริหารส่วนตำบลพงษ์",
        "<h2>อำนาจหน้าที่</h2><p>องค์การบริหารส่วนตำบลมีอำนาจหน้าที่ตามพระราชบัญญัติสภาตำบลและ"
        "องค์การบริหารส่วนตำบล พ.ศ. 2537 และพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่"
        "องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542 เช่น จัดให้มีและบำรุงรักษาทางน้ำและทางบก "
        "รักษาความสะอาดของถนน ทางน้ำ ทางเดิน และที่สาธารณะ ป้องกันโรคและระงับโรคติดต่อ "
        "ป้องกันและบรรเทาสาธารณภัย ส่งเสริมการศึกษา ศาสนา และวัฒนธรรม</p>"
        "<h2>วิสัยทัศน์</h2><p>(ตัวอย่าง) ตำบลพงษ์น่าอยู่ ประชาชนมีส่วนร่วม เศรษฐกิจชุมชนเข้มแข็ง</p>",
    ),
    "executive-line": (
        "แจ้งเรื่องร้องเรียนสายผู้บริหาร",
        False,
        "ช่องทางติดต่อผู้บริหารโดยตรง สำหรับเรื่องที่ต้องการให้ผู้บริหารรับทราบและพิจารณา",
        "<p>ท่านสามารถแจ้งเรื่องถึงผู้บริหาร อบต.พงษ์ ได้โดยตรงทางโทรศัพท์ 081-000-0001 "
        "หรืออีเมล mayor@pong.example ในวันและเวลาราชการ</p>"
        '<p>หรือแจ้งเรื่องออนไลน์ได้ตลอด 24 ชั่วโมงที่ <a href="/cases/new/executive/">'
        "แบบฟอร์มแจ้งเรื่องร้องเรียนสายผู้บริหาร</a> และติดตามผลได้ที่ "
        '<a href="/cases/track/">ติดตามเรื่อง</a></p>'
        "<p>เจ้าหน้าที่จะแจ้งผลการดำเนินการให้ท่านทราบภายใน 15 วัน "
        "ข้อมูลส่วนบุคคลของผู้แจ้งจะถูกเก็บรักษาเป็นความลับ</p>",
    ),
    "privacy": (
        "ประกาศความเป็นส่วนตัว",
        False,
        "อบต.พงษ์ เก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
        "<h2>ข้อมูลที่เก็บและวัตถุประสงค์</h2><p>เมื่อท่านยื่นเรื่องร้องเรียนหรือขอรับบริการ "
        "เราเก็บชื่อและช่องทางติดต่อที่ท่านให้ไว้ เพื่อดำเนินการตามอำนาจหน้าที่และแจ้งผลให้ท่านทราบ "
        "ฐานทางกฎหมายคือการปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะ ไม่ใช่ความยินยอม</p>"
        "<h2>สถิติการเข้าชม</h2><p>เว็บไซต์นับจำนวนการเข้าชมโดยไม่บันทึกหมายเลขไอพีของท่าน "
        "หมายเลขไอพีที่แสดงบนหน้าเว็บแสดงให้เฉพาะท่านเห็นเท่านั้น</p>"
        "<h2>ระยะเวลาการเก็บรักษา</h2><p>เก็บไว้เท่าที่จำเป็นตามวัตถุประสงค์และตามที่กฎหมายกำหนด "
        "แล้วลบหรือทำให้ไม่สามารถระบุตัวตนได้</p>"
        "<h2>สิทธิของท่าน</h2><p>ท่านมีสิทธิขอเข้าถึง แก้ไข ลบ หรือคัดค้านการประมวลผลข้อมูลของท่าน "
        "โดยติดต่อ saraban@pong.example เราจะตอบภายใน 30 วัน</p>",
    ),
    "cookies": starter.COOKIES,
    "accessibility": (
        "การเข้าถึงเว็บไซต์",
        False,
        "เว็บไซต์นี้ออกแบบให้ทุกคนใช้งานได้ ตามมาตรฐาน WCAG 2.1 ระดับ AA",
        "<ul><li>ใช้งานด้วยแป้นพิมพ์ได้ทุกส่วน มีลิงก์ข้ามไปยังเนื้อหาหลัก</li>"
        "<li>รองรับโปรแกรมอ่านหน้าจอ รูปภาพมีคำอธิบาย</li>"
        "<li>สีตัวอักษรตัดกับพื้นหลังตามเกณฑ์ และขยายตัวอักษรได้</li>"
        "<li>ใช้งานได้บนโทรศัพท์มือถือและเมื่อปิด JavaScript</li></ul>"
        "<p>หากพบปัญหาในการใช้งาน โปรดแจ้งที่ saraban@pong.example</p>",
    ),
}

# Executives' activities and other news around the demo's "now"; dates are fixed so that
# loading twice gives the same site.
MORE_NEWS = [
    (
        "executive-visits-flood-area",
        "executive",
        datetime.date(2026, 11, 10),
        "นายก อบต.พงษ์ ลงพื้นที่ติดตามการซ่อมแซมถนนหลังน้ำหลาก หมู่ที่ 3",
        "นายก อบต.พงษ์ พร้อมด้วยกองช่าง ลงพื้นที่ตรวจสอบความเสียหายของถนนสายหลักหมู่ที่ 3 "
        "หลังน้ำป่าไหลหลาก และสั่งการให้ซ่อมแซมเร่งด่วนเพื่อให้ประชาชนสัญจรได้อย่างปลอดภัย "
        "(ข่าวตัวอย่าง)",
    ),
    (
        "executive-meets-village-heads",
        "executive",
        datetime.date(2026, 10, 28),
        "คณะผู้บริหารประชุมร่วมกับผู้ใหญ่บ้านทุกหมู่บ้าน ประจำเดือนตุลาคม 2569",
        "คณะผู้บริหาร อบต.พงษ์ ประชุมร่วมกับกำนันและผู้ใหญ่บ้าน เพื่อรับฟังปัญหาความต้องการ "
        "ของประชาชนและชี้แจงแผนการดำเนินงานประจำปีงบประมาณ พ.ศ. 2570 (ข่าวตัวอย่าง)",
    ),
    (
        "executive-loy-krathong",
        "executive",
        datetime.date(2026, 11, 5),
        "นายก อบต.พงษ์ เป็นประธานเปิดงานประเพณีลอยกระทง ประจำปี 2569",
        "นายก อบต.พงษ์ เป็นประธานในพิธีเปิดงานประเพณีลอยกระทง ร่วมกับประชาชนทุกหมู่บ้าน "
        "เพื่อสืบสานวัฒนธรรมท้องถิ่น (ข่าวตัวอย่าง)",
    ),
    (
        "tax-payment-2570",
        "news",
        datetime.date(2026, 11, 2),
        "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี 2570",
        "อบต.พงษ์ ขอประชาสัมพันธ์ให้ผู้มีหน้าที่เสียภาษีที่ดินและสิ่งปลูกสร้าง ชำระภาษีได้ที่ "
        "กองคลัง ในวันและเวลาราชการ (ข่าวตัวอย่าง)",
    ),
    (
        "dengue-campaign",
        "activity",
        datetime.date(2026, 10, 15),
        "กิจกรรมรณรงค์ป้องกันโรคไข้เลือดออก ร่วมกับ อสม. ทุกหมู่บ้าน",
        "อบต.พงษ์ ร่วมกับอาสาสมัครสาธารณสุขประจำหมู่บ้าน รณรงค์กำจัดแหล่งเพาะพันธุ์ยุงลาย "
        "และแจกทรายอะเบทให้ครัวเรือน (ข่าวตัวอย่าง)",
    ),
    # Last fiscal years' news stay on the site: the ITA page of FY 2568 links them.
    (
        "elderly-allowance-2568",
        "news",
        datetime.date(2025, 1, 20),
        "ประชาสัมพันธ์การลงทะเบียนรับเบี้ยยังชีพผู้สูงอายุรายใหม่ ปีงบประมาณ พ.ศ. 2568",
        "อบต.พงษ์ ขอเชิญผู้ที่จะมีอายุครบ 60 ปีบริบูรณ์ในปีงบประมาณถัดไป ลงทะเบียนรับเบี้ยยังชีพ"
        "ผู้สูงอายุได้ที่สำนักปลัด ในวันและเวลาราชการ (ข่าวตัวอย่าง)",
    ),
    (
        "songkran-2568",
        "activity",
        datetime.date(2025, 4, 11),
        "กิจกรรมรดน้ำดำหัวผู้สูงอายุ ประเพณีสงกรานต์ ประจำปี 2568",
        "อบต.พงษ์ จัดกิจกรรมรดน้ำดำหัวขอพรผู้สูงอายุ เพื่อสืบสานประเพณีสงกรานต์ของตำบล (ข่าวตัวอย่าง)",
    ),
]


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
        home = home_page(ORGANIZATION["name"], province_name(ORGANIZATION["province_code"]), "home")
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
            site_name=ORGANIZATION["short_name"],
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    if not site.site_name:
        site.site_name = ORGANIZATION["short_name"]
        site.save()
    return site, home


def ensure_standard_pages(home):
    return {
        slug: add_page(home, standard_page(title, slug, intro, body, show_in_menus=in_menu))
        for slug, (title, in_menu, intro, body) in STANDARD_PAGES.items()
    }


def seed_news_post():
    """(title, paragraphs, hashtags). The original was one 3,000-character paragraph; the file
    splits it where its topic changes, word for word the same."""
    title, *lines = SEED_NEWS_FILE.read_text(encoding="utf-8").splitlines()
    paragraphs = [line.strip() for line in lines if line.strip()]
    return title, paragraphs, HASHTAG.findall(" ".join(paragraphs))


def paragraphs_html(paragraphs):
    return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)


def ensure_news(home):
    index = ensure_news_index(home, Organization.for_site(home.get_site()))
    cover = placeholder_image(
        "ภาพตัวอย่าง ทิวทัศน์ตำบลพงษ์", "landscape", "ภาพตัวอย่าง ทิวเขาและทุ่งนาของตำบลพงษ์"
    )
    title, paragraphs, hashtags = seed_news_post()
    if not child_by_slug(index, "community-plan-2565"):
        post = NewsPage(
            title=title,
            slug="community-plan-2565",
            date=SEED_NEWS_DATE,
            category="news",
            summary=" ".join(paragraphs)[:150] + "…",
            body=[("rich_text", paragraphs_html(paragraphs))],
            cover_image=cover,
        )
        post.tags.add(*hashtags)
        add_page(index, post)
    add_news_posts(index, MORE_NEWS, cover)
    return index


def link_seed_news(index, url, text):
    """End the seed post with a link to `url` (a page of another app, handed over by the
    composition), once."""
    # Read again: the index object handed round may hold a stale place in the tree.
    index = Page.objects.get(pk=index.pk)
    post = child_by_slug(index, "community-plan-2565")
    if post is None or f'href="{url}"' in str(post.body):
        return
    post.body.append(("rich_text", RichText(f'<p><a href="{escape(url)}">{escape(text)}</a></p>')))
    post.save_revision().publish()


def add_news_posts(index, posts, cover=None):
    """`posts`: (slug, category, date, title, text) of each, added where missing."""
    for slug, category, date, post_title, text in posts:
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


def ensure_contact_page(home):
    return ensure_starter_contact_page(home, Organization.for_site(home.get_site()))


def ensure_quick_links(home, links):
    """`links`: (label, description, icon, page or None, address) of each quick link, in order."""
    if home.quick_links:
        return
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
