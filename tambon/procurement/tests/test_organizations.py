"""Two organizations on two sites: the procurement of one never shows on, or can be reached
from, the other; public pages, open data, the admin and the CSV import alike."""

import csv
import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.procurement.models import (
    AnnualProcurementReport,
    ImportJob,
    ProcurementAnnouncement,
    ProcurementPlan,
    ProcurementProject,
)

from .factories import (
    AnnualProcurementReportFactory,
    PlanLineFactory,
    ProcurementAnnouncementFactory,
    ProcurementIndexPageFactory,
    ProcurementPlanFactory,
    ProcurementProjectFactory,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1"  # the second site's host name; the default site answers the rest
EGP_NUMBER = "65037000555"  # both organizations happen to have a project with this number


def rows_of(organization, label):
    """One of everything for the organization, each named with ``label`` ("เรา" or "เขา")."""
    project = ProcurementProjectFactory(
        organization=organization,
        title=f"ซ่อมถนนของ{label}",
        egp_number=EGP_NUMBER,
        winner=f"ร้านผู้ชนะของ{label}",
        bids=[(f"ร้านเสนอราคาของ{label}", "9500")],
    )
    announcement = ProcurementAnnouncementFactory(
        organization=organization, title=f"ประกาศของ{label}", project=project
    )
    plan = ProcurementPlanFactory(organization=organization, title=f"แผนของ{label}")
    PlanLineFactory(plan=plan, project=f"รายการในแผนของ{label}")
    report = AnnualProcurementReportFactory(
        organization=organization, problems=f"ปัญหาของ{label}", fiscal_year=2565
    )
    job = ImportJob.objects.for_organization(organization).create(
        filename=f"นำเข้าของ{label}.csv", content=b"x", encoding="UTF-8"
    )
    return {
        "project": project,
        "announcement": announcement,
        "plan": plan,
        "report": report,
        "job": job,
    }


@pytest.fixture
def two(site, home):
    other = second_organization_site(OTHER_HOST)
    ProcurementIndexPageFactory(parent=home)
    ProcurementIndexPageFactory(parent=other.root_page)
    theirs = Organization.for_site(other)
    # A year only they have: it must not appear among our years.
    ProcurementProjectFactory(
        organization=theirs,
        title="โครงการปีเขา",
        fiscal_year=2569,
        status="planned",
        winner="",
        contract_date=None,
    )
    return rows_of(Organization.for_site(site), "เรา"), rows_of(theirs, "เขา")


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


def text_of(response):
    assert response.status_code == 200, response
    return response.content.decode()


# --- Public pages and open data -------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/procurement/",
        "/procurement/?year=2565",
        "/procurement/plan/2565/",
        "/procurement/summary/2565/3/",
        "/procurement/summary/2565/3/csv/",
        "/procurement/report/2565/",
        "/procurement/announcements/csv/",
        "/procurement/announcements/json/",
        "/procurement/projects/csv/",
        "/procurement/projects/json/",
    ],
)
def test_each_public_page_and_download_shows_its_own_organizations_procurement(client, two, path):
    ours = text_of(client.get(path))
    theirs = text_of(client.get(path, HTTP_HOST=OTHER_HOST))
    assert "ของเรา" in ours
    assert "ของเขา" not in ours
    assert "ของเขา" in theirs
    assert "ของเรา" not in theirs


def test_each_organizations_name_heads_its_own_form_sorkhorror_1(client, two):
    ours = list(csv.reader(io.StringIO(text_of(client.get("/procurement/summary/2565/3/csv/")))))
    assert ours[2] == ["องค์การบริหารส่วนตำบลทดสอบ"]
    assert [row[1] for row in ours[4:]] == ["ซ่อมถนนของเรา"]
    workbook = client.get("/procurement/summary/2565/3/xlsx/", HTTP_HOST=OTHER_HOST)
    sheet = load_workbook(io.BytesIO(workbook.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[2][0] == "องค์การบริหารส่วนตำบลอื่น"
    assert [row[1] for row in values[4:]] == ["ซ่อมถนนของเขา"]


def test_the_announcement_search_finds_nothing_of_the_other_organization(client, two):
    html = text_of(client.get("/procurement/", {"q": "ประกาศของ"}))
    assert "ประกาศของเรา" in html
    assert "ประกาศของเขา" not in html
    html = text_of(client.get("/procurement/", {"q": EGP_NUMBER}))
    assert "ประกาศของเรา" in html
    assert "ประกาศของเขา" not in html


def test_the_open_data_lists_only_the_organizations_projects(client, two):
    records = json.loads(text_of(client.get("/procurement/projects/json/")))
    assert {record["title"] for record in records} == {"ซ่อมถนนของเรา"}
    assert records[0]["bids"] == [{"bidder": "ร้านเสนอราคาของเรา", "price": "9500.00"}]


def test_another_organizations_project_page_is_not_found_by_its_id(client, two):
    ours, theirs = two
    assert client.get(f"/procurement/project/{ours['project'].pk}/").status_code == 200
    assert client.get(f"/procurement/project/{theirs['project'].pk}/").status_code == 404
    on_their_host = client.get(
        f"/procurement/project/{theirs['project'].pk}/", HTTP_HOST=OTHER_HOST
    )
    assert "ร้านเสนอราคาของเขา" in text_of(on_their_host)


def test_the_years_offered_are_the_organizations_own(client, two):
    assert "2569" not in text_of(client.get("/procurement/plan/2565/"))
    assert "2569" in text_of(client.get("/procurement/plan/2565/", HTTP_HOST=OTHER_HOST))
    assert "/procurement/plan/2569/" not in text_of(client.get("/sitemap.xml"))


# --- The admin ------------------------------------------------------------------------------

SNIPPETS = {
    "project": "procurementproject",
    "announcement": "procurementannouncement",
    "plan": "procurementplan",
    "report": "annualprocurementreport",
}


@pytest.mark.parametrize("kind", SNIPPETS)
def test_each_admin_list_shows_the_sites_organizations_rows_only(admin_client, two, kind):
    ours, theirs = two
    url = reverse(f"wagtailsnippets_procurement_{SNIPPETS[kind]}:list")
    edit = f"wagtailsnippets_procurement_{SNIPPETS[kind]}:edit"
    html = text_of(admin_client.get(url))
    assert reverse(edit, args=[ours[kind].pk]) in html
    assert reverse(edit, args=[theirs[kind].pk]) not in html
    their_html = text_of(admin_client.get(url, HTTP_HOST=OTHER_HOST))
    assert reverse(edit, args=[theirs[kind].pk]) in their_html


@pytest.mark.parametrize("kind", SNIPPETS)
@pytest.mark.parametrize("view", ["edit", "delete", "usage", "history"])
def test_another_organizations_row_is_not_found_in_the_admin_by_its_id(
    admin_client, two, kind, view
):
    ours, theirs = two
    name = f"wagtailsnippets_procurement_{SNIPPETS[kind]}:{view}"
    assert admin_client.get(reverse(name, args=[ours[kind].pk])).status_code == 200
    assert admin_client.get(reverse(name, args=[theirs[kind].pk])).status_code == 404


def test_another_organizations_project_can_be_neither_changed_nor_deleted(admin_client, two):
    _ours, theirs = two
    project = theirs["project"]
    edit = reverse("wagtailsnippets_procurement_procurementproject:edit", args=[project.pk])
    response = admin_client.post(edit, {"title": "แก้โดยคนอื่น", "fiscal_year": "2565"})
    assert response.status_code == 404
    delete = reverse("wagtailsnippets_procurement_procurementproject:delete", args=[project.pk])
    assert admin_client.post(delete).status_code == 404
    kept = ProcurementProject.objects.all_organizations().get(pk=project.pk)
    assert kept.title == "ซ่อมถนนของเขา"


def test_bulk_deleting_by_ids_deletes_only_the_sites_organizations_projects(admin_client, two):
    ours, theirs = two
    url = reverse("wagtail_bulk_action", args=["procurement", "procurementproject", "delete"])
    assert admin_client.post(f"{url}?id={theirs['project'].pk}").status_code == 404
    assert ProcurementProject.objects.all_organizations().filter(pk=theirs["project"].pk).exists()


def test_a_project_added_in_the_admin_belongs_to_the_sites_organization(admin_client, two):
    form = {
        "fiscal_year": "2565",
        "egp_number": EGP_NUMBER,  # theirs already: one number per organization
        "title": "โครงการใหม่ของเขา",
        "method": "specific",
        "status": "planned",
        "budget": "1000",
        "bids-TOTAL_FORMS": "1",
        "bids-INITIAL_FORMS": "0",
        "bids-MIN_NUM_FORMS": "0",
        "bids-MAX_NUM_FORMS": "1000",
        "bids-0-bidder": "ร้านใหม่",
        "bids-0-price": "900",
        "bids-0-ORDER": "1",
    }
    url = reverse("wagtailsnippets_procurement_procurementproject:add")
    assert admin_client.post(url, form, HTTP_HOST=OTHER_HOST).status_code == 200  # taken
    form["egp_number"] = "65037000556"
    assert admin_client.post(url, form, HTTP_HOST=OTHER_HOST).status_code == 302
    added = ProcurementProject.objects.all_organizations().get(title="โครงการใหม่ของเขา")
    assert added.organization.site.hostname == OTHER_HOST
    assert [bid.organization_id for bid in added.bids.all()] == [added.organization_id]


def test_the_same_report_year_is_refused_within_an_organization_only(admin_client, two):
    url = reverse("wagtailsnippets_procurement_annualprocurementreport:add")
    form = {"fiscal_year": "2565", "problems": "ซ้ำ", "suggestions": ""}
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert "มีข้อความรายงานของปีงบประมาณนี้อยู่แล้ว" in response.content.decode()
    form["fiscal_year"] = "2566"
    assert admin_client.post(url, form, HTTP_HOST=OTHER_HOST).status_code == 302
    assert AnnualProcurementReport.objects.all_organizations().filter(fiscal_year=2566).count() == 1


def test_an_announcement_chooses_among_the_sites_organizations_projects(admin_client, two):
    ours, theirs = two
    html = admin_client.get("/admin/snippets/choose/procurement/procurementproject/").json()["html"]
    assert "ซ่อมถนนของเรา" in html
    assert "ซ่อมถนนของเขา" not in html
    chosen = f"/admin/snippets/choose/procurement/procurementproject/chosen/{theirs['project'].pk}/"
    assert admin_client.get(chosen).status_code == 404
    url = reverse("wagtailsnippets_procurement_procurementannouncement:add")
    response = admin_client.post(
        url,
        {
            "kind": "result",
            "date": "2022-03-10",
            "title": "ประกาศที่ชี้ไปโครงการของเขา",
            "project": theirs["project"].pk,
            "link": "",
        },
    )
    assert response.status_code == 200  # not a choice: refused
    assert not ProcurementAnnouncement.objects.all_organizations().filter(
        title="ประกาศที่ชี้ไปโครงการของเขา"
    )


def test_plans_of_another_organization_are_not_listed_or_opened(admin_client, two):
    ours, theirs = two
    plans = ProcurementPlan.objects.for_organization(theirs["plan"].organization)
    assert list(plans) == [theirs["plan"]]
    edit = reverse("wagtailsnippets_procurement_procurementplan:edit", args=[theirs["plan"].pk])
    assert admin_client.get(edit).status_code == 404
    assert "รายการในแผนของเขา" in text_of(admin_client.get(edit, HTTP_HOST=OTHER_HOST))


# --- The CSV import -------------------------------------------------------------------------

HEADER = "เลขที่โครงการ,งานที่จัดซื้อหรือจัดจ้าง,วิธีซื้อหรือจ้าง,วงเงิน,ผู้ได้รับคัดเลือก"


def import_file(client, text, **host):
    response = client.post(
        reverse("procurement_import:start"),
        {"file": SimpleUploadedFile("list.csv", text.encode(), content_type="text/csv")},
        **host,
    )
    assert response.status_code == 302
    job = ImportJob.objects.all_organizations().latest("created_at")
    client.post(reverse("procurement_import:preview", args=[job.pk]), **host)
    for _ in range(20):
        html = text_of(client.get(reverse("procurement_import:progress", args=[job.pk]), **host))
        if 'http-equiv="refresh"' not in html:
            break
    job.refresh_from_db()
    return job


def test_an_import_creates_and_updates_the_sites_organizations_projects_only(admin_client, two):
    ours, theirs = two
    text = "\n".join(
        [
            HEADER,
            f"{EGP_NUMBER},ซ่อมถนนของเรา ปรับปรุง,เฉพาะเจาะจง,10000,ร้านใหม่",
            "65037000777,โครงการนำเข้าของเรา,เฉพาะเจาะจง,5000,",
        ]
    )

    job = import_file(admin_client, text)

    assert (job.imported, job.updated) == (1, 1)
    organization = ours["project"].organization
    assert job.organization == organization
    titles = ProcurementProject.objects.for_organization(organization).values_list(
        "title", flat=True
    )
    assert set(titles) == {"ซ่อมถนนของเรา ปรับปรุง", "โครงการนำเข้าของเรา"}
    their_project = ProcurementProject.objects.all_organizations().get(pk=theirs["project"].pk)
    assert (their_project.title, their_project.winner) == ("ซ่อมถนนของเขา", "ร้านผู้ชนะของเขา")
    assert not ProcurementProject.objects.for_organization(their_project.organization).filter(
        title="โครงการนำเข้าของเรา"
    )


@pytest.mark.parametrize("view", ["preview", "progress"])
def test_another_organizations_import_job_cannot_be_opened_or_run(admin_client, two, view):
    ours, theirs = two
    url = reverse(f"procurement_import:{view}", args=[theirs["job"].pk])
    assert admin_client.get(url).status_code == 404
    assert (
        admin_client.post(
            reverse("procurement_import:preview", args=[theirs["job"].pk])
        ).status_code
        == 404
    )
    job = ImportJob.objects.all_organizations().get(pk=theirs["job"].pk)
    assert job.state == ImportJob.State.PREVIEW


def test_the_upload_page_lists_the_sites_organizations_imports_only(admin_client, two):
    html = text_of(admin_client.get(reverse("procurement_import:start")))
    assert "นำเข้าของเรา.csv" in html
    assert "นำเข้าของเขา.csv" not in html


def test_ita_evidence_is_found_in_the_sites_organizations_procurement_only(two):
    from tambon.core.ita.evidence import suggestions_for
    from tambon.core.ita.topics import ItaTopic

    ours, theirs = two
    # Only they concluded a project in fiscal year 2570 (a contract of November 2026).
    ProcurementProjectFactory(
        organization=theirs["plan"].organization,
        title="โครงการปี 2570 ของเขา",
        contract_date=datetime.date(2026, 11, 1),
    )
    our_site = ours["plan"].organization.site
    their_site = theirs["plan"].organization.site
    assert suggestions_for(ItaTopic.PROCUREMENT_MONTHLY, our_site, 2570) == []
    assert suggestions_for(ItaTopic.PROCUREMENT_MONTHLY, their_site, 2570)
