import datetime

import pytest
from django.utils.html import escape

from tambon.infocenter.models import ItaItem, ItaSettings
from tambon.infocenter.tests.factories import (
    ItaEvidenceFactory,
    ItaIndicatorFactory,
    ItaItemFactory,
    ItaYearFactory,
    ItaYearPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ita_page(site, home, fy2568):
    """The public ITA page of FY 2568's real list, its evidence linked from the suggestions."""
    surveys = ItaSettings.for_site(site)
    surveys.eit_url = "https://itas.nacc.go.th/go/eit/example"
    surveys.save()
    return ItaYearPageFactory(parent=home, year=fy2568)


def test_ita_page_shows_every_item_with_its_title(client, ita_page):
    html = client.get(ita_page.url).content.decode()

    for item in ItaItem.objects.all_organizations().of_year(2568):
        assert f'<th scope="row">{item.code}</th>' in html
        assert f"<td>{escape(item.title)}</td>" in html
    assert "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตประจำปี" in html
    assert "<h2" in html and "การเปิดเผยข้อมูล: ข้อมูลพื้นฐาน" in html


def test_ita_page_links_the_evidence_of_o2(client, ita_page, answering_pages):
    html = client.get(ita_page.url).content.decode()

    mayor = answering_pages["mayor"]
    assert f'href="{mayor.url}"' in html
    assert mayor.title in html
    assert f'href="{answering_pages["clerk"].url}"' not in html


def test_ita_page_says_no_evidence_yet_for_an_item_without_any(client, ita_page):
    html = client.get(ita_page.url).content.decode()

    row = html.split('<tr id="ita-o6"')[1].split("</tr>")[0]
    assert "ยังไม่มีข้อมูล" in row


def test_ita_page_links_external_evidence_and_surveys_with_noopener(client, ita_page):
    item = ItaItem.objects.all_organizations().of_year(2568).get(code="O10")
    ItaEvidenceFactory(
        item=item, kind="url", external_url="https://eservice.example.org/", label="บริการออนไลน์"
    )

    html = client.get(ita_page.url).content.decode()

    assert '<a href="https://eservice.example.org/" rel="noopener">บริการออนไลน์</a>' in html
    assert 'href="https://itas.nacc.go.th/go/eit/example" rel="noopener"' in html
    assert "IIT" not in html.split("<h1>")[1].split("9.1")[0]


def test_ita_page_renders_within_ten_queries(
    client, visited_site, ita_page, django_assert_max_num_queries
):
    client.get(ita_page.url)  # the menu, header and footer fragments are remembered after this

    with django_assert_max_num_queries(10):
        response = client.get(ita_page.url + "?again=1")

    assert response.status_code == 200


def test_a_year_entered_by_a_clerk_lists_its_indicators_items_and_evidence(client, home):
    year = ItaYearFactory(fiscal_year=2570)
    indicator = ItaIndicatorFactory(year=year, code="1.1", title="ข้อมูลพื้นฐานทดสอบ")
    item = ItaItemFactory(indicator=indicator, code="O1", title="โครงสร้างทดสอบ")
    ItaItemFactory(indicator=indicator, code="O2", title="ผู้บริหารทดสอบ")
    ItaEvidenceFactory(item=item, external_url="https://example.org/chart", label="แผนผังทดสอบ")
    page = ItaYearPageFactory(parent=home, year=year)

    html = client.get(page.url).content.decode()

    assert "1.1 ข้อมูลพื้นฐานทดสอบ" in html
    o1 = html.split('<tr id="ita-o1"')[1].split("</tr>")[0]
    assert "<td>โครงสร้างทดสอบ</td>" in o1
    assert '<a href="https://example.org/chart" rel="noopener">แผนผังทดสอบ</a>' in o1
    assert "ยังไม่มีข้อมูล" in html.split('<tr id="ita-o2"')[1].split("</tr>")[0]


def test_an_out_of_date_item_has_the_same_status_on_the_public_page_and_the_dashboard(
    client, admin_client, ita_page
):
    """O21 needs the assessed year's information; evidence of FY 2570 does not answer it."""
    from django.urls import reverse

    item = ItaItem.objects.all_organizations().of_year(2568).get(code="O21")
    ItaEvidenceFactory(
        item=item,
        kind="url",
        external_url="https://example.org/no-gift-2570",
        label="ประกาศนโยบายไม่รับของขวัญ 2570",
        covers_fiscal_year=2570,
    )

    public = client.get(ita_page.url).content.decode()
    dashboard = admin_client.get(reverse("ita_coverage") + "?year=2568").content.decode()

    public_row = public.split('<tr id="ita-o21"')[1].split("</tr>")[0]
    dashboard_row = dashboard.split('<tr id="ita-o21"')[1].split("</tr>")[0]
    assert 'data-status="out-of-date"' in public_row
    assert 'data-status="out-of-date"' in dashboard_row
    assert "ไม่ใช่ข้อมูลของปีงบประมาณที่ประเมิน" in public_row
    assert "ไม่ใช่ข้อมูลของปีงบประมาณที่ประเมิน" in dashboard_row
    # Evidence of the year assessed makes both say "published".
    ItaEvidenceFactory(
        item=item,
        kind="url",
        external_url="https://example.org/no-gift-2568",
        label="ประกาศนโยบายไม่รับของขวัญ 2568",
        published_on=datetime.date(2024, 10, 1),  # FY 2568 began on 1 Oct 2024
    )
    public = client.get(ita_page.url + "?after=1").content.decode()
    dashboard = admin_client.get(reverse("ita_coverage") + "?year=2568").content.decode()
    assert 'data-status="covered"' in public.split('<tr id="ita-o21"')[1].split("</tr>")[0]
    assert 'data-status="covered"' in dashboard.split('<tr id="ita-o21"')[1].split("</tr>")[0]


def test_the_public_page_never_shows_the_unconfirmed_mark(client, ita_page):
    html = client.get(ita_page.url).content.decode()

    assert "ยังไม่ยืนยัน" not in html
    assert "แผนดำเนินงานประจำปี" in html.split('<tr id="ita-o6"')[1].split("</tr>")[0]
