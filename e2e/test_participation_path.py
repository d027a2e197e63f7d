"""Issue 15's whole path on a 360 px phone: a resident files a proposal (JavaScript off), staff
publish it, record a village forum with its paper tally, see it ranked first in its village,
record the committee's decision, put it into a new plan edition and approve the edition; the
edition's ผ.02 downloads as XLSX with the regulation's columns and the project's row, and the
village's page tells the resident what became of the proposal."""

import datetime
import io
import re
import secrets

import openpyxl
import pytest
from playwright.sync_api import expect

from e2e.harness import assert_no_axe_violations, sign_in_as_staff, watch_page

PHONE = {"width": 360, "height": 740}
VILLAGE_NUMBER = 2
VOTES = 480  # more than any demo proposal of the village gets
P02_COLUMNS = [
    "ที่",
    "โครงการ",
    "วัตถุประสงค์",
    "เป้าหมาย (ผลผลิตของโครงการ)",
    "งบประมาณ",
    "ตัวชี้วัด (KPI)",
    "ผลที่คาดว่าจะได้รับ",
    "หน่วยงานรับผิดชอบหลัก",
]


def _phone(browser, base_url, javascript):
    context = browser.new_context(
        base_url=base_url,
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        java_script_enabled=javascript,
        locale="th-TH",
    )
    context.set_default_timeout(15_000)
    return context


@pytest.fixture
def resident(browser, base_url):
    context = _phone(browser, base_url, javascript=False)
    page = context.new_page()
    watched = watch_page(page, base_url)
    yield page
    watched.assert_no_bad_responses()
    context.close()


@pytest.fixture
def clerk(browser, base_url, staff_member):
    """Staff on a phone, signed in (the admin needs JavaScript)."""
    context = _phone(browser, base_url, javascript=True)
    page = context.new_page()
    sign_in_as_staff(page, staff_member)
    yield page
    context.close()


def today_be():
    today = datetime.date.today()
    return f"{today.day:02d}/{today.month:02d}/{today.year + 543}"


def save(page):
    page.get_by_role("button", name="บันทึก", exact=True).first.click()
    page.wait_for_load_state()
    assert page.locator(".error-message, .help-critical").count() == 0, page.locator(
        "main"
    ).inner_text()[:2000]


def choose(page, field_id, text):
    """Wagtail's chooser of a snippet field: open it, pick the row whose link reads `text`."""
    page.locator(f"#{field_id}-chooser [data-chooser-action-choose]").first.click()
    page.locator("a[data-chooser-modal-choice]").filter(has_text=text).first.click()
    expect(page.locator(f"#{field_id}")).not_to_have_value("")


def file_proposal(page, title):
    """The resident's part: the cycle taking proposals, its form, the thanks. Returns the
    cycle's id and name."""
    page.goto("/participation/")
    page.get_by_role("link", name="ส่งข้อเสนอโครงการ").first.click()
    cycle = int(re.search(r"/participation/(\d+)/propose/", page.url).group(1))
    page.locator("[name=village]").select_option(index=VILLAGE_NUMBER)
    page.locator("[name=title]").fill(title)
    page.locator("[name=problem]").fill("น้ำประปาไม่พอใช้ในหน้าแล้ง ชาวบ้านต้องซื้อน้ำ")
    page.locator("[name=proposed_project]").fill("ขุดเจาะบ่อบาดาลพร้อมหอถังสูง")
    page.locator("[name=place]").fill("ข้างศาลาประชาคม")
    page.locator("[name=proposer_name]").fill("นางทดสอบ ชาวบ้าน")
    page.locator("[name=proposer_contact]").fill("0812345678")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"**/participation/{cycle}/sent/")
    assert title in page.locator("main").inner_text()
    name = page.locator(f"main a[href='/participation/{cycle}/']").inner_text().strip()
    return cycle, name


def open_proposal_in_admin(page, title):
    page.goto("/admin/snippets/participation/proposal/?q=" + title.split()[0])
    page.get_by_role("link", name=title).first.click()
    page.wait_for_url("**/proposal/edit/*/")
    return int(re.search(r"/edit/(\d+)/", page.url).group(1))


def record_forum(page, cycle_name, proposal):
    """A village forum, then its paper tally on the proposal (the list of proposals offered
    follows the forum's cycle and village once the forum is saved)."""
    page.goto("/admin/snippets/participation/forum/add/")
    choose(page, "id_cycle", cycle_name)
    page.locator("#id_kind").select_option("village")
    choose(page, "id_village", re.compile(f"หมู่ที่ {VILLAGE_NUMBER} "))
    page.locator("#id_held_on").fill(today_be())
    page.locator("#id_place").fill("ศาลาประชาคมหมู่ที่ 2 (ทดสอบ)")
    page.locator("[name=attendance_female_60_plus]").fill("21")
    page.locator("[name=attendance_male_26_59]").fill("17")
    page.locator("#id_minutes").fill("ที่ประชุมลงคะแนนเลือกโครงการ (ทดสอบ)")
    save(page)
    # Newest first (held today, the highest id of the day): the forum just saved.
    page.goto("/admin/snippets/participation/forum/")
    page.locator("a[href*='/participation/forum/edit/']").first.click()
    page.wait_for_url("**/forum/edit/*/")
    page.locator("#id_tallies-ADD").click()
    page.locator("#id_tallies-0-proposal").select_option(str(proposal))
    page.locator("#id_tallies-0-votes").fill(str(VOTES))
    save(page)


def test_a_proposal_goes_from_the_form_through_a_forum_into_the_plan_and_back_to_its_village(
    resident, clerk
):
    title = f"บ่อบาดาลหมู่สอง {secrets.token_hex(3)}"
    cycle, cycle_name = file_proposal(resident, title)

    # Staff publish it and record the village forum's paper tally.
    proposal = open_proposal_in_admin(clerk, title)
    clerk.locator("#id_moderation").select_option("published")
    save(clerk)
    record_forum(clerk, cycle_name, proposal)

    # Ranked first in its village: the forum's votes.
    resident.goto(f"/participation/{cycle}/ranking/")
    village_table = resident.locator("section").filter(
        has=resident.locator("h2", has_text=f"หมู่ที่ {VILLAGE_NUMBER} ")
    )
    first = village_table.locator("tbody tr").first
    assert title in first.inner_text()
    assert f"{VOTES}" in first.inner_text().replace(",", "")

    # The committee adopts it; a first edition of the plan is drafted; it goes into the plan.
    clerk.goto(f"/admin/snippets/participation/proposal/edit/{proposal}/")
    clerk.locator("#id_decision").select_option("adopted")
    save(clerk)
    clerk.goto("/admin/snippets/participation/planedition/add/")
    choose(clerk, "id_cycle", cycle_name)
    first_year = int(re.search(r"25\d\d", cycle_name)[0])
    clerk.locator("#id_kind").select_option("first")
    clerk.locator("#id_number").fill("1")
    clerk.locator("#id_year_be").fill(str(first_year))
    save(clerk)
    clerk.goto(f"/admin/bulk/participation/proposal/adopt-proposals/?id={proposal}")
    edition_choice = clerk.locator("#id_edition option").filter(has_text=str(first_year))
    edition = int(edition_choice.last.get_attribute("value"))
    clerk.locator("#id_edition").select_option(str(edition))
    clerk.locator(f"#id_strategy_{proposal}").select_option(index=1)
    clerk.locator("form button[type=submit]").last.click()
    clerk.wait_for_load_state()

    # The edition is approved and announced.
    clerk.goto(f"/admin/snippets/participation/planedition/edit/{edition}/")
    clerk.locator("#id_approved_on").fill(today_be())
    save(clerk)

    # ผ.02 as XLSX: the regulation's columns, the five plan years, the project's row.
    response = resident.request.get(f"/participation/{cycle}/plan/{edition}/p02.xlsx")
    assert response.status == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.body())).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in rows if row and row[0] == "ที่")
    assert [cell for cell in header if cell] == P02_COLUMNS
    years_row = rows[rows.index(header) + 1]
    assert [str(y) for y in range(first_year, first_year + 5)] == [
        re.search(r"25\d\d", str(cell))[0] for cell in years_row if cell and "25" in str(cell)
    ]
    project_rows = [row for row in rows if row and any(title in str(cell) for cell in row)]
    assert len(project_rows) == 1
    assert "น้ำประปาไม่พอใช้" in " ".join(str(cell) for cell in project_rows[0])

    # The village's page: the proposal, the committee's decision, the project in the plan.
    resident.goto(f"/participation/villages/{VILLAGE_NUMBER}/")
    text = resident.locator("main").inner_text()
    assert title in text
    block = resident.locator("article, li, section").filter(has_text=title).last.inner_text()
    assert "บรรจุในแผน" in block
    assert "อยู่ในแผน" in block
    assert "นางทดสอบ" not in text and "0812345678" not in text


def test_every_page_a_cycle_links_to_passes_axe_and_fits_a_phone(phone_page):
    """The demo's cycles and every participation page their pages link to (forums, ranking,
    plan and its editions, statistics, monitoring reports, villages), but the print forms,
    which are A4 landscape by design and scroll inside their box."""
    page = phone_page
    page.goto("/participation/")
    to_visit = ["/participation/"]
    to_visit += [
        link.get_attribute("href") for link in page.locator("main a[href^='/participation/']").all()
    ]
    seen = set()
    while to_visit:
        path = to_visit.pop(0).split("#")[0]
        if path in seen or path.endswith((".csv", ".json", ".xlsx")) or "/support/" in path:
            continue
        seen.add(path)
        page.goto(path)
        assert_no_axe_violations(page)
        if "/p01/" not in path and "/p02/" not in path:
            width = page.evaluate("document.scrollingElement.scrollWidth")
            assert width <= PHONE["width"], f"{path} is {width}px wide"
        if len(seen) < 60:
            links = page.locator("main a[href^='/participation/']").all()
            to_visit += [link.get_attribute("href") for link in links]
    kinds = {"forums", "ranking", "plan", "statistics", "monitoring", "villages", "proposals"}
    assert kinds <= {part for path in seen for part in path.split("/")}
