"""An organization's administrator (or operator) manages its own staff in the admin's users
screens, and sees nobody else; a superuser still sees everyone."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tambon.core import memberships
from tambon.core.models import Organization, Role
from tambon.core.tests.test_memberships import permissions_on
from tambon.pages.tests.factories import second_organization_site

pytestmark = pytest.mark.django_db

A_HOST = "localhost"
B_HOST = "b.localhost"
USERS = "/admin/users/"
PASSWORD = "Ch@ng-Pueak-2567"


@pytest.fixture
def two(site):
    """Organization A on the default site, B on b.localhost."""
    return Organization.for_site(site), Organization.for_site(second_organization_site(B_HOST))


def person(username, first_name, last_name="ใจดี"):
    return get_user_model().objects.create_user(
        username,
        f"{username}@example.org",
        "x" * 12,
        first_name=first_name,
        last_name=last_name,
    )


@pytest.fixture
def staff(two):
    """A's administrator and clerk, B's clerk, somebody of both, somebody of none."""
    a, b = two
    people = {
        "a_admin": person("a_admin", "อำนาจ"),
        "a_clerk": person("a_clerk", "อรุณี"),
        "b_clerk": person("b_clerk", "บุญมี"),
        "both": person("both", "สองใจ"),
        "nobody": person("nobody", "ไร้สังกัด"),
    }
    memberships.add_member(people["a_admin"], a, Role.ADMINISTRATOR)
    memberships.add_member(people["a_clerk"], a, Role.CLERK)
    memberships.add_member(people["b_clerk"], b, Role.CLERK)
    memberships.add_member(people["both"], a, Role.EDITOR)
    memberships.add_member(people["both"], b, Role.EXECUTIVE)
    return people


@pytest.fixture
def a_admin(client, staff):
    client.force_login(staff["a_admin"])
    return client


def listed(client, host=A_HOST, query=""):
    response = client.get(USERS + query, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def form_data(**fields):
    return {
        "username": "malee",
        "email": "malee@example.org",
        "first_name": "มาลี",
        "last_name": "ศรีสุข",
        "password1": PASSWORD,
        "password2": PASSWORD,
    } | fields


def test_the_administrator_lists_only_the_organizations_members(a_admin):
    page = listed(a_admin)
    assert "อำนาจ" in page and "อรุณี" in page and "สองใจ" in page
    assert "บุญมี" not in page  # B's clerk
    assert "ไร้สังกัด" not in page  # a member of no organization


def test_search_and_filters_find_only_the_organizations_members(a_admin, staff):
    assert "บุญมี" not in listed(a_admin, query="?q=b_clerk")
    assert "บุญมี" not in listed(a_admin, query="results/?q=b_clerk")  # as the search box asks
    assert "อรุณี" in listed(a_admin, query="?q=a_clerk")
    # The filter is by role in this organization, not by every group of the deployment.
    clerks = listed(a_admin, query=f"?role={Role.CLERK.value}")
    assert "อรุณี" in clerks and "อำนาจ" not in clerks and "บุญมี" not in clerks
    page = listed(a_admin)
    assert "บทบาทในหน่วยงานนี้" in page
    for group in Group.objects.filter(organization_group__organization__site__hostname=B_HOST):
        assert group.name not in page
    # A filter by B's group, typed into the address, shows nobody of B either.
    b_group = memberships.role_group(Organization.objects.get(site__hostname=B_HOST), Role.CLERK)
    assert "บุญมี" not in listed(a_admin, query=f"?group={b_group.pk}")


@pytest.mark.parametrize("who", ["b_clerk", "nobody"])
@pytest.mark.parametrize("action", ["edit", "delete", "history", "usage", "copy"])
def test_another_organizations_person_is_not_found_by_id(a_admin, staff, who, action):
    url = f"{USERS}{action}/{staff[who].pk}/"
    assert a_admin.get(url, HTTP_HOST=A_HOST).status_code == 404
    assert a_admin.post(url, {"first_name": "ถูกแก้"}, HTTP_HOST=A_HOST).status_code == 404
    staff[who].refresh_from_db()
    assert staff[who].first_name != "ถูกแก้"


def test_a_new_clerk_is_a_clerk_of_this_organization_only(a_admin, two):
    a, b = two
    response = a_admin.post(
        USERS + "new/",
        form_data(roles=[Role.CLERK.value], is_superuser="on"),
        HTTP_HOST=A_HOST,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    malee = get_user_model().objects.get(username="malee")
    assert memberships.roles_in(malee, a) == {Role.CLERK}
    assert memberships.roles_in(malee, b) == set()
    assert not malee.is_superuser
    assert not malee.groups.filter(organization_group__isnull=True).exists()
    assert malee.check_password(PASSWORD)
    assert "มาลี" in listed(a_admin)


def test_a_new_account_needs_a_role_and_keeps_what_was_typed(a_admin):
    response = a_admin.post(USERS + "new/", form_data(), HTTP_HOST=A_HOST)
    assert response.status_code == 200
    page = response.content.decode()
    assert "โปรดเลือกบทบาทในหน่วยงานนี้อย่างน้อยหนึ่งบทบาท" in page
    assert 'value="malee"' in page and 'value="มาลี"' in page and 'value="ศรีสุข"' in page
    assert 'value="malee@example.org"' in page
    assert not get_user_model().objects.filter(username="malee").exists()


def test_the_add_form_offers_roles_and_no_superuser_box_or_groups(a_admin):
    page = a_admin.get(USERS + "new/", HTTP_HOST=A_HOST).content.decode()
    assert 'name="roles"' in page and "เจ้าหน้าที่รับเรื่อง" in page
    assert 'name="is_superuser"' not in page and 'name="groups"' not in page


def test_editing_roles_of_a_person_of_both_keeps_their_roles_in_b(a_admin, staff, two):
    a, b = two
    both = staff["both"]
    edit = f"{USERS}edit/{both.pk}/"
    form = a_admin.get(edit, HTTP_HOST=A_HOST).content.decode()
    assert "ปฏิบัติงานให้หน่วยงานอื่นหรือให้แพลตฟอร์มด้วย" in form
    assert 'name="password1"' not in form

    # Their account is theirs and B's too: a new e-mail, name or password typed here is ignored.
    posted = form_data(username="both", email="taken@example.org", first_name="ถูกแก้")
    posted["roles"] = [Role.CLERK.value, Role.EDITOR.value]
    response = a_admin.post(edit, posted, HTTP_HOST=A_HOST)
    assert response.status_code == 302, response.content.decode()[:3000]
    both.refresh_from_db()
    assert memberships.roles_in(both, a) == {Role.CLERK, Role.EDITOR}
    assert memberships.roles_in(both, b) == {Role.EXECUTIVE}
    assert (both.email, both.first_name) == ("both@example.org", "สองใจ")
    assert both.check_password("x" * 12)


def test_an_account_of_this_organization_alone_is_edited_in_full(a_admin, staff, two):
    a, _b = two
    clerk = staff["a_clerk"]
    posted = form_data(username="a_clerk", first_name="อรุณีใหม่", roles=[Role.EDITOR.value])
    posted["is_superuser"] = "on"
    response = a_admin.post(f"{USERS}edit/{clerk.pk}/", posted, HTTP_HOST=A_HOST)
    assert response.status_code == 302, response.content.decode()[:3000]
    clerk.refresh_from_db()
    assert clerk.first_name == "อรุณีใหม่" and clerk.check_password(PASSWORD)
    assert memberships.roles_in(clerk, a) == {Role.EDITOR}
    assert not clerk.is_superuser


def test_roles_cannot_all_be_taken_away_by_the_edit_form(a_admin, staff, two):
    a, _b = two
    clerk = staff["a_clerk"]
    posted = form_data(username="a_clerk", password1="", password2="")
    response = a_admin.post(f"{USERS}edit/{clerk.pk}/", posted, HTTP_HOST=A_HOST)
    assert response.status_code == 200
    assert "โปรดเลือกบทบาทในหน่วยงานนี้อย่างน้อยหนึ่งบทบาท" in response.content.decode()
    assert memberships.roles_in(clerk, a) == {Role.CLERK}


def test_the_administrator_cannot_change_their_own_roles(a_admin, staff, two):
    a, _b = two
    me = staff["a_admin"]
    posted = form_data(username="a_admin", password1="", password2="", roles=[Role.OPERATOR.value])
    a_admin.post(f"{USERS}edit/{me.pk}/", posted, HTTP_HOST=A_HOST)
    assert memberships.roles_in(me, a) == {Role.ADMINISTRATOR}


def test_deleting_a_person_of_both_takes_them_out_of_this_organization_only(a_admin, staff, two):
    a, b = two
    both = staff["both"]
    delete = f"{USERS}delete/{both.pk}/"
    confirm = a_admin.get(delete, HTTP_HOST=A_HOST).content.decode()
    assert "บัญชีผู้ใช้จะคงอยู่ตามเดิม" in confirm and "ใช่ ให้ออกจากหน่วยงานนี้" in confirm
    assert a_admin.post(delete, HTTP_HOST=A_HOST).status_code == 302
    both.refresh_from_db()
    assert memberships.roles_in(both, a) == set()
    assert memberships.roles_in(both, b) == {Role.EXECUTIVE}
    page = listed(a_admin)
    assert "สองใจ ใจดี ออกจากหน่วยงานนี้แล้ว" in page  # the message after the removal
    assert f"{USERS}edit/{both.pk}/" not in page


def test_deleting_a_person_of_this_organization_alone_deletes_the_account(a_admin, staff):
    clerk = staff["a_clerk"]
    assert a_admin.post(f"{USERS}delete/{clerk.pk}/", HTTP_HOST=A_HOST).status_code == 302
    assert not get_user_model().objects.filter(pk=clerk.pk).exists()


def test_bulk_actions_reach_only_the_organizations_own_accounts(a_admin, staff, two):
    bulk = "/admin/bulk/auth/user/{}/?id={}"
    b_clerk, both = staff["b_clerk"], staff["both"]
    for action in ("delete", "set_active_state", "assign_role"):
        assert a_admin.get(bulk.format(action, b_clerk.pk), HTTP_HOST=A_HOST).status_code == 404
    assert a_admin.post(bulk.format("delete", b_clerk.pk), HTTP_HOST=A_HOST).status_code == 404
    # A person of both is not deleted or deactivated from A's admin.
    a_admin.post(bulk.format("delete", both.pk), HTTP_HOST=A_HOST)
    a_admin.post(
        bulk.format("set_active_state", both.pk), {"mark_as_active": "False"}, HTTP_HOST=A_HOST
    )
    both.refresh_from_db()
    assert both.is_active
    # An account of A alone is.
    clerk = staff["a_clerk"]
    a_admin.post(
        bulk.format("set_active_state", clerk.pk), {"mark_as_active": "False"}, HTTP_HOST=A_HOST
    )
    clerk.refresh_from_db()
    assert not clerk.is_active
    # Only A's role groups are offered, and only they can be given.
    page = a_admin.get(bulk.format("assign_role", both.pk), HTTP_HOST=A_HOST).content.decode()
    assert "อบต.ทดสอบ: เจ้าหน้าที่รับเรื่อง" in page and "อบต.อื่น:" not in page
    platform = Group.objects.create(name="ผู้ให้บริการแพลตฟอร์ม")
    a_admin.post(bulk.format("assign_role", both.pk), {"role": platform.pk}, HTTP_HOST=A_HOST)
    assert not both.groups.filter(pk=platform.pk).exists()
    a, _b = two
    a_clerks = memberships.role_group(a, Role.CLERK)
    a_admin.post(bulk.format("assign_role", both.pk), {"role": a_clerks.pk}, HTTP_HOST=A_HOST)
    assert memberships.roles_in(both, a) == {Role.EDITOR, Role.CLERK}


def test_a_clerk_cannot_open_the_users_admin(client, staff):
    client.force_login(staff["a_clerk"])
    for url in (USERS, f"{USERS}edit/{staff['a_admin'].pk}/", f"{USERS}new/"):
        response = client.get(url, HTTP_HOST=A_HOST)
        assert response.status_code != 200
        assert "อำนาจ" not in response.content.decode()


def test_nobody_but_a_superuser_manages_groups(a_admin):
    assert a_admin.get("/admin/groups/", HTTP_HOST=A_HOST).status_code != 200


def test_the_administrator_and_the_operator_may_manage_users(staff, two):
    a, _b = two
    operator = person("operator", "ผู้ให้บริการ")
    memberships.add_member(operator, a, Role.OPERATOR)
    user_perms = ("auth.add_user", "auth.change_user", "auth.delete_user", "auth.view_user")
    group_perms = ("auth.add_group", "auth.change_group", "auth.delete_group")
    for who in (staff["a_admin"], operator):
        assert permissions_on(A_HOST, who, *user_perms) == set(user_perms)
        assert permissions_on(A_HOST, who, *group_perms) == set()
        # On B's host they are nobody.
        assert permissions_on(B_HOST, who, *user_perms) == set()


def test_bs_administrator_sees_bs_members_only(client, staff, two):
    _a, b = two
    b_admin = person("b_admin", "เบญจา")
    memberships.add_member(b_admin, b, Role.ADMINISTRATOR)
    client.force_login(b_admin)
    page = listed(client, host=B_HOST)
    assert "บุญมี" in page and "สองใจ" in page and "เบญจา" in page
    assert "อำนาจ" not in page and "อรุณี" not in page and "ไร้สังกัด" not in page
    # And A's administrator does not administer anything on B's host.
    client.force_login(staff["a_admin"])
    assert client.get(USERS, HTTP_HOST=B_HOST).status_code != 200


def test_a_superuser_still_sees_everyone_and_every_group(client, staff):
    root = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 12)
    client.force_login(root)
    page = listed(client)
    for name in ("อำนาจ", "อรุณี", "บุญมี", "สองใจ", "ไร้สังกัด"):
        assert name in page
    form = client.get(f"{USERS}edit/{staff['b_clerk'].pk}/", HTTP_HOST=A_HOST).content.decode()
    assert 'name="groups"' in form and 'name="is_superuser"' in form
