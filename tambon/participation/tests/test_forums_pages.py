"""The public forum pages: listed on the cycle's page; each forum's date (B.E.), place,
attendance table with totals, minutes, photos and the published proposals with their votes;
never a proposer's name; another organization's forum is not found."""

import datetime

import pytest

from tambon.core.models import Organization
from tambon.core.tests.factories import ImageFactory
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import AgeGroup, ForumKind, Moderation, Sex

from .factories import ForumFactory, PlanCycleFactory, ProposalFactory, VillageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def forum(site):
    cycle = PlanCycleFactory(name="แผนพัฒนาท้องถิ่นทดสอบ")
    village = VillageFactory(number=4, name="บ้านหนองบัว")
    forum = ForumFactory(
        cycle=cycle,
        village=village,
        held_on=datetime.date(2026, 11, 20),
        place="ศาลาประชาคมบ้านหนองบัว",
        minutes="ที่ประชุมเห็นชอบให้ถนนเป็นลำดับแรก",
    )
    for sex, age, count in (
        (Sex.MALE, AgeGroup.ADULT, 30),
        (Sex.FEMALE, AgeGroup.ADULT, 25),
        (Sex.FEMALE, AgeGroup.ELDERLY, 12),
        (Sex.NOT_STATED, AgeGroup.UNDER_18, 1),
    ):
        forum.attendance.create(sex=sex, age_group=age, count=count)
    road = ProposalFactory(cycle=cycle, village=village, title="ถนนคอนกรีตสายหนองบัว")
    hidden = ProposalFactory(
        cycle=cycle, village=village, title="ข้อเสนอรอตรวจ", moderation=Moderation.PENDING
    )
    forum.tallies.create(proposal=road, votes=41, forum_rank=1)
    forum.tallies.create(proposal=hidden, votes=3)
    forum.save()  # the children of a cluster are written with it
    return forum


def url(forum):
    return f"/participation/{forum.cycle_id}/forums/{forum.pk}/"


def test_the_cycle_page_lists_its_forums(client, forum):
    text = client.get(f"/participation/{forum.cycle_id}/").content.decode()
    assert "เวทีประชาคม" in text
    assert url(forum) in text
    assert "20 พฤศจิกายน 2569" in text


def test_a_forum_page_says_when_where_who_came_and_what_was_voted(client, forum):
    response = client.get(url(forum))
    assert response.status_code == 200
    text = response.content.decode()
    assert "20 พฤศจิกายน 2569" in text  # Buddhist Era
    assert "ศาลาประชาคมบ้านหนองบัว" in text
    assert "ประชาคมหมู่บ้าน" in text and "หมู่ที่ 4 บ้านหนองบัว" in text
    # The attendance: a row per sex, a column per age group, totals (30 + 25 + 12 + 1 = 68).
    assert '<th scope="row">หญิง</th>' in text
    assert "60 ปีขึ้นไป" in text
    assert "ผู้เข้าร่วมประชุม แยกตามเพศและช่วงอายุ (รวม 68 คน)" in text
    assert "<td>37</td>" in text  # the women: 25 + 12
    assert 'role="region"' in text  # the table scrolls on its own at 360 px
    assert "ที่ประชุมเห็นชอบให้ถนนเป็นลำดับแรก" in text
    assert "ลำดับที่ 1: ถนนคอนกรีตสายหนองบัว" in text
    assert "41 คะแนน" in text
    # Not published, so not named; and no proposer ever.
    assert "ข้อเสนอรอตรวจ" not in text
    assert "ผู้เสนอ ลับเฉพาะ" not in text
    assert "0812345678" not in text


def test_a_subdistrict_forum_and_its_photos(client, site):
    forum = ForumFactory(kind=ForumKind.SUBDISTRICT, village=None)
    forum.photos.create(image=ImageFactory(), caption="บรรยากาศการประชุม")
    forum.save()
    text = client.get(url(forum)).content.decode()
    assert "ประชาคมตำบล" in text
    assert "บรรยากาศการประชุม" in text
    assert "<img" in text
    assert "ยังไม่ได้บันทึกจำนวนผู้เข้าร่วม" in text


def test_another_organizations_forum_or_a_wrong_cycle_is_not_found(client, forum):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = ForumFactory(cycle=PlanCycleFactory(organization=other))
    assert client.get(url(theirs)).status_code == 404
    assert client.get(f"/participation/{forum.cycle_id}/forums/{theirs.pk}/").status_code == 404
    other_cycle = PlanCycleFactory()
    assert client.get(f"/participation/{other_cycle.pk}/forums/{forum.pk}/").status_code == 404
    forum.cycle.shown = False
    forum.cycle.save()
    assert client.get(url(forum)).status_code == 404
