"""The pages a new organization starts with (tambon/composition/organizations.py builds it).

Neutral template text that names the organization, for its clerk to edit in the admin: the
home page, about, privacy notice, cookies, accessibility, the news index, contact and the site
map, and the footer's links. Every step looks before it creates, so building again changes
nothing. The demo (demo.py) makes its news index, contact page and site map with these too.
"""

from wagtail.models import Page

from tambon.core.demo import add_page, ensure_footer
from tambon.core.models import Organization

from .models import ContactPage, HomePage, LinkPage, NewsIndexPage, SitemapPage, StandardPage

# The law each kind of organization takes its duties from (the about page says so).
FOUNDING_LAW = {
    Organization.Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION: (
        "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537"
    ),
    Organization.Kind.SUBDISTRICT_MUNICIPALITY: "พระราชบัญญัติเทศบาล พ.ศ. 2496",
    Organization.Kind.TOWN_MUNICIPALITY: "พระราชบัญญัติเทศบาล พ.ศ. 2496",
    Organization.Kind.CITY_MUNICIPALITY: "พระราชบัญญัติเทศบาล พ.ศ. 2496",
    Organization.Kind.PROVINCIAL_ADMINISTRATIVE_ORGANIZATION: (
        "พระราชบัญญัติองค์การบริหารส่วนจังหวัด พ.ศ. 2540"
    ),
}


def standard_page(title, slug, intro, body, show_in_menus=False):
    """An unsaved text page; other apps' demos get this from the composition for their texts."""
    return StandardPage(
        title=title,
        slug=slug,
        show_in_menus=show_in_menus,
        intro=intro,
        summary=intro,
        body=[("rich_text", body)],
    )


# Every site uses the same cookies (the demo organization too).
COOKIES = (
    "นโยบายคุกกี้",
    False,
    "เว็บไซต์นี้ใช้เฉพาะคุกกี้ที่จำเป็นต่อการทำงานของเว็บไซต์",
    "<p>คุกกี้ที่จำเป็น ได้แก่ คุกกี้ป้องกันการปลอมแปลงคำขอ (csrftoken) เมื่อท่านกรอกแบบฟอร์ม "
    "และคุกกี้การเข้าสู่ระบบของเจ้าหน้าที่ (sessionid) เว็บไซต์ไม่ใช้คุกกี้โฆษณา "
    "ไม่ใช้คุกกี้ติดตามของบุคคลภายนอก และไม่โหลดสคริปต์จากเว็บไซต์อื่น</p>",
)


def home_page(organization_name, province_name, slug):
    """An unsaved home page welcoming visitors to the organization."""
    where = f" จังหวัด{province_name}" if province_name else ""
    return HomePage(
        title="หน้าแรก",
        slug=slug,
        welcome_title=f"ยินดีต้อนรับเข้าสู่{organization_name}{where}",
        seo_title=organization_name,
        summary=f"เว็บไซต์ทางการของ{organization_name}{where}",
    )


def add_home_page(organization_name, province_name, slug):
    """The home page, published at the top of the page tree (a new Site's root)."""
    home = home_page(organization_name, province_name, slug)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    return home


def standard_pages(organization):
    """slug: (title, show in menu, intro, body HTML) of the text pages every site has."""
    name, short = organization.name, organization.short_name
    contact = f"ติดต่อ {short} ตามช่องทางในหน้าติดต่อเรา"
    law = FOUNDING_LAW.get(
        organization.kind, FOUNDING_LAW[Organization.Kind.SUBDISTRICT_MUNICIPALITY]
    )
    return {
        "about": (
            f"เกี่ยวกับ {short}",
            True,
            f"ข้อมูลทั่วไป อำนาจหน้าที่ และวิสัยทัศน์ของ{name}",
            f"<h2>อำนาจหน้าที่</h2><p>{name}มีอำนาจหน้าที่ตาม{law} และพระราชบัญญัติกำหนดแผน"
            "และขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542</p>"
            "<h2>วิสัยทัศน์</h2><p>(ผู้ดูแลเว็บไซต์แก้ไขข้อความนี้เป็นวิสัยทัศน์ของหน่วยงาน)</p>",
        ),
        "privacy": (
            "ประกาศความเป็นส่วนตัว",
            False,
            f"{short} เก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคลตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
            "<h2>ข้อมูลที่เก็บและวัตถุประสงค์</h2><p>เมื่อท่านยื่นเรื่องร้องเรียนหรือขอรับบริการ "
            "เราเก็บชื่อและช่องทางติดต่อที่ท่านให้ไว้ เพื่อดำเนินการตามอำนาจหน้าที่และแจ้งผลให้ท่านทราบ "
            "ฐานทางกฎหมายคือการปฏิบัติหน้าที่ในการดำเนินภารกิจเพื่อประโยชน์สาธารณะ ไม่ใช่ความยินยอม</p>"
            "<h2>สถิติการเข้าชม</h2><p>เว็บไซต์นับจำนวนการเข้าชมโดยไม่บันทึกหมายเลขไอพีของท่าน</p>"
            "<h2>ระยะเวลาการเก็บรักษา</h2><p>เก็บไว้เท่าที่จำเป็นตามวัตถุประสงค์และตามที่กฎหมายกำหนด "
            "แล้วลบหรือทำให้ไม่สามารถระบุตัวตนได้</p>"
            "<h2>สิทธิของท่าน</h2><p>ท่านมีสิทธิขอเข้าถึง แก้ไข ลบ หรือคัดค้านการประมวลผลข้อมูลของท่าน "
            f"โดย{contact} เราจะตอบภายใน 30 วัน</p>",
        ),
        "cookies": COOKIES,
        "accessibility": (
            "การเข้าถึงเว็บไซต์",
            False,
            "เว็บไซต์นี้ออกแบบให้ทุกคนใช้งานได้ ตามมาตรฐาน WCAG 2.1 ระดับ AA",
            "<ul><li>ใช้งานด้วยแป้นพิมพ์ได้ทุกส่วน มีลิงก์ข้ามไปยังเนื้อหาหลัก</li>"
            "<li>รองรับโปรแกรมอ่านหน้าจอ รูปภาพมีคำอธิบาย</li>"
            "<li>สีตัวอักษรตัดกับพื้นหลังตามเกณฑ์ และขยายตัวอักษรได้</li>"
            "<li>ใช้งานได้บนโทรศัพท์มือถือและเมื่อปิด JavaScript</li></ul>"
            f"<p>หากพบปัญหาในการใช้งาน โปรด{contact}</p>",
        ),
    }


def ensure_standard_pages(home, organization):
    return {
        slug: add_page(home, standard_page(title, slug, intro, body, show_in_menus=in_menu))
        for slug, (title, in_menu, intro, body) in standard_pages(organization).items()
    }


def ensure_news_index(home, organization):
    return add_page(
        home,
        NewsIndexPage(
            title="ข่าวสาร",
            slug="news",
            show_in_menus=True,
            intro=f"ข่าวประชาสัมพันธ์ ภารกิจผู้บริหาร และกิจกรรมของ {organization.short_name}",
        ),
    )


def ensure_contact_page(home, organization):
    return add_page(
        home,
        ContactPage(
            title="ติดต่อเรา",
            slug="contact",
            show_in_menus=True,
            intro=f"ติดต่อ {organization.short_name} ได้ตามช่องทางด้านล่าง ในวันและเวลาราชการ",
        ),
    )


def ensure_sitemap(home):
    return add_page(home, SitemapPage(title="แผนผังเว็บไซต์", slug="sitemap"))


def ensure_starter_content(organization, home, today):
    """The text pages, news index, contact page, site map and footer links of a new site."""
    pages = ensure_standard_pages(home, organization)
    ensure_news_index(home, organization)
    ensure_contact_page(home, organization)
    sitemap = ensure_sitemap(home)
    ensure_footer(
        organization.site, [pages["privacy"], pages["cookies"], pages["accessibility"], sitemap]
    )


def ensure_menu_link(home, title, slug, address):
    """A menu item leading to `address` (see LinkPage), placed at the start of the menu when
    it is new; the clerk may move or hide it like any page."""
    existing = home.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing
    link = add_page(home, LinkPage(title=title, slug=slug, address=address, show_in_menus=True))
    link.move(home, pos="first-child")
    return link


def ensure_quick_links_first(home, links):
    """`links`: (label, description, icon, address) of quick links that belong at the start of
    the home page's tiles; those whose address is there already are left as they are."""
    home = home.specific
    present = {block.value["link"]["address"] for block in home.quick_links}
    missing = [link for link in links if link[3] not in present]
    if not missing:
        return
    blocks = [
        (
            "link",
            {
                "label": label,
                "description": description,
                "icon": icon,
                "link": {"page": None, "address": address},
            },
        )
        for label, description, icon, address in missing
    ]
    blocks += [(block.block_type, block.value) for block in home.quick_links]
    home.quick_links = blocks
    home.save_revision().publish()
