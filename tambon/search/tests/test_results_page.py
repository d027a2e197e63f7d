"""The results page: pages of ten, the count, filters as links, "did you mean" as a link, and
the same through /search.json."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tambon.pages.tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def twelve_posts(home):
    news = NewsIndexPageFactory(parent=home)
    for day in range(1, 13):
        NewsPageFactory(
            parent=news,
            title=f"กิจกรรมปลูกป่าชุมชน ครั้งที่ {day}",
            date=datetime.date(2025, 3, day),
        )


def test_results_come_in_pages_of_ten_with_the_count(client, twelve_posts):
    first = soup_of(client.get("/search/", {"q": "ปลูกป่า"}))
    assert len(first.select("ol.results > li")) == 10
    assert "12" in first.select_one("#search-results-heading").find_next("p").get_text()
    next_link = first.select_one(".pagination a[rel=next]")["href"]
    second = soup_of(client.get("/search/" + next_link))
    assert len(second.select("ol.results > li")) == 2
    data = client.get("/search.json", {"q": "ปลูกป่า", "page": 2}).json()
    assert (data["total"], data["page"], data["pages"]) == (12, 2, 2)
    assert [hit["title"] for hit in data["results"]] == [
        a.get_text(strip=True) for a in second.select("ol.results > li > a")
    ]


def test_a_page_past_the_end_shows_the_last_one(client, twelve_posts):
    soup = soup_of(client.get("/search/", {"q": "ปลูกป่า", "page": "99"}))
    assert len(soup.select("ol.results > li")) == 2
    assert soup_of(client.get("/search/", {"q": "ปลูกป่า", "page": "x"})).select("ol.results > li")


def test_the_filters_are_links_and_a_form_that_keep_the_query(client, twelve_posts):
    soup = soup_of(client.get("/search/", {"q": "ปลูกป่า"}))
    news_link = soup.find("a", string="ข่าว")
    assert "kind=news" in news_link["href"] and "q=" in news_link["href"]
    year_form = soup.select_one("form.search-year")
    assert year_form.select_one("label[for=search-year]")
    assert year_form.select_one("input[name=q]")["value"] == "ปลูกป่า"
    # The posts are of March 2025: fiscal year 2568.
    assert (
        len(soup_of(client.get("/search/", {"q": "ปลูกป่า", "year": 2568})).select("ol > li")) == 10
    )
    assert soup_of(client.get("/search/", {"q": "ปลูกป่า", "year": 2567})).select("ol > li") == []


def test_a_typo_one_edit_away_offers_the_word_as_a_link(client, home):
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, title="เปิดบริการ Library ห้องสมุดประชาชน")
    soup = soup_of(client.get("/search/", {"q": "libary"}))
    offer = soup.select_one(".did-you-mean a")
    assert offer.get_text(strip=True) == "library"
    found = soup_of(client.get("/search/" + offer["href"]))
    assert [a.get_text(strip=True) for a in found.select("ol.results > li > a")] == [
        "เปิดบริการ Library ห้องสมุดประชาชน"
    ]


def test_a_typo_that_finds_nothing_as_typed_shows_the_results_of_the_word_meant(client, home):
    news = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=news, title="ซ่อมแสงไฟริมถนน")
    NewsPageFactory(parent=news, title="เด็กร้องแงทั้งคืน")
    NewsPageFactory(parent=news, title="ปิดไฟก่อนนอน")
    soup = soup_of(client.get("/search/", {"q": "แงสไฟ"}))
    assert [a.get_text(strip=True) for a in soup.select("ol.results > li > a")] == ["ซ่อมแสงไฟริมถนน"]
    notice = soup.select_one(".did-you-mean")
    assert "แสดงผลของ" in notice.get_text()
    as_typed = notice.find("a", string=lambda text: "แงสไฟ" in text)
    exact = soup_of(client.get("/search/" + as_typed["href"]))
    assert "ปิดไฟก่อนนอน" in [a.get_text(strip=True) for a in exact.select("ol.results > li > a")]
    assert "แสดงผลของ" not in exact.select_one(".did-you-mean").get_text()
    assert exact.select_one(".did-you-mean a").get_text(strip=True) == "แสงไฟ"
    data = client.get("/search.json", {"q": "แงสไฟ"}).json()
    assert (data["corrected"], data["suggestion"], data["total"]) == (True, "แสงไฟ", 1)
