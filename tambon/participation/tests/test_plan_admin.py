"""The plan in the admin: editions and projects lists of the organization's own rows, an
approved edition locked, a new edition copied from one, its differences, and adopted proposals
put into the plan in bulk."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.participation.models import (
    Decision,
    EditionKind,
    PlanEdition,
    PlanProject,
)

from .factories import (
    CategoryFactory,
    PlanCycleFactory,
    PlanEditionFactory,
    PlanProjectFactory,
    ProposalFactory,
    StrategyFactory,
    VillageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, site):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


@pytest.fixture
def organization(site):
    return Organization.for_site(site)


@pytest.fixture
def theirs(site):
    other = Organization.for_site(second_organization_site("127.0.0.1"))
    edition = PlanEditionFactory(cycle=PlanCycleFactory(organization=other, name="แผนของเขา"))
    PlanProjectFactory(edition=edition, title="โครงการของเขา")
    return edition


@pytest.fixture
def edition(site):
    edition = PlanEditionFactory(cycle=PlanCycleFactory(name="แผนของเรา"))
    PlanProjectFactory(edition=edition, title="โครงการของเรา", number=1)
    PlanProjectFactory(edition=edition, title="โครงการที่จะตัด", number=2)
    return edition


def projects_of(edition):
    return PlanProject.objects.for_organization(edition.organization_id).filter(edition=edition)


def admin_url(model, view, *args):
    return reverse(f"wagtailsnippets_participation_{model}:{view}", args=args)


def test_lists_show_the_organizations_editions_and_projects_only(admin_client, edition, theirs):
    text = admin_client.get(admin_url("planedition", "list")).content.decode()
    assert "แผนของเรา" in text and "แผนของเขา" not in text
    assert "เพิ่มเติม/เปลี่ยนแปลง" in text  # the button making a new edition
    projects = admin_client.get(admin_url("planproject", "list")).content.decode()
    assert "โครงการของเรา" in projects and "โครงการของเขา" not in projects
    assert "500,000" in projects or "500000" in projects
    filtered = admin_client.get(admin_url("planproject", "list") + f"?edition={edition.pk}")
    assert "โครงการของเรา" in filtered.content.decode()
    for url in (
        admin_url("planedition", "edit", theirs.pk),
        admin_url("planedition", "new_from", theirs.pk),
        admin_url("planedition", "changes", theirs.pk),
        admin_url("planproject", "edit", projects_of(theirs).get().pk),
    ):
        assert admin_client.get(url).status_code == 404, url


def test_an_approved_edition_and_its_projects_are_no_longer_changed(admin_client, edition):
    edition.approved_on = datetime.date(2027, 6, 1)
    edition.save()
    listing = admin_client.get(admin_url("planedition", "list")).content.decode()
    assert "1 มิถุนายน 2570" in listing
    project = projects_of(edition).first()
    for url in (
        admin_url("planproject", "edit", project.pk),
        admin_url("planproject", "delete", project.pk),
        admin_url("planedition", "edit", edition.pk),
        admin_url("planedition", "delete", edition.pk),
    ):
        response = admin_client.post(url, {"title": "แก้แล้ว"}, follow=True)
        assert "อนุมัติแล้ว" in response.content.decode(), url
    bulk = reverse("wagtail_bulk_action", args=["participation", "planproject", "delete"])
    admin_client.post(f"{bulk}?id={project.pk}")
    assert projects_of(edition).count() == 2
    assert projects_of(edition).get(pk=project.pk).title == project.title
    # A new project cannot be put into it either.
    add = admin_client.get(admin_url("planproject", "add"))
    choices = [str(e) for e in add.context["form"].fields["edition"].queryset]
    assert choices == []


def test_a_new_edition_copies_every_project_and_shows_what_changed(admin_client, edition):
    edition.approved_on = datetime.date(2027, 6, 1)
    edition.save()
    url = admin_url("planedition", "new_from", edition.pk)
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(
        url, {"kind": EditionKind.ADDITIONAL, "number": "1", "year_be": "2571", "note": ""}
    )
    assert response.status_code == 302
    new = PlanEdition.objects.for_organization(edition.organization).get(based_on=edition)
    assert str(new).endswith("เพิ่มเติม ครั้งที่ 1/2571")
    old_rows, new_rows = projects_of(edition), projects_of(new)
    assert {p.lineage for p in old_rows} == {p.lineage for p in new_rows}
    assert not {p.pk for p in old_rows} & {p.pk for p in new_rows}
    # The same kind, number and year twice: refused in Thai.
    again = admin_client.post(
        url, {"kind": EditionKind.ADDITIONAL, "number": "1", "year_be": "2571", "note": ""}
    )
    assert "มีฉบับประเภท" in again.content.decode()

    kept = new_rows.get(title="โครงการของเรา")
    kept.budget_year_3 = Decimal("75000")
    kept.save()
    new_rows.get(title="โครงการที่จะตัด").delete()
    changes = admin_client.get(admin_url("planedition", "changes", new.pk)).content.decode()
    assert "ตัดออก 1 โครงการ" in changes and "โครงการที่จะตัด" in changes
    assert "งบประมาณ 2573 (บาท)" in changes and "75,000" in changes
    assert projects_of(edition).count() == 2  # the approved one as it was


def adopt_url(*proposals):
    ids = "&".join(f"id={p.pk}" for p in proposals)
    return (
        reverse("wagtail_bulk_action", args=["participation", "proposal", "adopt-proposals"])
        + f"?{ids}"
    )


def test_adopted_proposals_are_put_into_an_unapproved_edition_filled_from_them(
    admin_client, edition
):
    roads = StrategyFactory(name="โครงสร้างพื้นฐาน")
    water = CategoryFactory(name="แหล่งน้ำ")
    village = VillageFactory(number=4, name="บ้านโนนทดสอบ")
    adopted = ProposalFactory(
        cycle=edition.cycle,
        village=village,
        strategy=roads,
        category=water,
        title="ขุดลอกหนองสาธารณะ",
        problem="หนองตื้นเขิน",
        proposed_project="ขุดลอกลึก 3 เมตร",
        estimated_budget=Decimal("120000"),
        decision=Decision.ADOPTED,
    )
    deferred = ProposalFactory(
        cycle=edition.cycle, title="ข้อเสนอที่เลื่อนไป", decision=Decision.DEFERRED
    )

    confirm = admin_client.get(adopt_url(adopted, deferred)).content.decode()
    assert "ขุดลอกหนองสาธารณะ" in confirm
    assert "ข้อเสนอที่เลื่อนไป" in confirm
    refused = admin_client.post(
        adopt_url(adopted, deferred),
        {
            "edition": edition.pk,
            f"strategy_{adopted.pk}": roads.pk,
            f"strategy_{deferred.pk}": roads.pk,
        },
    )
    assert refused.status_code == 200
    assert "ข้อเสนอที่เลื่อนไป" in refused.content.decode()
    assert "ไม่ได้มีมติ" in refused.content.decode()
    assert projects_of(edition).count() == 2

    form = admin_client.get(adopt_url(adopted)).context["form"]
    assert form[f"strategy_{adopted.pk}"].value() == roads.pk
    response = admin_client.post(
        adopt_url(adopted), {"edition": edition.pk, f"strategy_{adopted.pk}": roads.pk}
    )
    assert response.status_code == 302
    project = projects_of(edition).get(proposal=adopted)
    assert (project.title, project.strategy, project.village, project.category) == (
        "ขุดลอกหนองสาธารณะ",
        roads,
        village,
        water,
    )
    assert project.objective == "หนองตื้นเขิน"
    assert project.output_target == "ขุดลอกลึก 3 เมตร"
    assert project.budgets() == [Decimal("120000"), None, None, None, None]
    assert project.responsible_unit == ""
    # Twice into the same edition: refused.
    twice = admin_client.post(
        adopt_url(adopted), {"edition": edition.pk, f"strategy_{adopted.pk}": roads.pk}
    )
    assert "อยู่ในฉบับนี้แล้ว" in twice.content.decode()
    assert projects_of(edition).filter(proposal=adopted).count() == 1


def test_an_approved_edition_is_not_offered_for_adopted_proposals(admin_client, edition):
    edition.approved_on = datetime.date(2027, 6, 1)
    edition.save()
    adopted = ProposalFactory(
        cycle=edition.cycle, decision=Decision.ADOPTED, strategy=StrategyFactory()
    )
    response = admin_client.post(
        adopt_url(adopted), {"edition": edition.pk, f"strategy_{adopted.pk}": adopted.strategy_id}
    )
    assert response.status_code == 200
    assert not projects_of(edition).filter(proposal=adopted).exists()


def test_a_project_of_a_draft_edition_is_edited_and_the_list_filters_by_edition_and_village(
    admin_client, edition
):
    other = PlanEditionFactory(cycle=edition.cycle, kind=EditionKind.ADDITIONAL, year_be=2572)
    village = VillageFactory(name="บ้านกรองได้")
    PlanProjectFactory(edition=other, title="โครงการฉบับเพิ่มเติม", village=village)
    listing = admin_client.get(admin_url("planproject", "list") + f"?edition={edition.pk}")
    assert "โครงการของเรา" in listing.content.decode()
    assert "โครงการฉบับเพิ่มเติม" not in listing.content.decode()
    by_village = admin_client.get(admin_url("planproject", "list") + f"?village={village.pk}")
    assert "โครงการฉบับเพิ่มเติม" in by_village.content.decode()
    assert "โครงการของเรา" not in by_village.content.decode()

    project = projects_of(edition).get(title="โครงการของเรา")
    url = admin_url("planproject", "edit", project.pk)
    form = admin_client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["budget_year_5"] = "90000"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert projects_of(edition).get(pk=project.pk).budget_year_5 == Decimal("90000")
