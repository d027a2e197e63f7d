"""One address per fiscal year for the news: what the ITA assessor opens for "news of the year"."""

import datetime

import pytest
from bs4 import BeautifulSoup

from tambon.pages.tests.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home):
    """Posts on both sides of the fiscal years' edges (1 October)."""
    index = NewsIndexPageFactory(parent=home)
    for title, date in [
        ("เปิดรับลงทะเบียนเบี้ยยังชีพผู้สูงอายุรายใหม่", datetime.date(2025, 1, 20)),
        ("ประเพณีสงกรานต์ตำบลทดสอบ", datetime.date(2025, 4, 11)),
        ("งานลอยกระทงตำบลทดสอบ", datetime.date(2026, 11, 5)),
        ("ข่าววันสุดท้ายของปีงบประมาณ 2568", datetime.date(2025, 9, 30)),
        ("ข่าววันแรกของปีงบประมาณ 2569", datetime.date(2025, 10, 1)),
    ]:
        NewsPageFactory(parent=index, title=title, date=date)
    return index


def test_news_of_a_fiscal_year_lists_only_that_years_posts(client, news):
    # The text as read: list titles are wrapped word by word for Thai line breaking.
    html = BeautifulSoup(client.get("/news/fiscal-year/2568/").content, "html.parser").get_text()

    assert "ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2568" in html
    assert "เบี้ยยังชีพผู้สูงอายุรายใหม่" in html  # 20 Jan 2025: fiscal year 2568
    assert "สงกรานต์" in html  # 11 Apr 2025
    assert "ข่าววันสุดท้ายของปีงบประมาณ 2568" in html  # 30 Sep 2025
    assert "ข่าววันแรกของปีงบประมาณ 2569" not in html  # 1 Oct 2025: fiscal year 2569
    assert "ลอยกระทง" not in html  # 5 Nov 2026: fiscal year 2570


def test_a_fiscal_year_without_news_says_so(client, news):
    response = client.get("/news/fiscal-year/2571/")

    assert response.status_code == 200
    assert "ยังไม่มีข่าว" in response.content.decode()


@pytest.mark.parametrize("path", ["/news/fiscal-year/25/", "/news/fiscal-year/abc/"])
def test_a_year_that_is_not_buddhist_era_is_not_found(client, news, path):
    assert client.get(path).status_code == 404
