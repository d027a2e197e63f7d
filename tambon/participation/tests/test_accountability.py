"""Accountability: a project's status follows its newest progress report and only goes
forward; the village page tells what became of each proposal; the yearly monitoring report
counts the projects of a plan year."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.admin.forms.choosers import ExternalLinkChooserForm
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from tambon.core.blocks import BodyStreamBlock
from tambon.core.models import Organization
from tambon.core.tests.factories import ImageFactory
from tambon.pages.tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    second_organization_site,
)
from tambon.participation.models import (
    Decision,
    Moderation,
    PlanProject,
    ProjectStatus,
    ProjectUpdate,
)

from .factories import (
    PlanCycleFactory,
    PlanEditionFactory,
    PlanProjectFactory,
    ProposalFactory,
    VillageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(site):
    return PlanCycleFactory(first_year_be=2571)


@pytest.fixture
def edition(cycle):
    return PlanEditionFactory(cycle=cycle, approved_on=datetime.date(2026, 6, 1))


@pytest.fixture
def village(site):
    return VillageFactory(number=3, name="บ้านหนองทดสอบ")


@pytest.fixture
def project(edition, village):
    return PlanProjectFactory(edition=edition, village=village, title="ถนนคอนกรีตสายหนองทดสอบ")


def report(project, day, status, percent=0, **fields):
    update = ProjectUpdate(
        project=project,
        organization_id=project.organization_id,
        reported_on=day,
        status=status,
        percent_done=percent,
        **fields,
    )
    update.full_clean()
    update.save()
    return update


def reload(project):
    return PlanProject.objects.for_organization(project.organization_id).get(pk=project.pk)


def test_the_projects_status_follows_its_newest_report(project):
    report(project, datetime.date(2027, 1, 10), ProjectStatus.BUDGETED)
    newest = report(project, datetime.date(2027, 3, 1), ProjectStatus.IN_PROGRESS, 40)
    assert (reload(project).status, reload(project).percent_done) == ("in_progress", 40)
    # A report entered late for an earlier day does not move the project back.
    report(project, datetime.date(2027, 2, 1), ProjectStatus.PROCUREMENT, 10)
    assert (reload(project).status, reload(project).percent_done) == ("in_progress", 40)
    newest.delete()
    assert (reload(project).status, reload(project).percent_done) == ("procurement", 10)


def test_the_status_only_goes_forward_except_to_not_carried_out(project):
    report(project, datetime.date(2027, 3, 1), ProjectStatus.IN_PROGRESS, 40)
    with pytest.raises(ValidationError) as backwards:
        report(project, datetime.date(2027, 4, 1), ProjectStatus.BUDGETED)
    assert "สถานะเดินหน้าได้อย่างเดียว" in backwards.value.message_dict["status"][0]
    assert "หรือ “ไม่ได้ดำเนินการ”" in backwards.value.message_dict["status"][0]
    # Reported for an earlier day, a later step than the newer report is refused too.
    with pytest.raises(ValidationError) as before_newer:
        report(project, datetime.date(2027, 2, 1), ProjectStatus.DONE, 100)
    assert "ใหม่กว่า" in before_newer.value.message_dict["status"][0]
    report(project, datetime.date(2027, 5, 1), ProjectStatus.CANCELLED)
    assert reload(project).status == ProjectStatus.CANCELLED
    # Taken up again: it continues from its last step, not from the start.
    with pytest.raises(ValidationError):
        report(project, datetime.date(2027, 6, 1), ProjectStatus.IN_PLAN)
    report(project, datetime.date(2027, 6, 1), ProjectStatus.DONE, 100)
    assert (reload(project).status, reload(project).percent_done) == ("done", 100)


def test_the_first_report_starts_from_the_status_given_in_the_plan(project):
    project.status = ProjectStatus.PROCUREMENT
    project.save()
    with pytest.raises(ValidationError) as backwards:
        report(project, datetime.date(2027, 3, 1), ProjectStatus.BUDGETED)
    assert "โครงการอยู่ในขั้น “การจัดซื้อจัดจ้าง” แล้ว" in backwards.value.message_dict["status"][0]
    report(project, datetime.date(2027, 3, 1), ProjectStatus.PROCUREMENT, 5)
    assert reload(project).percent_done == 5


def test_one_hundred_percent_only_when_done(project):
    with pytest.raises(ValidationError) as early:
        report(project, datetime.date(2027, 3, 1), ProjectStatus.IN_PROGRESS, 100)
    assert early.value.message_dict["percent_done"] == ["ร้อยละ 100 ได้เฉพาะโครงการที่ดำเนินการแล้วเสร็จ"]
    with pytest.raises(ValidationError):
        report(project, datetime.date(2027, 3, 1), ProjectStatus.DONE, 90)
    assert reload(project).status == ProjectStatus.IN_PLAN


@pytest.mark.parametrize(
    "address",
    ["https://evil.example/x", "//evil.example/x", "procurement/12/", "/a b/", "javascript:x()"],
)
def test_the_procurement_entry_must_be_a_path_on_this_site(project, address):
    project.procurement_url = address
    with pytest.raises(ValidationError) as refused:
        project.full_clean()
    assert "ขึ้นต้นด้วย /" in refused.value.message_dict["procurement_url"][0]


def test_a_procurement_path_on_this_site_is_accepted(project):
    project.procurement_url = "/procurement/12/"
    project.full_clean()


@pytest.fixture
def adopted(cycle, village, project):
    proposal = ProposalFactory(
        cycle=cycle,
        village=village,
        title="ขอถนนคอนกรีตในหมู่บ้าน",
        decision=Decision.ADOPTED,
        decision_reason="ได้คะแนนสูงสุดในประชาคมหมู่บ้าน",
        decided_on=datetime.date(2026, 5, 20),
    )
    project.proposal = proposal
    project.procurement_url = "/procurement/12/"
    project.save()
    report(project, datetime.date(2027, 1, 10), ProjectStatus.BUDGETED)
    report(
        project,
        datetime.date(2027, 3, 1),
        ProjectStatus.IN_PROGRESS,
        40,
        note="เทคอนกรีตแล้วครึ่งสาย",
        image=ImageFactory(title="ภาพการเทถนน"),
    )
    return proposal


def test_the_village_page_tells_what_became_of_each_proposal(client, cycle, village, adopted):
    deferred = ProposalFactory(
        cycle=cycle,
        village=village,
        title="ขอไฟส่องสว่าง",
        decision=Decision.DEFERRED,
        decision_reason="งบประมาณไม่พอในปีนี้ จะพิจารณาในแผนถัดไป",
    )
    hidden = ProposalFactory(
        cycle=cycle, village=village, title="ข้อเสนอรอตรวจ", moderation=Moderation.PENDING
    )
    response = client.get(reverse("participation:village", args=[3]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "ข้อเสนอของหมู่บ้านเราเป็นอย่างไรบ้าง" in text
    assert adopted.title in text and "ได้คะแนนสูงสุดในประชาคมหมู่บ้าน" in text
    assert "20 พฤษภาคม 2569" in text  # decided on, in B.E.
    assert "ถนนคอนกรีตสายหนองทดสอบ" in text
    assert "กำลังดำเนินการ" in text and "ความคืบหน้าร้อยละ 40" in text
    assert 'aria-current="step"' in text and "(ผ่านแล้ว)" in text
    assert '<progress max="100" value="40"' in text
    assert 'href="/procurement/12/"' in text and "การจัดซื้อจัดจ้างของโครงการนี้" in text
    assert "เทคอนกรีตแล้วครึ่งสาย" in text and "1 มีนาคม 2570" in text
    assert 'alt="ภาพการเทถนน"' in text
    assert deferred.decision_reason in text and "เก็บไว้พิจารณาในแผนต่อไป" in text
    assert hidden.title not in text
    for secret in (adopted.proposer_name, adopted.proposer_contact):
        assert secret not in text


def test_the_village_page_lists_the_area_wide_projects_too(client, edition, village):
    PlanProjectFactory(edition=edition, village=None, title="โครงการป้องกันไฟป่าทั้งตำบล")
    PlanProjectFactory(edition=edition, village=VillageFactory(number=4), title="ถนนหมู่สี่")
    text = client.get(reverse("participation:village", args=[3])).content.decode()
    assert "โครงการของทั้งพื้นที่" in text and "โครงการป้องกันไฟป่าทั้งตำบล" in text
    assert "ถนนหมู่สี่" not in text


def test_a_draft_edition_is_not_shown(client, cycle, village):
    draft = PlanEditionFactory(cycle=cycle, number=2, kind="amended", approved_on=None)
    PlanProjectFactory(edition=draft, village=village, title="โครงการในร่างแผน")
    assert "โครงการในร่างแผน" not in client.get("/participation/villages/3/").content.decode()


def test_the_village_list_links_each_village(client, village, adopted):
    text = client.get(reverse("participation:villages")).content.decode()
    assert 'href="/participation/villages/3/"' in text
    assert "1 ข้อเสนอ" in text


def test_another_organizations_village_is_not_found(client, village, adopted):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    VillageFactory(organization=other, number=9, name="หมู่บ้านของเขา")
    theirs = VillageFactory(organization=other, number=3, name="บ้านของเขาหมู่สาม")
    ProposalFactory(
        cycle=PlanCycleFactory(organization=other),
        village=theirs,
        title="ข้อเสนอของเขา",
    )
    assert client.get("/participation/villages/9/").status_code == 404
    text = client.get("/participation/villages/3/").content.decode()
    assert "ข้อเสนอของเขา" not in text and "บ้านของเขา" not in text
    assert "หมู่บ้านของเขา" not in client.get("/participation/villages/").content.decode()


def test_the_monitoring_report_counts_the_projects_of_the_plan_year(client, cycle, edition):
    statuses = (ProjectStatus.DONE, ProjectStatus.IN_PROGRESS, ProjectStatus.CANCELLED)
    for number, status in enumerate(statuses, start=1):
        PlanProjectFactory(
            edition=edition,
            village=VillageFactory(number=number),
            title=f"โครงการปีแรก {number}",
            status=status,
            percent_done=100 if status == ProjectStatus.DONE else 30,
        )
    PlanProjectFactory(
        edition=edition,
        title="โครงการปีที่สาม",
        budget_year_1=None,
        budget_year_2=None,
        budget_year_3=80000,
    )
    response = client.get(reverse("participation:monitoring", args=[cycle.pk, 2571]))
    text = response.content.decode()
    assert "ประจำปีงบประมาณ พ.ศ. 2571" in text
    assert "ดำเนินการแล้วเสร็จ 1 จาก 3 โครงการ (ร้อยละ 33)" in text
    assert '<th scope="row">เสร็จสิ้น</th><td>1</td>' in text
    assert '<th scope="row">ไม่ได้ดำเนินการ</th><td>1</td>' in text
    assert '<th scope="row">ตั้งงบประมาณแล้ว</th><td>0</td>' in text
    assert "โครงการปีแรก 2" in text and "โครงการปีที่สาม" not in text
    assert 'href="/participation/villages/1/"' in text
    year_three = client.get(reverse("participation:monitoring", args=[cycle.pk, 2573]))
    assert "โครงการปีที่สาม" in year_three.content.decode()


def test_the_monitoring_report_answers_only_for_the_plan_years(client, cycle, edition):
    assert client.get(f"/participation/{cycle.pk}/monitoring/2570/").status_code == 404
    assert client.get(f"/participation/{cycle.pk}/monitoring/2576/").status_code == 404
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = PlanCycleFactory(organization=other)
    assert client.get(f"/participation/{theirs.pk}/monitoring/2571/").status_code == 404


def test_the_cycle_page_links_the_monitoring_reports_and_village_pages(client, cycle, adopted):
    text = client.get(reverse("participation:cycle", args=[cycle.pk])).content.decode()
    assert f'href="/participation/{cycle.pk}/monitoring/2571/"' in text
    assert f'href="/participation/{cycle.pk}/monitoring/2575/"' in text
    assert 'href="/participation/villages/3/"' in text


def test_a_news_post_links_to_the_village_and_monitoring_pages(client, home, cycle, adopted):
    """The pages are plain addresses on the site: the rich text's link feature takes them."""
    urls = [
        reverse("participation:village", args=[3]),
        reverse("participation:monitoring", args=[cycle.pk, 2571]),
    ]
    links = "".join(f'<a href="{url}">ลิงก์ {n}</a> ' for n, url in enumerate(urls))
    features = BodyStreamBlock().child_blocks["rich_text"].features
    # What the editor sends back is what the database keeps.
    editor = ContentstateConverter(features)
    kept = editor.to_database_format(editor.from_database_format(f"<p>{links}</p>"))
    for url in urls:
        assert ExternalLinkChooserForm({"url": url}).is_valid()
        assert f'href="{url}"' in kept
    post = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), body=[("rich_text", kept)])
    text = client.get(post.url).content.decode()
    for url in urls:
        assert f'href="{url}"' in text
        assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/participation/villages/99999999999999999999/",
        "/participation/villages/0/",
        "/participation/99999999999999999999/monitoring/2571/",
        "/participation/{cycle}/monitoring/99999999999999999999/",
    ],
)
def test_numbers_out_of_range_are_not_found(client, cycle, url):
    assert client.get(url.format(cycle=cycle.pk)).status_code == 404
