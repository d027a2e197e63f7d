"""The public ITA page of the demo organization, as the NACC assessor opens it: every item is
listed, and every piece of evidence leads to a real page with content."""

from urllib.parse import urlsplit

from e2e.harness import assert_no_axe_violations

ITA_PAGE = "/ita-2568/"


def evidence_links(page):
    return [
        (row.get_attribute("id"), link.get_attribute("href"))
        for row in page.locator("table.ita-items tbody tr").all()
        for link in row.locator("td a").all()
    ]


def test_the_ita_page_lists_all_26_items_of_fy_2568(page):
    page.goto(ITA_PAGE)

    codes = page.locator("table.ita-items tbody th[scope=row]").all_inner_texts()
    assert codes == [f"O{n}" for n in range(1, 27)]
    assert "ข้อมูลผู้บริหาร" in page.locator("#ita-o2").inner_text()


def test_every_evidence_link_opens_a_page_with_content(page, base_url):
    page.goto(ITA_PAGE)
    links = evidence_links(page)
    assert len(links) >= 5, links
    host = urlsplit(base_url).netloc
    for item, href in links:
        target = urlsplit(href)
        if target.netloc and target.netloc != host:
            assert target.scheme == "https", f"{item}: {href}"
            continue
        # A fresh load each time (a link to a part of the page just opened would not reload it).
        page.goto("about:blank")
        response = page.goto(href)
        assert response.status == 200, f"{item} -> {href} answered {response.status}"
        main = page.locator("main")
        assert main.locator("h1").count() == 1, f"{item} -> {href} has no heading"
        heading = main.locator("h1").inner_text()
        body = main.inner_text().replace(heading, "", 1).strip()
        assert len(body) > 40, f"{item} -> {href} is nearly empty: {body!r}"
        if target.fragment:
            assert page.locator(f"#{target.fragment}").count() == 1, f"{item} -> {href}: no part"


def test_the_ita_page_passes_axe(page):
    page.goto(ITA_PAGE)
    assert_no_axe_violations(page)
