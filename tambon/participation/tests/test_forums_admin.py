"""The forums' admin: the attendance grid, the checks of village and tallies in Thai, choices
of the member's organization only, and typing in a forum's paper proposals in bulk."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import (
    AgeGroup,
    Forum,
    ForumKind,
    ForumTally,
    Moderation,
    Proposal,
    Sex,
    Source,
)

from .factories import ForumFactory, PlanCycleFactory, ProposalFactory, VillageFactory

pytestmark = pytest.mark.django_db

ADD = reverse("wagtailsnippets_participation_forum:add")


@pytest.fixture
def admin_client(client, site):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


@pytest.fixture
def ours(site):
    return Organization.for_site(site)


@pytest.fixture
def theirs(site):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    return ForumFactory(
        cycle=PlanCycleFactory(organization=other, name="แผนของเขา"),
        village=VillageFactory(organization=other, name="หมู่บ้านของเขา"),
        place="ศาลาของเขา",
    )


def _forum_form(cycle, village=None, kind=ForumKind.VILLAGE, tallies=(), **fields):
    data = {
        "cycle": cycle.pk,
        "kind": kind,
        "village": village.pk if village else "",
        "held_on": "15/01/2570",
        "place": "ศาลาประชาคม หมู่ 1",
        "chaired_by": "ผู้ใหญ่บ้าน",
        "minutes": "ที่ประชุมเรียงลำดับโครงการ",
        "minutes_document": "",
        "tallies-TOTAL_FORMS": str(len(tallies)),
        "tallies-INITIAL_FORMS": "0",
        "tallies-MIN_NUM_FORMS": "0",
        "tallies-MAX_NUM_FORMS": "1000",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for n, (proposal, votes, rank) in enumerate(tallies):
        data |= {
            f"tallies-{n}-proposal": proposal.pk,
            f"tallies-{n}-votes": str(votes),
            f"tallies-{n}-forum_rank": str(rank or ""),
            f"tallies-{n}-note": "",
            f"tallies-{n}-id": "",
            f"tallies-{n}-ORDER": str(n + 1),
            f"tallies-{n}-DELETE": "",
        }
    return data


def test_a_forum_is_saved_with_its_attendance_grid_and_tallies(admin_client, ours):
    cycle = PlanCycleFactory()
    village = VillageFactory()
    road, well = (ProposalFactory(cycle=cycle, village=village) for _ in range(2))
    form = admin_client.get(ADD).content.decode()
    # The grid offers every cell of the official sheet: 3 sexes x 4 age groups.
    assert form.count('name="attendance_') == 12
    assert "60 ปีขึ้นไป" in form

    data = _forum_form(
        cycle,
        village,
        tallies=[(road, 41, 1), (well, 17, 2)],
        attendance_female_60_plus="12",
        attendance_male_26_59="30",
        attendance_not_stated_18_25="",
    )
    response = admin_client.post(ADD, data)
    assert response.status_code == 302, response.context["form"].errors
    forum = Forum.objects.for_organization(ours).get()
    assert forum.held_on == datetime.date(2027, 1, 15)
    assert sorted((a.sex, a.age_group, a.count) for a in forum.attendance.all()) == [
        (Sex.FEMALE, AgeGroup.ELDERLY, 12),
        (Sex.MALE, AgeGroup.ADULT, 30),
    ]
    assert [(t.proposal, t.votes) for t in forum.tallies.all()] == [(road, 41), (well, 17)]

    # Opened again, the grid shows the numbers typed; a box emptied removes its row.
    edit = reverse("wagtailsnippets_participation_forum:edit", args=[forum.pk])
    page = admin_client.get(edit)
    assert page.context["form"]["attendance_female_60_plus"].value() == 12
    listing = admin_client.get(reverse("wagtailsnippets_participation_forum:list")).content
    assert "15 มกราคม 2570" in listing.decode()


def test_the_tallies_offer_the_proposals_of_the_forums_cycle_and_village(admin_client):
    forum = ForumFactory()
    ours = ProposalFactory(cycle=forum.cycle, village=forum.village, title="ข้อเสนอของเวทีนี้")
    ProposalFactory(cycle=forum.cycle, title="ข้อเสนอของหมู่อื่น")
    ProposalFactory(village=forum.village, title="ข้อเสนอของแผนอื่น")
    edit = reverse("wagtailsnippets_participation_forum:edit", args=[forum.pk])
    page = admin_client.get(edit).content.decode()
    assert f'<option value="{ours.pk}">ข้อเสนอของเวทีนี้' in page
    assert "ข้อเสนอของหมู่อื่น" not in page
    assert "ข้อเสนอของแผนอื่น" not in page


@pytest.mark.parametrize(
    ("kind", "with_village", "message"),
    [
        (ForumKind.VILLAGE, False, "ประชาคมหมู่บ้านต้องระบุหมู่บ้าน"),
        (ForumKind.SUBDISTRICT, True, "ประชาคมตำบลเป็นของทุกหมู่บ้าน"),
    ],
)
def test_the_village_must_match_the_kind_of_forum(admin_client, ours, kind, with_village, message):
    data = _forum_form(PlanCycleFactory(), VillageFactory() if with_village else None, kind=kind)
    response = admin_client.post(ADD, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Forum.objects.for_organization(ours).exists()


def test_a_tally_must_be_a_proposal_of_the_forums_cycle_and_village(admin_client, ours):
    cycle, village = PlanCycleFactory(), VillageFactory(name="บ้านหนองบัว")
    other_cycle = ProposalFactory(cycle=PlanCycleFactory(name="แผนเก่า"), village=village)
    other_village = ProposalFactory(cycle=cycle, village=VillageFactory(name="บ้านโคกกลาง"))
    for proposal, message in (
        (other_cycle, "ข้อเสนอนี้ไม่ได้อยู่ในรอบแผนของเวทีประชาคมนี้"),
        (other_village, "ข้อเสนอนี้เป็นของหมู่"),
    ):
        response = admin_client.post(ADD, _forum_form(cycle, village, tallies=[(proposal, 5, 1)]))
        assert response.status_code == 200
        assert message in response.content.decode()
    assert not Forum.objects.for_organization(ours).exists()


def test_choices_and_forums_of_another_organization_are_not_offered(admin_client, theirs):
    page = admin_client.get(ADD).content.decode()
    assert "หมู่บ้านของเขา" not in page
    assert "แผนของเขา" not in page
    listing = admin_client.get(reverse("wagtailsnippets_participation_forum:list")).content
    assert "ศาลาของเขา" not in listing.decode()
    for name in ("edit", "bulk_proposals"):
        url = reverse(f"wagtailsnippets_participation_forum:{name}", args=[theirs.pk])
        assert admin_client.get(url).status_code == 404
    # A proposal of theirs typed into a tally is refused.
    their_proposal = ProposalFactory(cycle=theirs.cycle, village=theirs.village)
    data = _forum_form(PlanCycleFactory(), VillageFactory(), tallies=[(their_proposal, 3, 1)])
    assert admin_client.post(ADD, data).status_code == 200
    assert not ForumTally.objects.all_organizations().exists()


def _rows(*rows, village=None):
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "30",
    }
    for n, row in enumerate(rows):
        for name, value in row.items():
            data[f"form-{n}-{name}"] = value
        if village is not None and row:
            data.setdefault(f"form-{n}-village", village.pk)
    return data


ROAD = {
    "title": "ถนนคอนกรีตสายบ้านนาไปวัด",
    "problem": "ถนนลูกรังเป็นหลุม",
    "proposed_project": "สร้างถนน คสล. ยาว 300 ม.",
    "place": "ซอยวัด",
    "estimated_budget": "๕๐๐,๐๐๐ บาท",
    "beneficiaries": "120 ครัวเรือน",
    "votes": "41",
}
LIGHTS = {
    "title": "ไฟส่องสว่างทางเข้าหมู่บ้าน",
    "problem": "ทางมืด",
    "proposed_project": "ติดตั้งไฟโซลาร์เซลล์ 20 ต้น",
    "votes": "17",
}


def test_paper_proposals_are_typed_in_at_once_with_their_votes(admin_client, ours):
    forum = ForumFactory()
    url = reverse("wagtailsnippets_participation_forum:bulk_proposals", args=[forum.pk])
    edit = reverse("wagtailsnippets_participation_forum:edit", args=[forum.pk])
    assert url in admin_client.get(edit).content.decode()  # the button on the forum's page
    page = admin_client.get(url).content.decode()
    assert page.count('name="form-') >= 5 * 7  # five blank rows, village not asked

    response = admin_client.post(url, _rows(ROAD, {}, LIGHTS))
    assert response.status_code == 302
    proposals = Proposal.objects.for_organization(ours).order_by("pk")
    assert [p.title for p in proposals] == [ROAD["title"], LIGHTS["title"]]
    road = proposals[0]
    assert (road.cycle, road.village, road.source, road.moderation) == (
        forum.cycle,
        forum.village,
        Source.FORUM,
        Moderation.PUBLISHED,
    )
    assert road.estimated_budget == 500000
    tallies = ForumTally.objects.for_organization(ours).filter(forum=forum).order_by("pk")
    assert [(t.proposal.title, t.votes) for t in tallies] == [
        (ROAD["title"], 41),
        (LIGHTS["title"], 17),
    ]
    assert "2 ข้อเสนอ" in admin_client.get(edit).content.decode()


def test_a_bad_row_saves_nothing_and_keeps_what_was_typed(admin_client, ours):
    forum = ForumFactory()
    url = reverse("wagtailsnippets_participation_forum:bulk_proposals", args=[forum.pk])
    bad = {**LIGHTS, "problem": "", "estimated_budget": "ประมาณแสนนึง", "votes": "-3"}
    response = admin_client.post(url, _rows(ROAD, bad))
    assert response.status_code == 200
    text = response.content.decode()
    assert "ยังไม่ได้บันทึก" in text
    assert "กรุณากรอกงบประมาณเป็นตัวเลข" in text
    assert ROAD["title"] in text and "ประมาณแสนนึง" in text
    assert not Proposal.objects.for_organization(ours).exists()
    assert "พิมพ์ข้อเสนออย่างน้อยหนึ่งรายการ" in admin_client.post(url, _rows({}, {})).content.decode()


def test_a_subdistrict_forums_rows_each_name_their_village(admin_client, ours):
    forum = ForumFactory(kind=ForumKind.SUBDISTRICT, village=None)
    village = VillageFactory(name="บ้านดอนแดง")
    url = reverse("wagtailsnippets_participation_forum:bulk_proposals", args=[forum.pk])
    response = admin_client.post(url, _rows(ROAD))
    assert response.status_code == 200
    assert not Proposal.objects.for_organization(ours).exists()
    assert admin_client.post(url, _rows(ROAD, village=village)).status_code == 302
    assert Proposal.objects.for_organization(ours).get().village == village
