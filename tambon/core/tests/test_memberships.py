"""Staff belong to organizations with a role in each, and a role counts only in its own
organization: on its site, in its admin, over its pages and its images."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import RequestFactory
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from tambon.core import memberships
from tambon.core.models import Organization, Role
from tambon.core.permissions import OrganizationContextMiddleware
from tambon.core.tests.factories import ImageFactory
from tambon.pages.tests.factories import second_organization_site

pytestmark = pytest.mark.django_db

A_HOST = "localhost"
B_HOST = "b.localhost"


@pytest.fixture
def two(site):
    """Organization A on the default site, B on b.localhost."""
    return Organization.for_site(site), Organization.for_site(second_organization_site(B_HOST))


def person(username="somchai"):
    return get_user_model().objects.create_user(username, f"{username}@example.org", "x" * 12)


def test_each_organization_gets_its_own_group_for_every_role(two):
    a, b = two
    groups_before = Group.objects.count()
    a_groups = memberships.ensure_role_groups(a)
    b_groups = memberships.ensure_role_groups(b)
    assert set(a_groups) == set(Role)
    assert not set(a_groups.values()) & set(b_groups.values())
    assert a_groups[Role.CLERK].name == "อบต.ทดสอบ: เจ้าหน้าที่รับเรื่อง"
    # Asking again makes nothing new.
    assert memberships.ensure_role_groups(a) == a_groups
    assert Group.objects.count() == groups_before + 2 * len(Role)


def test_page_and_collection_permissions_sit_on_the_organizations_own_tree(two):
    a, b = two
    editors = memberships.role_group(a, Role.EDITOR)
    pages = GroupPagePermission.objects.filter(group=editors)
    assert {p.page_id for p in pages} == {a.site.root_page_id}
    assert {p.permission.codename for p in pages} == {"add_page", "change_page"}
    collections = GroupCollectionPermission.objects.filter(group=editors)
    assert {c.collection_id for c in collections} == {a.collection_id}
    assert a.collection_id != memberships.ensure_collection(b).pk
    assert a.collection.get_parent().depth == 1


def test_an_administrator_edits_the_settings_of_their_own_organization_only(client, two):
    a, b = two
    somchai = person()
    memberships.add_member(somchai, a, Role.ADMINISTRATOR)
    client.force_login(somchai)
    settings = "/admin/settings/core/organization/{}/"
    assert client.get(settings.format(a.site_id), HTTP_HOST=A_HOST).status_code == 200
    # B's settings, by guessing the address, on A's own admin:
    assert client.get(settings.format(b.site_id), HTTP_HOST=A_HOST).status_code != 200
    posted = client.post(
        settings.format(b.site_id), {"name": "ถูกแก้", "short_name": "x"}, HTTP_HOST=A_HOST
    )
    assert posted.status_code != 200
    assert Organization.objects.get(pk=b.pk).name == b.name


def test_the_operator_role_carries_no_case_permission(two):
    a, _b = two
    operator = memberships.role_group(a, Role.OPERATOR)
    names = {p.codename for p in operator.permissions.all()}
    assert "access_admin" in names
    assert not {name for name in names if name.startswith("role_")}
    assert not operator.permissions.filter(content_type__app_label="cases").exists()


def test_memberships_are_listed_per_organization(two):
    a, b = two
    somchai, malee = person("somchai"), person("malee")
    memberships.add_member(somchai, a, Role.CLERK)
    memberships.add_member(somchai, b, Role.ADMINISTRATOR)
    memberships.add_member(malee, b, Role.EDITOR)

    assert memberships.roles_in(somchai, a) == {Role.CLERK}
    assert memberships.roles_in(somchai, b) == {Role.ADMINISTRATOR}
    assert list(memberships.organizations_of(somchai)) == sorted([a, b], key=lambda o: o.name)
    assert set(memberships.members_of(b)) == {somchai, malee}
    assert list(memberships.members_of(b, roles=[Role.EDITOR])) == [malee]

    memberships.remove_member(somchai, b)
    assert memberships.roles_in(somchai, b) == set()
    assert memberships.roles_in(somchai, a) == {Role.CLERK}


def permissions_on(host, user, *names):
    """Which of these permissions `user` holds while a request for `host` is served."""
    held = set()

    def view(request):
        held.update(name for name in names if user.has_perm(name))

    OrganizationContextMiddleware(view)(RequestFactory().get("/", HTTP_HOST=host))
    return held


def test_a_role_counts_only_on_its_own_organizations_site(client, two):
    """A clerk of A who administers B: the case clerk's permission on A's host only, the
    case administrator's on B's host only."""
    a, b = two
    somchai = person()
    memberships.add_member(somchai, a, Role.CLERK)
    memberships.add_member(somchai, b, Role.ADMINISTRATOR)
    roles = ("cases.role_clerk", "cases.role_admin")

    assert permissions_on(A_HOST, somchai, *roles) == {"cases.role_clerk"}
    assert permissions_on(B_HOST, somchai, *roles) == {"cases.role_admin"}

    # What they notice: B's case rules open for them on B's admin, A's do not on A's.
    client.force_login(somchai)
    rules = "/admin/settings/cases/casesettings/{}/"
    assert client.get(rules.format(b.site_id), HTTP_HOST=B_HOST).status_code == 200
    assert client.get(rules.format(a.site_id), HTTP_HOST=A_HOST).status_code != 200
    assert client.get("/admin/cases/", HTTP_HOST=A_HOST).status_code == 200


def test_a_member_of_a_cannot_enter_the_admin_of_b(client, two):
    a, _b = two
    somchai = person()
    memberships.add_member(somchai, a, Role.ADMINISTRATOR)
    client.force_login(somchai)

    assert client.get("/admin/", HTTP_HOST=A_HOST).status_code == 200
    refused = client.get("/admin/", HTTP_HOST=B_HOST)
    assert refused.status_code == 302
    assert "/admin/login/" in refused["Location"]
    assert client.get("/admin/settings/core/organization/", HTTP_HOST=B_HOST).status_code != 200


def test_a_platform_wide_group_counts_everywhere(client, two):
    operators = Group.objects.create(name="ผู้ให้บริการแพลตฟอร์ม")
    operators.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_organization"),
    )
    somchai = person()
    somchai.groups.add(operators)
    client.force_login(somchai)
    for host in (A_HOST, B_HOST):
        assert client.get("/admin/", HTTP_HOST=host).status_code == 200
        assert permissions_on(host, somchai, "core.add_organization") == {"core.add_organization"}


def test_outside_a_request_every_group_counts(two):
    a, b = two
    somchai = person()
    memberships.add_member(somchai, a, Role.CLERK)
    memberships.add_member(somchai, b, Role.EXECUTIVE)
    assert somchai.has_perm("cases.role_clerk") and somchai.has_perm("cases.role_executive")


def test_an_editor_sees_only_the_images_of_their_organization(client, two):
    a, b = two
    ours = ImageFactory(title="ภาพของเรา", collection=memberships.ensure_collection(a))
    theirs = ImageFactory(title="ภาพของเขา", collection=memberships.ensure_collection(b))
    editor = person()
    memberships.add_member(editor, a, Role.EDITOR)
    client.force_login(editor)

    listing = client.get("/admin/images/", HTTP_HOST=A_HOST).content.decode()
    assert "ภาพของเรา" in listing and "ภาพของเขา" not in listing
    assert client.get(f"/admin/images/{ours.pk}/", HTTP_HOST=A_HOST).status_code == 200
    assert client.get(f"/admin/images/{theirs.pk}/", HTTP_HOST=A_HOST).status_code != 200


def test_an_editor_edits_only_the_pages_of_their_organization(client, two):
    a, b = two
    editor = person()
    memberships.add_member(editor, a, Role.EDITOR)
    client.force_login(editor)

    assert (
        client.get(f"/admin/pages/{a.site.root_page_id}/edit/", HTTP_HOST=A_HOST).status_code == 200
    )
    assert (
        client.get(f"/admin/pages/{b.site.root_page_id}/edit/", HTTP_HOST=A_HOST).status_code != 200
    )


def test_an_operator_sees_no_case_and_no_citizen(client, two):
    """A vendor running A's site: settings yes; the cases, and so the citizens' names, no."""
    from tambon.cases.tests.factories import CaseFactory

    a, _b = two
    case = CaseFactory(organization=a, reporter={"name": "นางสาวผู้แจ้ง ทดสอบ"})
    vendor = person("vendor")
    memberships.add_member(vendor, a, Role.OPERATOR)
    client.force_login(vendor)

    assert client.get(f"/admin/settings/core/organization/{a.site_id}/").status_code == 200
    for url in ("/admin/cases/", f"/admin/cases/{case.pk}/"):
        response = client.get(url)
        assert response.status_code != 200
        assert "นางสาวผู้แจ้ง" not in response.content.decode()
