"""What a visitor sees on each page type, on a site made by the factories (``town_pages``)."""

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("town")]

PUBLIC_URLS = [
    "/",
    "/news/",
    "/news/village-forum-2568/",
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
    "/search/?q=ประชาคมหมู่บ้าน",
]


def soup_of(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_page_is_thai_with_landmarks_and_search_box(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "th"
    assert soup.select_one("a.skip-link[href='#main']")
    assert soup.select_one("header") and soup.select_one("main#main") and soup.select_one("footer")
    assert soup.select_one("form[role=search] input[name=q]")
    assert soup.title.get_text(strip=True)
    # No script from anywhere: public pages work without JavaScript.
    assert not soup.select("script")


def test_home_page_shows_welcome_quick_links_news_and_counter(client):
    soup = soup_of(client.get("/"))
    assert soup.h1.get_text(strip=True) == "ยินดีต้อนรับสู่เว็บไซต์ทดสอบ"
    quick_links = soup.select("nav.quick-links a")
    assert len(quick_links) == 3
    hrefs = {a.get_text(" ", strip=True).split(" ")[0]: a["href"] for a in quick_links}
    assert hrefs["ปลัด"] == "/people/chief-administrator/"
    assert hrefs["ภารกิจผู้บริหาร"] == "/news/category/executive/"
    assert hrefs["ปปช"].startswith("https://www.nacc.go.th")
    news = soup.select_one("#latest-news").find_parent("section")
    assert "นายก" not in news.get_text()  # executives' activities are listed apart
    activities = soup.select_one("#latest-activities").find_parent("section")
    assert "นายก อบต.ทดสอบ ตรวจเยี่ยม" in activities.get_text()
    assert "โครงการประชาคมหมู่บ้านทดสอบ" in news.get_text()
    counter = soup.select_one("section.counter")
    assert "9/07/2564" in counter.get_text()  # counted since 9 July 2021
    labels = [dt.get_text(strip=True) for dt in counter.select("dt")]
    assert labels == [
        "วันนี้",
        "เมื่อวานนี้",
        "เดือนนี้",
        "เดือนที่แล้ว",
        "ปีนี้",
        "ปีที่แล้ว",
        "ทั้งหมด",
        "ไอพี ของคุณ",
    ]


def test_home_page_shows_visitor_own_ip(client):
    soup = soup_of(client.get("/", REMOTE_ADDR="203.0.113.7"))
    assert soup.select("section.counter dd")[-1].get_text(strip=True) == "203.0.113.7"


def test_news_page_shows_buddhist_era_date_and_hashtags(client):
    soup = soup_of(client.get("/news/village-forum-2568/"))
    assert soup.select_one(".news__date time").get_text(strip=True) == "3 กุมภาพันธ์ 2568"
    assert soup.select_one(".news__date time")["datetime"] == "2025-02-03"
    tags = [a.get_text(strip=True) for a in soup.select(".tags__list a")]
    assert "#ขอบคุณชาวบ้านทุกหมู่" in tags


def test_tag_link_lists_the_tagged_news(client):
    soup = soup_of(client.get("/news/village-forum-2568/"))
    tag_url = soup.select_one(".tags__list a")["href"]
    listing = client.get(tag_url)
    assert listing.status_code == 200
    assert "โครงการประชาคมหมู่บ้านทดสอบ" in soup_of(listing).get_text()


def test_unknown_news_category_and_page_number_are_not_found(client):
    assert client.get("/news/category/nonsense/").status_code == 404
    assert client.get("/news/?page=999").status_code == 404
    assert client.get("/news/?page=abc").status_code == 404


def test_news_page_has_open_graph_article_tags(client):
    soup = soup_of(client.get("/news/village-forum-2568/"))
    og = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    assert og["og:type"] == "article"
    assert og["og:title"].startswith("โครงการประชาคมหมู่บ้านทดสอบ")
    assert og["og:image"].startswith("http://testserver/")
    assert og["og:locale"] == "th_TH"


def test_breadcrumbs_lead_from_home_to_the_page(client):
    soup = soup_of(client.get("/people/chief-administrator/"))
    crumbs = [li.get_text(strip=True) for li in soup.select("nav.breadcrumbs li")]
    assert crumbs == ["หน้าแรก", "บุคลากร", "ปกครอง ทดสอบ"]


def test_person_page_shows_photo_position_and_contact(client):
    soup = soup_of(client.get("/people/chief-administrator/"))
    assert soup.h1.get_text(strip=True) == "นายปกครอง ทดสอบ"
    assert "ปลัดองค์การบริหารส่วนตำบล" in soup.select_one(".person-page__position").get_text()
    photo = soup.select_one("img.person-page__photo")
    assert photo["alt"]
    assert "/media/images/" in photo["src"]  # the person's photo, not the "no photo" drawing
    assert soup.select_one("a[href^='tel:']")


def test_org_chart_draws_executives_council_and_divisions(client):
    soup = soup_of(client.get("/people/org-chart/"))
    text = soup.get_text()
    for expected in ["ใจดี ทดสอบ", "มั่นคง ทดสอบ", "กองช่าง", "ช่างฝีมือ ทดสอบ"]:
        assert expected in text
    division_names = [h.get_text(strip=True) for h in soup.select(".division h3")]
    assert division_names[0] == "สำนักปลัด"


def test_contact_page_has_address_phone_email_map_and_social(client):
    soup = soup_of(client.get("/contact/"))
    text = soup.get_text()
    assert "ตำบลทดสอบ อำเภอเมืองทดสอบ จังหวัดน่าน" in text
    assert soup.select_one("a[href^='tel:']")
    assert soup.select_one("a[href^='mailto:saraban@test.go.th']")
    assert soup.select_one("a[href*='openstreetmap.org']")
    assert soup.select_one("a[href*='facebook.com']")
    assert "08.00 - 16.00" in text


def test_search_finds_the_news(client):
    soup = soup_of(client.get("/search/", {"q": "ประชาคมหมู่บ้าน"}))
    results = [a.get_text(strip=True) for a in soup.select("ol.results a")]
    assert any(title.startswith("โครงการประชาคมหมู่บ้านทดสอบ") for title in results)


def test_search_without_results_says_so_in_thai_and_keeps_the_query(client):
    soup = soup_of(client.get("/search/", {"q": "ไม่มีคำนี้แน่นอน"}))
    assert "ไม่พบ" in soup.select_one("main").get_text()
    assert soup.select_one("#search-page-q")["value"] == "ไม่มีคำนี้แน่นอน"


def test_site_map_page_lists_sections_and_people(client):
    soup = soup_of(client.get("/sitemap/"))
    links = {a.get_text(strip=True) for a in soup.select("ul.sitemap a")}
    assert {"ข่าวสาร", "บุคลากร", "ติดต่อเรา", "โครงสร้างองค์กร"} <= links


def test_sitemap_xml_lists_news_and_people(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert any(url.endswith("/news/village-forum-2568/") for url in locations)
    assert any(url.endswith("/people/chief-administrator/") for url in locations)


@pytest.mark.parametrize(
    "secure, origin", [(False, "http://testserver/"), (True, "https://testserver/")]
)
def test_sitemap_xml_gives_the_addresses_on_the_host_it_was_asked_on(client, secure, origin):
    # The factory-made Site record says localhost, port 80: no visitor reaches that.
    response = client.get("/sitemap.xml", secure=secure)
    root = ET.fromstring(response.content)
    locations = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations and all(url.startswith(origin) for url in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_admin_out(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.parametrize("url", ["/feeds/news.rss", "/feeds/news.atom"])
def test_news_feeds_carry_the_latest_news_newest_first(client, url):
    response = client.get(url)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    titles = [el.text for el in root.iter() if el.tag.endswith("title")]
    assert any(t and t.startswith("นายก อบต.ทดสอบ ตรวจเยี่ยม") for t in titles)
    assert any(t and t.startswith("โครงการประชาคมหมู่บ้านทดสอบ") for t in titles)
    newest = titles.index(next(t for t in titles if t and t.startswith("นายก อบต.ทดสอบ")))
    older = titles.index(next(t for t in titles if t and t.startswith("โครงการประชาคม")))
    assert newest < older  # 10 June 2025 before 3 February 2025


def test_missing_page_answers_404_in_thai(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.h1.get_text(strip=True) == "ไม่พบหน้าที่ต้องการ"
    assert soup.select_one("form[role=search]")


def test_footer_links_to_privacy_cookies_accessibility_and_sitemap(client):
    soup = soup_of(client.get("/"))
    footer_links = {a["href"] for a in soup.select("footer a")}
    assert {"/privacy/", "/cookies/", "/accessibility/", "/sitemap/"} <= footer_links


def test_pages_send_strict_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_pages_may_not_use_or_let_a_frame_use_the_camera_microphone_or_location(client):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in policy


def test_server_error_page_is_thai_and_shows_no_traceback(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    body = response.content.decode()
    assert response.status_code == 500
    assert "ขออภัย ระบบขัดข้องชั่วคราว" in body
    assert "Traceback" not in body


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_links_stay_on_the_site_being_served_when_another_organization_exists(client, url):
    """With a second organization's site in the database, Wagtail would write page links in
    full with the host name the site was saved with; a visitor who came by another address
    (127.0.0.1:8000 in the demo) would be sent to an address that does not answer."""
    from tambon.pages.tests.factories import second_organization_site

    second_organization_site("other.localhost")
    links = [a["href"] for a in soup_of(client.get(url)).select("a[href]")]
    assert links
    assert [link for link in links if link.startswith("http://localhost")] == []
