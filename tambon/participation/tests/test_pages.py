"""The public pages: the cycles, a cycle's timeline and published proposals, the form."""

import pytest
from django.urls import reverse

from tambon.participation.models import Moderation, PhaseKind, Proposal, Source
from tambon.thai.fiscal import today_in_bangkok

from .factories import ProposalFactory, VillageFactory, cycle_around

pytestmark = pytest.mark.django_db


@pytest.fixture
def cycle(site):
    return cycle_around(today_in_bangkok(), PhaseKind.COLLECT_NEEDS)


@pytest.fixture
def village(site):
    return VillageFactory(number=3, name="บ้านหนองทดสอบ")


def text_of(response):
    return response.content.decode()


def _proposal_data(village, **changes):
    return {
        "village": str(village.pk),
        "title": "ขุดลอกหนองน้ำสาธารณะ",
        "problem": "หนองน้ำตื้นเขิน หน้าแล้งไม่มีน้ำใช้",
        "proposed_project": "ขุดลอกหนองน้ำ ลึก 3 เมตร",
        "place": "หนองน้ำกลางหมู่บ้าน",
        "estimated_budget": "๑๒๐,๐๐๐",
        "beneficiaries": "ประมาณ 100 ครัวเรือน",
        "proposer_name": "นายผู้เสนอ ไม่เปิดเผย",
        "proposer_contact": "0899999999",
        "website": "",
        **changes,
    }


def test_the_index_lists_the_cycles_with_their_current_step_in_buddhist_era(client, cycle):
    text = text_of(client.get("/participation/"))
    assert cycle.name in text
    assert "รวบรวมปัญหาความต้องการ" in text
    assert str(today_in_bangkok().year + 543) in text
    assert reverse("participation:propose", args=[cycle.pk]) in text


def test_a_cycle_not_shown_is_not_found(client, cycle):
    cycle.shown = False
    cycle.save()
    assert cycle.name not in text_of(client.get("/participation/"))
    assert client.get(f"/participation/{cycle.pk}/").status_code == 404
    assert client.get(f"/participation/{cycle.pk}/propose/").status_code == 404


def test_the_cycle_page_highlights_the_current_step_and_lists_published_proposals_by_village(
    client, cycle, village
):
    ProposalFactory(cycle=cycle, village=village, title="ข้อเสนอที่เผยแพร่แล้ว")
    ProposalFactory(
        cycle=cycle, village=village, title="ข้อเสนอรอตรวจ", moderation=Moderation.PENDING
    )
    ProposalFactory(
        cycle=cycle, village=village, title="ข้อเสนอไม่เผยแพร่", moderation=Moderation.REJECTED
    )
    text = text_of(client.get(f"/participation/{cycle.pk}/"))
    assert 'aria-current="step"' in text
    current = text.split('aria-current="step"')[1].split("</li>")[0]
    assert "รวบรวมปัญหาความต้องการ" in current
    assert "หมู่ที่ 3 บ้านหนองทดสอบ" in text
    assert "ข้อเสนอที่เผยแพร่แล้ว" in text
    assert "ข้อเสนอรอตรวจ" not in text
    assert "ข้อเสนอไม่เผยแพร่" not in text
    # Who proposed it is never shown.
    assert "ผู้เสนอ ลับเฉพาะ" not in text
    assert "0812345678" not in text


def test_a_duplicate_is_shown_once_with_the_proposal_it_was_merged_into(client, cycle, village):
    kept = ProposalFactory(cycle=cycle, village=village, title="ถนนสายหลักของหมู่บ้าน")
    ProposalFactory(cycle=cycle, village=village, title="ถนนสายหลักซ้ำ", merged_into=kept)
    text = text_of(client.get(f"/participation/{cycle.pk}/"))
    assert "ถนนสายหลักของหมู่บ้าน" in text
    assert "ถนนสายหลักซ้ำ" not in text


def test_a_proposal_sent_waits_for_review_and_its_sender_is_never_shown(client, cycle, village):
    response = client.post(f"/participation/{cycle.pk}/propose/", _proposal_data(village))
    assert response.status_code == 302
    thanks = text_of(client.get(response["Location"]))
    assert "ขุดลอกหนองน้ำสาธารณะ" in thanks
    proposal = Proposal.objects.for_organization(cycle.organization).get()
    assert proposal.moderation == Moderation.PENDING
    assert proposal.source == Source.ONLINE
    assert proposal.estimated_budget == 120000
    assert proposal.proposer_name == "นายผู้เสนอ ไม่เปิดเผย"
    assert "ขุดลอกหนองน้ำสาธารณะ" not in text_of(client.get(f"/participation/{cycle.pk}/"))

    proposal.moderation = Moderation.PUBLISHED
    proposal.save()
    page = text_of(client.get(f"/participation/{cycle.pk}/"))
    assert "ขุดลอกหนองน้ำสาธารณะ" in page
    assert "๑๒๐,๐๐๐" in page or "120,000" in page
    assert "นายผู้เสนอ" not in page
    assert "0899999999" not in page


def test_a_form_with_errors_keeps_what_was_typed_and_says_what_is_wrong_in_thai(
    client, cycle, village
):
    data = _proposal_data(village, problem="", estimated_budget="ห้าหมื่น")
    response = client.post(f"/participation/{cycle.pk}/propose/", data)
    assert response.status_code == 200
    text = text_of(response)
    assert "ขุดลอกหนองน้ำ ลึก 3 เมตร" in text
    assert "นายผู้เสนอ ไม่เปิดเผย" in text
    assert "ห้าหมื่น" in text
    assert "โปรดแก้ไขรายการที่มีเครื่องหมาย" in text
    assert "กรอกงบประมาณเป็นตัวเลข" in text
    assert not Proposal.objects.for_organization(cycle.organization).exists()


def test_the_form_is_closed_outside_the_steps_that_take_proposals(client, site, village):
    cycle = cycle_around(today_in_bangkok(), PhaseKind.DRAFTING)
    page = text_of(client.get(f"/participation/{cycle.pk}/"))
    assert reverse("participation:propose", args=[cycle.pk]) not in page
    response = client.get(f"/participation/{cycle.pk}/propose/")
    assert "ไม่เปิดรับข้อเสนอ" in text_of(response)
    assert "<form" not in text_of(response).split("<main")[-1]
    client.post(f"/participation/{cycle.pk}/propose/", _proposal_data(village))
    assert not Proposal.objects.for_organization(cycle.organization).exists()


def test_too_many_proposals_in_an_hour_are_refused_with_the_text_kept(
    client, cycle, village, settings
):
    settings.TAMBON_PARTICIPATION_PROPOSALS_PER_HOUR = 2
    for n in range(2):
        client.post(f"/participation/{cycle.pk}/propose/", _proposal_data(village, title=f"ข้อ {n}"))
    response = client.post(
        f"/participation/{cycle.pk}/propose/", _proposal_data(village, title="ข้อที่สาม")
    )
    text = text_of(response)
    assert "ข้อที่สาม" in text
    assert "ในหนึ่งชั่วโมง" in text or "ชั่วโมง" in text
    assert Proposal.objects.for_organization(cycle.organization).count() == 2


def test_a_village_of_another_organization_cannot_be_chosen(client, cycle):
    from tambon.core.models import Organization
    from tambon.pages.tests.factories import second_organization_site

    other = Organization.for_site(second_organization_site("127.0.0.1"))
    theirs = VillageFactory(organization=other, name="หมู่บ้านของเขา")
    response = client.post(f"/participation/{cycle.pk}/propose/", _proposal_data(theirs))
    assert response.status_code == 200
    assert "หมู่บ้านของเขา" not in text_of(response)
    assert not Proposal.objects.for_organization(cycle.organization).exists()


def test_a_map_point_is_kept_with_the_proposal_and_a_wrong_one_is_refused_in_thai(
    client, cycle, village
):
    response = client.get(f"/participation/{cycle.pk}/propose/")
    assert "geolocation=(self)" in response["Permissions-Policy"]  # the button may ask
    page = text_of(response)
    assert "ตำแหน่งบนแผนที่ (ไม่บังคับ)" in page
    assert "core/citizen_forms" in page
    assert 'name="latitude"' in page and 'name="longitude"' in page

    wrong = _proposal_data(village, latitude="118.8", longitude="100.77")
    response = client.post(f"/participation/{cycle.pk}/propose/", wrong)
    assert response.status_code == 200
    assert "118.8" in text_of(response)  # kept for correcting
    assert "น้อยกว่าหรือเท่ากับ 90" in text_of(response)
    assert not Proposal.objects.for_organization(cycle.organization).exists()

    right = _proposal_data(village, latitude="18.822100", longitude="100.771200")
    assert client.post(f"/participation/{cycle.pk}/propose/", right).status_code == 302
    proposal = Proposal.objects.for_organization(cycle.organization).get()
    assert (str(proposal.latitude), str(proposal.longitude)) == ("18.822100", "100.771200")
