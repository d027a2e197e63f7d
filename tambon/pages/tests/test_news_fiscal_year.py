"""One address per fiscal year for the news: what the ITA assessor opens for "news of the year"."""

import pytest

pytestmark = pytest.mark.django_db


def test_news_of_a_fiscal_year_lists_only_that_years_posts(client, home):
    html = client.get("/news/fiscal-year/2568/").content.decode()

    assert "ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2568" in html
    assert "เบี้ยยังชีพผู้สูงอายุรายใหม่" in html  # 20 Jan 2025: fiscal year 2568
    assert "สงกรานต์" in html  # 11 Apr 2025
    assert "ลอยกระทง" not in html  # 5 Nov 2026: fiscal year 2570


def test_a_fiscal_year_without_news_says_so(client, home):
    response = client.get("/news/fiscal-year/2569/")

    assert response.status_code == 200
    assert "ยังไม่มีข่าว" in response.content.decode()


@pytest.mark.parametrize("path", ["/news/fiscal-year/25/", "/news/fiscal-year/abc/"])
def test_a_year_that_is_not_buddhist_era_is_not_found(client, home, path):
    assert client.get(path).status_code == 404
