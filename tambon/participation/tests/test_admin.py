"""The admin: each menu opens, a member sees only their organization's rows, the phases of a
cycle must go forward, and a proposal is published by its review field."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tambon.core import memberships
from tambon.core.models import Organization, Role
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import Moderation, PhaseKind, PlanCycle, Proposal

from .factories import (
    CategoryFactory,
    ProposalFactory,
    StrategyFactory,
    VillageFactory,
    cycle_around,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 3)


@pytest.fixture
def admin_client(client, site):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


@pytest.fixture
def theirs(site):
    """Rows of another organization, on another site."""
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    cycle = cycle_around(TODAY, organization=other, name="แผนของเขา")
    proposal = ProposalFactory(
        cycle=cycle,
        village=VillageFactory(organization=other, name="หมู่บ้านของเขา"),
        title="ข้อเสนอของเขา",
    )
    return proposal


def test_each_menu_lists_the_organizations_own_rows_only(admin_client, theirs):
    ours = ProposalFactory(
        cycle=cycle_around(TODAY, name="แผนของเรา"),
        village=VillageFactory(name="หมู่บ้านของเรา"),
        strategy=StrategyFactory(name="ยุทธศาสตร์ของเรา"),
        category=CategoryFactory(name="หมวดของเรา"),
        title="ข้อเสนอของเรา",
    )
    for model, shown in (
        ("proposal", "ข้อเสนอของเรา"),
        ("plancycle", "แผนของเรา"),
        ("village", "หมู่บ้านของเรา"),
        ("strategy", "ยุทธศาสตร์ของเรา"),
        ("category", "หมวดของเรา"),
    ):
        text = admin_client.get(
            reverse(f"wagtailsnippets_participation_{model}:list")
        ).content.decode()
        assert shown in text, model
        assert "ของเขา" not in text, model
    edit = admin_client.get(reverse("wagtailsnippets_participation_proposal:edit", args=[ours.pk]))
    assert edit.status_code == 200
    assert "หมู่บ้านของเขา" not in edit.content.decode()
    for url in (
        reverse("wagtailsnippets_participation_proposal:edit", args=[theirs.pk]),
        reverse("wagtailsnippets_participation_plancycle:edit", args=[theirs.cycle.pk]),
    ):
        assert admin_client.get(url).status_code == 404


def _cycle_form(phases):
    data = {
        "name": "แผนพัฒนาท้องถิ่น (พ.ศ. 2571-2575)",
        "first_year_be": "2571",
        "intro": "",
        "shown": "on",
        "phases-TOTAL_FORMS": str(len(phases)),
        "phases-INITIAL_FORMS": "0",
        "phases-MIN_NUM_FORMS": "1",
        "phases-MAX_NUM_FORMS": "1000",
    }
    for n, (kind, start, end) in enumerate(phases):
        data |= {
            f"phases-{n}-kind": kind,
            f"phases-{n}-starts_on": start,
            f"phases-{n}-ends_on": end,
            f"phases-{n}-note": "",
            f"phases-{n}-id": "",
            f"phases-{n}-ORDER": str(n + 1),
            f"phases-{n}-DELETE": "",
        }
    return data


def test_a_cycle_whose_phases_go_backwards_is_refused_in_thai(admin_client, site):
    url = reverse("wagtailsnippets_participation_plancycle:add")
    backwards = _cycle_form(
        [
            (PhaseKind.COLLECT_NEEDS, "2027-02-01", "2027-02-28"),
            (PhaseKind.VILLAGE_FORUMS, "2027-01-01", "2027-01-31"),
        ]
    )
    response = admin_client.post(url, backwards)
    assert response.status_code == 200
    assert "ต้องเริ่มหลังจาก" in response.content.decode()
    assert not PlanCycle.objects.for_organization(Organization.for_site(site)).exists()

    forwards = _cycle_form(
        [
            (PhaseKind.COLLECT_NEEDS, "2027-01-01", "2027-01-31"),
            (PhaseKind.VILLAGE_FORUMS, "2027-02-01", "2027-02-28"),
        ]
    )
    assert admin_client.post(url, forwards).status_code == 302
    cycle = PlanCycle.objects.for_organization(Organization.for_site(site)).get()
    assert [p.kind for p in cycle.timeline()] == [PhaseKind.COLLECT_NEEDS, PhaseKind.VILLAGE_FORUMS]


def test_staff_publish_a_pending_proposal_from_its_edit_form(admin_client, site):
    proposal = ProposalFactory(cycle=cycle_around(TODAY), moderation=Moderation.PENDING)
    url = reverse("wagtailsnippets_participation_proposal:edit", args=[proposal.pk])
    form = admin_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["moderation"] = Moderation.PUBLISHED
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    proposal = Proposal.objects.for_organization(proposal.organization).get()
    assert proposal.moderation == Moderation.PUBLISHED
    assert (
        proposal.title in admin_client.get(f"/participation/{proposal.cycle_id}/").content.decode()
    )


def test_staff_publish_or_reject_ticked_proposals_of_their_own_organization_only(
    admin_client, theirs
):
    cycle = cycle_around(TODAY)
    first, second = (
        ProposalFactory(cycle=cycle, moderation=Moderation.PENDING, title=f"ข้อเสนอ {n}")
        for n in (1, 2)
    )
    theirs.moderation = Moderation.PENDING
    theirs.save()

    def url(action, *proposals):
        ids = "&".join(f"id={p.pk}" for p in proposals)
        return (
            reverse("wagtail_bulk_action", args=["participation", "proposal", action]) + f"?{ids}"
        )

    confirm = admin_client.get(url("publish-proposals", first, theirs)).content.decode()
    assert "ข้อเสนอ 1" in confirm
    assert "ข้อเสนอของเขา" not in confirm
    admin_client.post(url("publish-proposals", first, theirs))
    admin_client.post(url("reject-proposals", second))
    states = {p.title: p.moderation for p in Proposal.objects.all_organizations().order_by("pk")}
    assert states == {
        "ข้อเสนอของเขา": Moderation.PENDING,
        "ข้อเสนอ 1": Moderation.PUBLISHED,
        "ข้อเสนอ 2": Moderation.REJECTED,
    }
    # Only theirs ticked: nothing of ours to act on, so "not found".
    assert admin_client.get(url("publish-proposals", theirs)).status_code == 404


@pytest.mark.parametrize(
    "action, refusal",
    [
        ("publish-proposals", "ท่านไม่มีสิทธิ์ตรวจสอบข้อเสนอเหล่านี้"),
        ("merge-proposals", "ท่านไม่มีสิทธิ์แก้ไขข้อเสนอเหล่านี้"),
        ("adopt-proposals", "ท่านไม่มีสิทธิ์บรรจุข้อเสนอเหล่านี้ในแผน"),
    ],
)
def test_a_member_without_the_right_is_told_which_proposals_they_may_not_touch(
    client, site, action, refusal
):
    """An executive may enter the admin but not change proposals or the plan: each action's
    confirmation page names the ticked proposals as out of their reach, and changes nothing."""
    executive = get_user_model().objects.create_user("executive", password="x" * 12)
    memberships.add_member(executive, Organization.for_site(site), Role.EXECUTIVE)
    client.force_login(executive)
    proposal = ProposalFactory(
        cycle=cycle_around(TODAY), moderation=Moderation.PENDING, title="ข้อเสนอที่ห้ามแตะ"
    )
    url = reverse("wagtail_bulk_action", args=["participation", "proposal", action])

    page = client.get(f"{url}?id={proposal.pk}")

    assert page.status_code == 200
    text = page.content.decode()
    assert refusal in text
    assert "ข้อเสนอที่ห้ามแตะ" in text
    client.post(f"{url}?id={proposal.pk}", {"keep": proposal.pk})
    proposal.refresh_from_db()
    assert proposal.moderation == Moderation.PENDING
    assert not proposal.projects.exists()
