"""Two organizations on two sites: divisions and positions of one never show on the other."""

import pytest
from django.contrib.auth import get_user_model

from tambon.core.models import Organization
from tambon.pages.tests.factories import second_organization_site
from tambon.people.models import Division, PersonPage
from tambon.people.tests.factories import (
    DivisionFactory,
    OrgChartPageFactory,
    PeopleIndexPageFactory,
    PositionFactory,
)

pytestmark = pytest.mark.django_db

OTHER_HOST = "127.0.0.1"  # the second site's host name; the default site answers the rest


@pytest.fixture
def two(site):
    other = second_organization_site(OTHER_HOST)
    ours = DivisionFactory(name="กองช่างของเรา")
    theirs = DivisionFactory(name="กองช่างของเขา", organization=Organization.for_site(other))
    for each in (site, other):
        directory = PeopleIndexPageFactory(parent=each.root_page)
        OrgChartPageFactory(parent=directory)
    return ours, theirs


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@pong.example", "x" * 12)
    client.force_login(user)
    return client


def test_each_org_chart_shows_its_own_divisions_only(client, two):
    html = client.get("/people/org-chart/").content.decode()
    assert "กองช่างของเรา" in html
    assert "กองช่างของเขา" not in html
    html = client.get("/people/org-chart/", HTTP_HOST=OTHER_HOST).content.decode()
    assert "กองช่างของเขา" in html
    assert "กองช่างของเรา" not in html


def test_the_division_list_in_the_admin_is_the_sites_organizations(admin_client, two):
    html = admin_client.get("/admin/snippets/people/division/").content.decode()
    assert "กองช่างของเรา" in html
    assert "กองช่างของเขา" not in html
    html = admin_client.get("/admin/snippets/people/division/", HTTP_HOST=OTHER_HOST)
    assert "กองช่างของเขา" in html.content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "usage", "history"])
def test_another_organizations_division_is_not_found_by_its_id(admin_client, two, view):
    ours, theirs = two
    assert admin_client.get(f"/admin/snippets/people/division/{view}/{ours.pk}/").status_code == 200
    response = admin_client.get(f"/admin/snippets/people/division/{view}/{theirs.pk}/")
    assert response.status_code == 404


def test_deleting_another_organizations_division_by_its_id_deletes_nothing(admin_client, two):
    _ours, theirs = two
    response = admin_client.post(f"/admin/snippets/people/division/delete/{theirs.pk}/")
    assert response.status_code == 404
    assert Division.objects.all_organizations().filter(pk=theirs.pk).exists()


def test_a_division_added_in_the_admin_belongs_to_the_sites_organization(admin_client, two):
    response = admin_client.post(
        "/admin/snippets/people/division/add/",
        {"name": "กองช่างของเขา", "description": "", "phone": "", "sort_order": "5"},
        HTTP_HOST=OTHER_HOST,
    )
    # The other organization has this name already: one name per organization.
    assert response.status_code == 200
    response = admin_client.post(
        "/admin/snippets/people/division/add/",
        {"name": "กองคลังของเขา", "description": "", "phone": "", "sort_order": "5"},
        HTTP_HOST=OTHER_HOST,
    )
    assert response.status_code == 302
    added = Division.objects.all_organizations().get(name="กองคลังของเขา")
    assert added.organization.site.hostname == OTHER_HOST
    # Our organization may use the same name.
    response = admin_client.post(
        "/admin/snippets/people/division/add/",
        {"name": "กองคลังของเขา", "description": "", "phone": "", "sort_order": "5"},
    )
    assert response.status_code == 302
    assert Division.objects.all_organizations().filter(name="กองคลังของเขา").count() == 2


def test_the_division_chooser_offers_the_sites_organizations_only(admin_client, two):
    ours, theirs = two
    html = admin_client.get("/admin/snippets/choose/people/division/").json()["html"]
    assert "กองช่างของเรา" in html
    assert "กองช่างของเขา" not in html
    chosen = f"/admin/snippets/choose/people/division/chosen/{theirs.pk}/"
    assert admin_client.get(chosen).status_code == 404


def test_positions_are_per_organization_too(admin_client, two):
    PositionFactory(title="นายกของเรา")
    other = Organization.objects.get(site__hostname=OTHER_HOST)
    theirs = PositionFactory(title="นายกของเขา", organization=other)
    html = admin_client.get("/admin/snippets/people/position/").content.decode()
    assert "นายกของเรา" in html
    assert "นายกของเขา" not in html
    edit = f"/admin/snippets/people/position/edit/{theirs.pk}/"
    assert admin_client.get(edit).status_code == 404


def test_the_snippets_index_opens(admin_client, two):
    assert admin_client.get("/admin/snippets/").status_code == 200


def test_bulk_deleting_by_ids_deletes_only_the_sites_organizations_rows(admin_client, two):
    ours, theirs = two
    url = "/admin/bulk/people/division/delete/"
    assert admin_client.get(f"{url}?id={theirs.pk}").status_code == 404
    assert admin_client.post(f"{url}?id={theirs.pk}").status_code == 404
    response = admin_client.post(f"{url}?id={theirs.pk}&id={ours.pk}")
    assert response.status_code == 302
    assert list(Division.objects.all_organizations()) == [theirs]


def test_a_persons_division_and_position_are_chosen_from_the_pages_organization(site, two):
    ours, theirs = two
    PositionFactory(title="นายกของเรา")
    PositionFactory(title="นายกของเขา", organization=theirs.organization)
    directory = site.root_page.get_children().get(slug="people")
    form_class = PersonPage.get_edit_handler().get_form_class()
    form = form_class(parent_page=directory, instance=PersonPage())
    assert list(form.fields["division"].queryset) == [ours]
    assert [p.title for p in form.fields["position"].queryset] == ["นายกของเรา"]
