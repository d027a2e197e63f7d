"""The ranking per village and for the area, its public page, the committee's decision with its
reason in the admin, and merging duplicates with their supports and forum votes."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.merging import merge
from tambon.participation.models import (
    Decision,
    ForumKind,
    ForumTally,
    Moderation,
    PhaseKind,
    Proposal,
    Support,
)
from tambon.participation.ranking import area_ranking, village_rankings
from tambon.participation.verification import phone_hash
from tambon.thai.fiscal import today_in_bangkok

from .factories import ForumFactory, ProposalFactory, VillageFactory, cycle_around

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(site):
    return cycle_around(today_in_bangkok(), PhaseKind.VILLAGE_FORUMS)


@pytest.fixture
def villages(site):
    return VillageFactory(number=1, name="บ้านเหนือ"), VillageFactory(number=2, name="บ้านใต้")


def tally(forum, proposal, votes, order=None):
    return ForumTally.objects.for_organization(forum.organization).create(
        forum=forum, proposal=proposal, votes=votes, forum_rank=order
    )


def supported(proposal, *numbers):
    for number in numbers:
        Support.objects.for_organization(proposal.organization).create(
            proposal=proposal, supporter_hash=phone_hash(proposal.organization_id, number)
        )


def titles(rows):
    return [row.proposal.title for row in rows]


@pytest.fixture
def ranked(cycle, villages):
    """North: road (5 votes + 1 support), well (6 votes), lamp (4 votes + 2 supports, forum
    put it 1st), drain (no votes); south: bridge (3 votes). A subdistrict forum gives the
    bridge 10 votes."""
    north, south = villages
    forum = ForumFactory(cycle=cycle, village=north)
    made = {}
    for title, village in (
        ("ถนน", north),
        ("บ่อน้ำ", north),
        ("ไฟฟ้า", north),
        ("ท่อระบายน้ำ", north),
        ("สะพาน", south),
    ):
        made[title] = ProposalFactory(cycle=cycle, village=village, title=title)
    tally(forum, made["ถนน"], 5, order=2)
    supported(made["ถนน"], "0811111111")
    tally(forum, made["บ่อน้ำ"], 6, order=3)
    tally(forum, made["ไฟฟ้า"], 4, order=1)
    supported(made["ไฟฟ้า"], "0811111111", "0822222222")
    tally(ForumFactory(cycle=cycle, village=south), made["สะพาน"], 3)
    area = ForumFactory(cycle=cycle, kind=ForumKind.SUBDISTRICT, village=None)
    tally(area, made["สะพาน"], 10)
    # Neither a pending nor a merged proposal is ranked.
    ProposalFactory(cycle=cycle, village=north, title="รอตรวจ", moderation=Moderation.PENDING)
    ProposalFactory(cycle=cycle, village=north, title="ซ้ำ", merged_into=made["ถนน"])
    return made


def test_each_village_ranks_forum_votes_plus_supports_then_the_forums_order_then_date(
    cycle, ranked
):
    rankings = village_rankings(cycle)
    assert [str(village.name) for village, _rows in rankings] == ["บ้านเหนือ", "บ้านใต้"]
    north = rankings[0][1]
    # ไฟฟ้า 4+2=6 and บ่อน้ำ 6+0=6 tie: the forum put ไฟฟ้า first; ถนน 5+1=6 ties too, 2nd.
    assert titles(north) == ["ไฟฟ้า", "ถนน", "บ่อน้ำ", "ท่อระบายน้ำ"]
    assert [row.rank for row in north] == [1, 2, 3, 4]
    assert (north[0].village_votes, north[0].supports) == (4, 2)


def test_a_tie_without_a_forum_order_goes_to_the_earlier_proposal(cycle, villages):
    north, _south = villages
    first = ProposalFactory(cycle=cycle, village=north, title="ก่อน")
    later = ProposalFactory(cycle=cycle, village=north, title="หลัง")
    Proposal.objects.for_organization(first.organization).filter(pk=later.pk).update(
        created=first.created + datetime.timedelta(minutes=5)
    )
    supported(first, "0811111111")
    supported(later, "0822222222")
    assert titles(village_rankings(cycle)[0][1]) == ["ก่อน", "หลัง"]


def test_the_area_adds_the_subdistrict_forums_votes(cycle, ranked):
    assert titles(area_ranking(cycle)) == ["สะพาน", "ไฟฟ้า", "ถนน", "บ่อน้ำ", "ท่อระบายน้ำ"]


def test_the_ranking_page_shows_a_table_per_village_and_for_the_area(client, cycle, ranked):
    response = client.get(f"/participation/{cycle.pk}/ranking/")
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<table") == 3
    assert "<caption>" in page and 'scope="col"' in page
    assert "คะแนนจากเวทีประชาคมหมู่บ้านรวมกับจำนวนผู้สนับสนุนออนไลน์" in page
    assert page.index("ไฟฟ้า") < page.index("ถนน") < page.index("บ่อน้ำ")
    assert "รอตรวจ" not in page and ">ซ้ำ<" not in page
    assert "ยังไม่ได้พิจารณา" in page
    link = reverse("participation:proposal", args=[cycle.pk, ranked["ไฟฟ้า"].pk])
    assert link in page
    assert link in client.get(f"/participation/{cycle.pk}/").content.decode()


def test_the_proposal_page_shows_votes_supports_and_the_decision_with_its_reason(
    client, cycle, ranked
):
    lamp = ranked["ไฟฟ้า"]
    lamp.decision = Decision.NOT_ADOPTED
    lamp.decision_reason = "อยู่ในความรับผิดชอบของการไฟฟ้าส่วนภูมิภาค"
    lamp.save()
    page = client.get(reverse("participation:proposal", args=[cycle.pk, lamp.pk]))
    page = page.content.decode()
    assert "4 คะแนน" in page
    assert "มีผู้สนับสนุนทางออนไลน์ 2 คน" in page
    assert "อยู่ในความรับผิดชอบของการไฟฟ้าส่วนภูมิภาค" in page
    assert str(lamp.created.year + 543) in page  # the date it was sent, in B.E.
    assert lamp.proposer_name not in page and lamp.proposer_contact not in page


def test_another_organizations_ranking_is_not_found(client, cycle, ranked):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = cycle_around(today_in_bangkok(), organization=other)
    assert client.get(f"/participation/{theirs.pk}/ranking/").status_code == 404


# The committee's decision in the admin.


@pytest.fixture
def admin_client(client, site):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


def decide(admin_client, proposal, decision, reason=""):
    url = reverse("wagtailsnippets_participation_proposal:edit", args=[proposal.pk])
    form = admin_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data.update(decision=decision, decision_reason=reason)
    return admin_client.post(url, data)


def decision_of(proposal):
    return Proposal.objects.for_organization(proposal.organization).get(pk=proposal.pk).decision


def test_the_edit_form_has_the_committees_panel(admin_client, ranked):
    url = reverse("wagtailsnippets_participation_proposal:edit", args=[ranked["ถนน"].pk])
    assert "ผลการพิจารณาของคณะกรรมการ" in admin_client.get(url).content.decode()


def test_adopting_below_a_higher_proposal_not_taken_needs_a_reason(admin_client, ranked):
    # Following the ranking needs no reason.
    assert decide(admin_client, ranked["ไฟฟ้า"], Decision.ADOPTED).status_code == 302
    assert decide(admin_client, ranked["ถนน"], Decision.NOT_ADOPTED, "งบไม่พอ").status_code == 302
    refused = decide(admin_client, ranked["บ่อน้ำ"], Decision.ADOPTED)
    assert refused.status_code == 200
    assert "ผลการพิจารณานี้ต่างจากลำดับความสำคัญของหมู่บ้าน" in refused.content.decode()
    assert "2. ถนน" in refused.content.decode()
    assert decision_of(ranked["บ่อน้ำ"]) == Decision.UNDECIDED
    reason = "ชาวบ้านขาดน้ำดื่มในหน้าแล้ง เร่งด่วนกว่า"
    assert decide(admin_client, ranked["บ่อน้ำ"], Decision.ADOPTED, reason).status_code == 302
    assert decision_of(ranked["บ่อน้ำ"]) == Decision.ADOPTED


def test_not_taking_a_proposal_above_an_adopted_one_needs_a_reason(admin_client, ranked):
    assert decide(admin_client, ranked["บ่อน้ำ"], Decision.ADOPTED, "เร่งด่วน").status_code == 302
    refused = decide(admin_client, ranked["ไฟฟ้า"], Decision.DEFERRED)
    assert refused.status_code == 200
    assert decision_of(ranked["ไฟฟ้า"]) == Decision.UNDECIDED
    # Another village's decisions do not count.
    assert decide(admin_client, ranked["สะพาน"], Decision.NOT_ADOPTED).status_code == 302


# Merging duplicates.


def test_merging_moves_supports_once_per_person_and_adds_votes_per_forum(cycle, villages):
    north, _south = villages
    forum = ForumFactory(cycle=cycle, village=north)
    other_forum = ForumFactory(cycle=cycle, village=north)
    kept = ProposalFactory(cycle=cycle, village=north, title="ถนนสายหลัก")
    duplicate = ProposalFactory(cycle=cycle, village=north, title="ถนนสายหลัก (ซ้ำ)")
    tally(forum, kept, 5, order=3)
    tally(forum, duplicate, 4, order=1)
    tally(other_forum, duplicate, 2)
    supported(kept, "0811111111", "0822222222")
    supported(duplicate, "0822222222", "0833333333")  # 082... supported both

    assert merge(kept, [duplicate]) == 1

    supports = Support.objects.for_organization(kept.organization)
    assert supports.filter(proposal=kept).count() == 3
    assert not supports.filter(proposal=duplicate).exists()
    tallies = ForumTally.objects.for_organization(kept.organization).filter(proposal=kept)
    assert {t.forum_id: (t.votes, t.forum_rank) for t in tallies} == {
        forum.pk: (9, 1),
        other_forum.pk: (2, None),
    }
    rows = village_rankings(cycle)[0][1]
    assert [(r.proposal.title, r.village_votes, r.supports) for r in rows] == [("ถนนสายหลัก", 11, 3)]


def test_staff_merge_ticked_duplicates_from_the_list(admin_client, cycle, villages):
    north, _south = villages
    kept = ProposalFactory(cycle=cycle, village=north, title="ขุดลอกคลอง")
    first = ProposalFactory(cycle=cycle, village=north, title="ลอกคลอง")
    second = ProposalFactory(cycle=cycle, village=north, title="ขุดคลอง")
    supported(first, "0811111111")
    tally(ForumFactory(cycle=cycle, village=north), second, 7)
    ids = "&".join(f"id={p.pk}" for p in (kept, first, second))
    url = reverse("wagtail_bulk_action", args=["participation", "proposal", "merge-proposals"])
    confirm = admin_client.get(f"{url}?{ids}")
    assert "ข้อเสนอที่จะเก็บไว้" in confirm.content.decode()
    assert admin_client.post(f"{url}?{ids}", {"keep": kept.pk}).status_code == 302
    proposals = Proposal.objects.for_organization(kept.organization)
    assert set(proposals.filter(merged_into=kept).values_list("title", flat=True)) == {
        "ลอกคลอง",
        "ขุดคลอง",
    }
    row = village_rankings(cycle)[0][1][0]
    assert (row.proposal.pk, row.village_votes, row.supports) == (kept.pk, 7, 1)


def test_proposals_of_different_cycles_are_not_merged(admin_client, cycle, villages):
    north, _south = villages
    kept = ProposalFactory(cycle=cycle, village=north)
    elsewhere = ProposalFactory(cycle=cycle_around(today_in_bangkok()), village=north)
    ids = f"id={kept.pk}&id={elsewhere.pk}"
    url = reverse("wagtail_bulk_action", args=["participation", "proposal", "merge-proposals"])
    refused = admin_client.post(f"{url}?{ids}", {"keep": kept.pk})
    assert refused.status_code == 200
    assert "รวมได้เฉพาะข้อเสนอของรอบการจัดทำแผนเดียวกัน" in refused.content.decode()
    assert not Proposal.objects.for_organization(kept.organization).exclude(merged_into=None)


def test_the_admin_ranking_flags_a_decision_against_the_ranking_without_reason(
    admin_client, cycle, ranked
):
    # Saved directly (an import, an older rule): the admin list shows what is missing.
    for title, decision in (("ไฟฟ้า", Decision.NOT_ADOPTED), ("บ่อน้ำ", Decision.ADOPTED)):
        ranked[title].decision = decision
        ranked[title].save()
    menu = admin_client.get(reverse("participation_admin:ranking_cycles")).content.decode()
    assert reverse("participation_admin:ranking", args=[cycle.pk]) in menu
    page = admin_client.get(reverse("participation_admin:ranking", args=[cycle.pk]))
    page = page.content.decode()
    assert page.count("ต่างจากลำดับความสำคัญ: ยังไม่มีเหตุผล") == 2
    assert page.index("ไฟฟ้า") < page.index("ถนน") < page.index("บ่อน้ำ")
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = cycle_around(today_in_bangkok(), organization=other)
    url = reverse("participation_admin:ranking", args=[theirs.pk])
    assert admin_client.get(url).status_code == 404
