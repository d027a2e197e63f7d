import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from taggit.models import Tag
from wagtail.images.models import Image
from wagtail.models import Page, Revision

from tambon.core.models import FooterSettings, Organization
from tambon.pages.models import HomePage, NewsPage
from tambon.people.models import PersonPage
from tambon.stats.models import DailyVisits

# The demo is the subject of every test here.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

SEED_TITLE_START = "โครงการจัดทำแผนชุมชน (กิจกรรมสนับสนุนการจัดประชุมประชาคม"
SEED_BODY_START = "วันจันทร์ ที่ 14 เดือนมีนาคม พ.ศ.2565 องค์การบริหารส่วนตำบลพงษ์"
SEED_BODY_END = "ให้สำเร็จลุล่วงไปด้วยดี"


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "slug", "title")),
        "revisions": Revision.objects.count(),
        "images": Image.objects.count(),
        "tags": sorted(Tag.objects.values_list("name", flat=True)),
        "daily_rows": DailyVisits.objects.all_organizations().count(),
        "footer": [str(f.links.raw_data) for f in FooterSettings.objects.order_by("site_id")],
    }


def test_loading_the_demo_twice_changes_nothing():
    before = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == before


def test_demo_site_root_is_the_pong_home_page(demo_site):
    home = demo_site.root_page.specific
    assert isinstance(home, HomePage)
    assert home.welcome_title == "ยินดีต้อนรับเข้าสู่องค์การบริหารส่วนตำบลพงษ์ จังหวัดน่าน"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()


def test_demo_organization_has_every_contact_detail_ita_o5_asks_for(demo_site):
    org = Organization.for_site(demo_site)
    assert org.name == "องค์การบริหารส่วนตำบลพงษ์"
    assert org.province_name == "น่าน"
    assert (org.subdistrict_code, org.district_code, org.province_code) == ("551103", "5511", "55")
    assert org.address and org.phone and org.email
    assert org.has_map_location
    assert org.social_links
    assert org.logo is not None


def test_seed_news_post_is_verbatim_with_hashtags_as_tags():
    post = NewsPage.objects.get(slug="community-plan-2565")
    assert post.title.startswith(SEED_TITLE_START)
    assert post.title.endswith("ประจำปีงบประมาณ พ.ศ. 2565")
    body_html = str(post.body[0].value)
    assert SEED_BODY_START in body_html
    assert SEED_BODY_END in body_html
    assert post.date == datetime.date(2022, 3, 14)
    assert set(post.tags.names()) == {
        "ขอขอบคุณทีมงานวิทยากรจากองค์การบริหารส่วนจังหวัดน่าน",
        "ขอขอบคุณท่านผู้นำชุมชน",
    }


def test_seed_news_post_reads_in_paragraphs_of_its_original_words():
    post = NewsPage.objects.get(slug="community-plan-2565")
    paragraphs = BeautifulSoup(str(post.body[0].value), "html.parser").find_all("p")
    texts = [p.get_text() for p in paragraphs]
    assert len(texts) >= 6
    assert max(map(len, texts)) < 1_000  # was one paragraph of over 3,000 characters
    assert texts[0].startswith(SEED_BODY_START)
    assert texts[-1].endswith(SEED_BODY_END)
    assert texts[-1].startswith("#ขอขอบคุณท่านผู้นำชุมชน")


def test_demo_people_cover_executives_council_and_staff_with_contact():
    people = PersonPage.objects.live().select_related("position")
    titles = {p.position.title for p in people}
    for needed in [
        "นายกองค์การบริหารส่วนตำบล",
        "รองนายกองค์การบริหารส่วนตำบล",
        "เลขานุการนายกองค์การบริหารส่วนตำบล",
        "ปลัดองค์การบริหารส่วนตำบล",
        "ผู้อำนวยการกองช่าง",
        "สมาชิกสภาองค์การบริหารส่วนตำบล",
    ]:
        assert needed in titles
    for person in people:
        assert person.photo is not None
        assert person.phone or person.email or person.line_id
        assert "ตัวอย่าง" in person.title  # obviously a sample name


def test_demo_quick_links_are_the_services_then_the_nine_of_the_seed(demo_home):
    labels = [block.value["label"] for block in demo_home.quick_links]
    assert labels == [
        "แจ้งเรื่องร้องเรียน / ติดตามเรื่อง",
        "E-Service",
        "การมีส่วนร่วมจัดทำแผนพัฒนา",
        "แจ้งเรื่องร้องเรียนสายผู้บริหาร",
        "ภารกิจผู้บริหาร",
        "ปลัด",
        "ปปช",
        "ศูนย์ข้อมูลข่าวสารอิเล็กทรอนิกส์",
        "คำพิพากษาของศาลปกครอง",
        "ปราบปรามทุจริต",
        "facebook",
        "ศูนย์ดำรงธรรม",
    ]


# --- The demo as a visitor sees it --------------------------------------------------------------

DEMO_PUBLIC_URLS = [
    "/",
    "/news/",
    "/news/community-plan-2565/",
    "/news/category/executive/",
    "/people/",
    "/people/org-chart/",
    "/people/chief-administrator/",
    "/contact/",
    "/about/",
    "/privacy/",
    "/cookies/",
    "/accessibility/",
    "/sitemap/",
    "/search/?q=แผนชุมชน",
]


@pytest.mark.parametrize("url", DEMO_PUBLIC_URLS)
def test_demo_public_pages_render(client, url):
    assert client.get(url).status_code == 200


def test_demo_home_page_shows_its_welcome_quick_links_activities_and_counter(client):
    soup = BeautifulSoup(client.get("/").content.decode(), "html.parser")
    assert soup.h1.get_text(strip=True) == "ยินดีต้อนรับเข้าสู่องค์การบริหารส่วนตำบลพงษ์ จังหวัดน่าน"
    quick_links = soup.select("nav.quick-links a")
    assert len(quick_links) == 12
    assert [a["href"] for a in quick_links[:3]] == [
        "/cases/new/complaint/",
        "/cases/new/eservice/",
        "/participation/",
    ]
    hrefs = {a.get_text(" ", strip=True).split(" ")[0]: a["href"] for a in quick_links}
    assert hrefs["ปลัด"] == "/people/chief-administrator/"
    assert hrefs["ภารกิจผู้บริหาร"] == "/news/category/executive/"
    assert hrefs["ปปช"].startswith("https://www.nacc.go.th")
    activities = soup.select_one("#latest-activities").find_parent("section")
    assert "นายก อบต.พงษ์ ลงพื้นที่" in activities.get_text()
    assert "5/03/2563" in soup.select_one("section.counter").get_text()  # the old site's start


def test_demo_seed_news_is_found_by_search(client):
    soup = BeautifulSoup(client.get("/search/", {"q": "แผนชุมชน"}).content, "html.parser")
    results = [a.get_text(strip=True) for a in soup.select("ol.results a")]
    assert any(title.startswith(SEED_TITLE_START) for title in results)


def test_the_seed_news_post_links_to_its_planning_cycle(client):
    page = BeautifulSoup(client.get("/news/community-plan-2565/").content, "html.parser")
    links = [a for a in page.select("a[href^='/participation/']") if "ติดตามแผนพัฒนา" in a.get_text()]
    assert len(links) == 1
    cycle_page = client.get(links[0]["href"])
    assert cycle_page.status_code == 200
    assert "รายงานการติดตามและประเมินผล" in cycle_page.content.decode()
