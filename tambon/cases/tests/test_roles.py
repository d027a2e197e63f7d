"""Roles come from permissions on Case, not from the names of groups: an administrator may
rename any group, and grants or takes away a role by its permission."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission

from tambon.cases import roles
from tambon.cases.models import Case, CaseEvent, CaseKind, EventKind, StaffRole
from tambon.core.tests.factories import default_organization

from .conftest import make_user
from .test_admin import signed_in

pytestmark = pytest.mark.django_db

REPORTER_NAME = "สมชาย ใจดี"


def role_permission(role):
    return Permission.objects.get(content_type__app_label="cases", codename=f"role_{role}")


def new_group(name, role):
    """A group an administrator makes: the admin itself, and one role."""
    group = Group.objects.create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        role_permission(role),
    )
    return group


@pytest.fixture
def cases(new_case):
    return {
        CaseKind.COMPLAINT: new_case(subject="ขยะไม่ได้เก็บหน้าตลาด"),
        CaseKind.EXECUTIVE: new_case(kind=CaseKind.EXECUTIVE, subject="ขอพบนายก อบต."),
        CaseKind.CORRUPTION: new_case(kind=CaseKind.CORRUPTION, subject="เรียกรับเงินใต้โต๊ะ"),
    }


def access(user, case):
    """What the user can do with the case through the staff pages: (listed, opened, acted,
    saw the reporter)."""
    client = signed_in(user)
    listed = case.subject in client.get("/admin/cases/").content.decode()
    opened = client.get(f"/admin/cases/{case.pk}/").status_code == 200
    before = (
        CaseEvent.objects.all_organizations()
        .filter(case=case, kind=EventKind.INTERNAL_NOTE)
        .count()
    )
    client.post(f"/admin/cases/{case.pk}/act/", {"action": "add_note", "text": "ตรวจแล้ว"})
    acted = (
        CaseEvent.objects.all_organizations()
        .filter(case=case, kind=EventKind.INTERNAL_NOTE)
        .count()
        > before
    )
    page = client.get(f"/admin/cases/{case.pk}/?reporter=1")
    saw_reporter = page.status_code == 200 and REPORTER_NAME in page.content.decode()
    return (listed, opened, acted, saw_reporter)


EVERYTHING = (True, True, True, True)
NOTHING = (False, False, False, False)
# Written from the rules in docs/cases.md: corruption for integrity officers only, the
# executive line's reporter for the executives only.
EXPECTED = {
    StaffRole.CLERK: {
        CaseKind.COMPLAINT: EVERYTHING,
        CaseKind.EXECUTIVE: (True, True, True, False),
        CaseKind.CORRUPTION: NOTHING,
    },
    StaffRole.DIVISION_HEAD: {
        CaseKind.COMPLAINT: EVERYTHING,
        CaseKind.EXECUTIVE: NOTHING,
        CaseKind.CORRUPTION: NOTHING,
    },
    StaffRole.EXECUTIVE: {
        CaseKind.COMPLAINT: EVERYTHING,
        CaseKind.EXECUTIVE: EVERYTHING,
        CaseKind.CORRUPTION: NOTHING,
    },
    StaffRole.INTEGRITY: {
        CaseKind.COMPLAINT: NOTHING,
        CaseKind.EXECUTIVE: NOTHING,
        CaseKind.CORRUPTION: EVERYTHING,
    },
    StaffRole.ADMIN: {
        CaseKind.COMPLAINT: EVERYTHING,
        CaseKind.EXECUTIVE: (True, True, True, False),
        CaseKind.CORRUPTION: NOTHING,
    },
}


def test_each_group_of_the_data_migration_holds_its_role_permission():
    for role, name in roles.GROUP_NAMES.items():
        group = Group.objects.get(name=name)
        held = set(
            group.permissions.filter(content_type__app_label="cases").values_list(
                "codename", flat=True
            )
        )
        assert f"role_{role}" in held
        assert not {f"role_{other}" for other in StaffRole if other != role} & held


@pytest.mark.parametrize("role", list(StaffRole))
def test_renaming_every_group_changes_no_ones_access(role, cases):
    person = make_user(f"staff-{role}", role)
    for number, group in enumerate(Group.objects.all()):
        group.name = f"กลุ่มที่เปลี่ยนชื่อ {number}"
        group.save()
    assert not Group.objects.filter(name__in=roles.GROUP_NAMES.values()).exists()
    person.refresh_from_db()
    for kind, case in cases.items():
        assert access(person, case) == EXPECTED[role][kind], kind


def test_a_group_renamed_in_the_wagtail_admin_keeps_its_role(superuser, cases):
    integrity_group = Group.objects.get(permissions=role_permission(StaffRole.INTEGRITY))
    officer = make_user("officer")
    officer.groups.add(integrity_group)
    admin = signed_in(superuser)
    url = f"/admin/groups/edit/{integrity_group.pk}/"
    page = BeautifulSoup(admin.get(url).content, "html.parser")
    # The roles are ticked in the group editor, labelled in Thai.
    assert "ทำหน้าที่เจ้าหน้าที่ตรวจสอบการทุจริต" in page.get_text()
    data = submitted_values(page.find("form", attrs={"method": "POST"}))
    assert str(role_permission(StaffRole.INTEGRITY).pk) in data["permissions"]
    data["name"] = "ทีมตรวจสอบ (ชื่อใหม่)"
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    integrity_group.refresh_from_db()
    assert integrity_group.name == "ทีมตรวจสอบ (ชื่อใหม่)"
    assert access(officer, cases[CaseKind.CORRUPTION]) == EVERYTHING
    assert access(officer, cases[CaseKind.COMPLAINT]) == NOTHING


def submitted_values(form):
    """What a browser would send for this form as it stands (no button pressed)."""
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            chosen = [
                o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")
            ]
            values = chosen or [o.get("value", o.text) for o in field.find_all("option")[:1]]
        elif field.name == "textarea":
            values = [field.text]
        elif field.get("type") in ("checkbox", "radio"):
            values = [field.get("value", "on")] if field.has_attr("checked") else []
        else:
            values = [field.get("value", "")]
        data.setdefault(name, []).extend(values)
    return data


def test_a_new_group_given_a_role_permission_grants_the_role(cases):
    team = new_group("ทีมงานใหม่", StaffRole.INTEGRITY)
    person = make_user("newcomer")
    person.groups.add(team)
    assert roles.roles_of(person) == {StaffRole.INTEGRITY}
    assert access(person, cases[CaseKind.CORRUPTION]) == EVERYTHING
    assert access(person, cases[CaseKind.COMPLAINT]) == NOTHING


def test_removing_the_permission_takes_the_role_away(cases):
    team = new_group("ทีมงานใหม่", StaffRole.CLERK)
    person = make_user("newcomer")
    person.groups.add(team)
    complaint = cases[CaseKind.COMPLAINT]
    assert access(person, complaint) == EVERYTHING
    team.permissions.remove(role_permission(StaffRole.CLERK))
    person.refresh_from_db()
    client = signed_in(person)
    # Wagtail sends someone refused back to the dashboard, which they may still open.
    for url in ("/admin/cases/", f"/admin/cases/{complaint.pk}/"):
        response = client.get(url)
        assert (response.status_code, response.url) == (302, "/admin/")
    assert client.get("/admin/").status_code == 200
    assert not Case.objects.all_organizations().visible_to(person).exists()
    assert not roles.is_case_staff(person)


def test_an_executive_by_permission_gets_404_on_a_corruption_case(cases):
    team = new_group("คณะผู้บริหารชุดใหม่", StaffRole.EXECUTIVE)
    person = make_user("mayor")
    person.groups.add(team)
    corruption = cases[CaseKind.CORRUPTION]
    client = signed_in(person)
    assert client.get(f"/admin/cases/{corruption.pk}/").status_code == 404
    assert client.get(f"/admin/cases/{corruption.pk}/?reporter=1").status_code == 404
    response = client.post(
        f"/admin/cases/{corruption.pk}/act/", {"action": "add_note", "text": "ขอดู"}
    )
    assert response.status_code == 404
    assert not corruption.events.filter(actor=person).exists()


def test_the_reminders_and_the_assignee_lists_follow_the_permission_not_the_name(cases, settings):
    head = make_user("head-renamed", StaffRole.DIVISION_HEAD)
    head.email = "head@example.com"
    head.save()
    Group.objects.filter(permissions=role_permission(StaffRole.DIVISION_HEAD)).update(
        name="หัวหน้ากอง (ชื่อใหม่)"
    )
    assert head in roles.holders({StaffRole.DIVISION_HEAD}, default_organization())
    admin = make_user("caseadmin-renamed", StaffRole.ADMIN)
    html = signed_in(admin).get("/admin/cases/").content.decode()
    options = BeautifulSoup(html, "html.parser").find(id="bulk-assignee").find_all("option")
    assert "head-renamed" in [option.text for option in options]
