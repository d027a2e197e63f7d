"""The admin dashboard starts with the day's case work, in Thai: the cases waiting for
acknowledgement, overdue, assigned to me and those citizens wrote to, counted among the cases
the member may see in their organization, each count a link to the case list filtered alike."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from tambon.cases import dashboard, services
from tambon.cases.models import Case, CaseKind
from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site

from .factories import CaseFactory
from .test_admin import signed_in

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2020, 1, 6, tzinfo=datetime.UTC)


def tallies(html):
    """{label: (count, link)} of the dashboard's case panel."""
    found = re.findall(
        r'<a href="([^"]+)"><span class="case-tally__count">(\d+)</span> '
        r'<span class="case-tally__label">([^<]+)</span>',
        html,
    )
    return {label: (int(count), link.replace("&amp;", "&")) for link, count, label in found}


def listed(client, link):
    """The tracking codes the case list shows at `link`."""
    html = client.get(link).content.decode()
    return set(re.findall(r"[A-Z2-9]{4}-[A-Z2-9]{4}", html))


@pytest.fixture
def work(site, new_case, clerk, integrity_officer):
    """A day's cases: two new (one of them late), one given to the clerk on which the citizen
    then wrote, one resolved, and a corruption case a clerk may not see."""
    waiting = new_case(subject="ไฟดับ")
    late = new_case(subject="ท่อแตก", now=LONG_AGO)
    mine = new_case(subject="ถนนเป็นหลุม")
    services.assign(mine, clerk, clerk)
    done = new_case(subject="ขยะล้น")
    services.reject(done, clerk, "ซ้ำกับเรื่องเดิม")
    services.citizen_adds_information(mine, "หลุมลึกขึ้นอีกแล้ว")
    hidden = new_case(kind=CaseKind.CORRUPTION, subject="เรียกรับเงิน")
    services.citizen_adds_information(hidden, "มีหลักฐานเพิ่ม")
    return {"waiting": waiting, "late": late, "mine": mine, "done": done, "hidden": hidden}


def test_the_dashboard_counts_the_days_work_and_links_to_the_list(clerk, work):
    client = signed_in(clerk)
    html = client.get("/admin/").content.decode()
    counts = tallies(html)
    assert {label: count for label, (count, _link) in counts.items()} == {
        "รอตอบรับเรื่อง": 2,
        "เกินกำหนด": 1,
        "มอบหมายให้ฉัน ยังไม่เสร็จ": 1,
        "ประชาชนส่งข้อความมาใน 7 วันที่ผ่านมา": 1,
    }
    codes = {name: case.display_code for name, case in work.items()}
    assert listed(client, counts["รอตอบรับเรื่อง"][1]) == {codes["waiting"], codes["late"]}
    assert listed(client, counts["เกินกำหนด"][1]) == {codes["late"]}
    assert listed(client, counts["มอบหมายให้ฉัน ยังไม่เสร็จ"][1]) == {codes["mine"]}
    assert listed(client, counts["ประชาชนส่งข้อความมาใน 7 วันที่ผ่านมา"][1]) == {codes["mine"]}
    # The citizen's words, newest first, link to the case; never those of a hidden case.
    assert "หลุมลึกขึ้นอีกแล้ว" in html
    assert f'href="/admin/cases/{work["mine"].pk}/"' in html
    assert "มีหลักฐานเพิ่ม" not in html


def test_the_integrity_officer_sees_the_corruption_case_the_clerk_does_not(integrity_officer, work):
    counts = tallies(signed_in(integrity_officer).get("/admin/").content.decode())
    assert counts["ประชาชนส่งข้อความมาใน 7 วันที่ผ่านมา"][0] == 1
    assert counts["รอตอบรับเรื่อง"][0] == 1  # the corruption case only


def test_another_organizations_cases_are_not_counted(clerk, work):
    other = second_organization_site("127.0.0.1")
    CaseFactory(organization=Organization.for_site(other), subject="ของอีกแห่ง")
    counts = tallies(signed_in(clerk).get("/admin/").content.decode())
    assert counts["รอตอบรับเรื่อง"][0] == 2


def test_a_citizens_message_older_than_a_week_is_not_recent(clerk, work):
    later = timezone.now() + datetime.timedelta(days=8)
    cases = Case.objects.for_organization(work["mine"].organization).visible_to(clerk)
    assert not dashboard.with_recent_citizen_reply(cases, now=later).exists()
    assert dashboard.with_recent_citizen_reply(cases).get() == work["mine"]


def test_the_dashboard_has_no_english_of_wagtails_own(clerk, work):
    html = signed_in(clerk).get("/admin/").content.decode()
    for english in ("Pages created in", "editor guide", "Wagtail CMS", ">tambon<"):
        assert english not in html, english
    assert "เรื่องของประชาชน: งานวันนี้" in html


def test_staff_without_a_case_role_get_no_case_panel(outsider, work):
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    response = signed_in(outsider).get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "case-tally" not in html
