"""Who may see and do what with a case. A user's roles are the role permissions on Case that
their groups hold (`cases.role_clerk`, ...; see models.choices.StaffRole): an administrator
grants a role by ticking its permission for a group, and renaming a group changes nothing.
What each role may do is in tambon.cases.actions."""

from django.contrib.auth import get_user_model
from django.db.models import Q

from tambon.core.permissions import groups_counting_in

from . import actions
from .models.choices import CaseKind, StaffRole

CLERK = StaffRole.CLERK
DIVISION_HEAD = StaffRole.DIVISION_HEAD
EXECUTIVE = StaffRole.EXECUTIVE
INTEGRITY = StaffRole.INTEGRITY
ADMIN = StaffRole.ADMIN

# The names the data migration gave the groups on a fresh database: only for finding a group
# to put a demo or test user in. Access never depends on them.
GROUP_NAMES = {
    CLERK: "เจ้าหน้าที่รับเรื่อง",
    DIVISION_HEAD: "หัวหน้าส่วน",
    EXECUTIVE: "ผู้บริหาร",
    INTEGRITY: "เจ้าหน้าที่ตรวจสอบการทุจริต",
    ADMIN: "ผู้ดูแลระบบงานเรื่องร้องเรียน",
}

_NOT_CORRUPTION = frozenset(CaseKind.values) - {CaseKind.CORRUPTION}

# Kinds of case each role sees. Corruption complaints: integrity officers only, never the
# executives (they may be the ones complained about).
KINDS_SEEN = {
    CLERK: _NOT_CORRUPTION,
    DIVISION_HEAD: frozenset(
        {CaseKind.COMPLAINT, CaseKind.ESERVICE, CaseKind.QUESTION, CaseKind.INFORMATION}
    ),
    EXECUTIVE: _NOT_CORRUPTION,
    INTEGRITY: frozenset({CaseKind.CORRUPTION}),
    ADMIN: _NOT_CORRUPTION,
}

# Roles that may see who reported a case, by kind. The executive line is the executives'
# own: the clerks route it without knowing who wrote.
REPORTER_ROLES = {
    CaseKind.COMPLAINT: frozenset({CLERK, DIVISION_HEAD, EXECUTIVE, ADMIN}),
    CaseKind.EXECUTIVE: frozenset({EXECUTIVE}),
    CaseKind.CORRUPTION: frozenset({INTEGRITY}),
    CaseKind.ESERVICE: frozenset({CLERK, DIVISION_HEAD, EXECUTIVE, ADMIN}),
    CaseKind.QUESTION: frozenset({CLERK, DIVISION_HEAD, ADMIN}),
    CaseKind.INFORMATION: frozenset({CLERK, DIVISION_HEAD, EXECUTIVE, ADMIN}),
}

# Kinds whose case page lists who was shown the reporter (the access trail logs every kind).
AUDITED_KINDS = frozenset({CaseKind.CORRUPTION})


def permission_name(role) -> str:
    """`app_label.codename` of a role's permission, as user.has_perm takes it."""
    return f"cases.{StaffRole(role).codename}"


def roles_of(user) -> frozenset:
    """The roles whose permission the user holds, through a group or given to them directly
    (remembered on the user object for the request). A superuser holds every permission, so
    every role; the checks below let them do everything anyway."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_case_roles", None)
    if cached is None:
        cached = frozenset(role for role in StaffRole if user.has_perm(permission_name(role)))
        user._case_roles = cached
    return cached


def _in_organization(users_qs, organization):
    """The users of `users_qs` who are staff of `organization`: a role group of it, a
    platform-wide group, or a permission given to them directly."""
    in_a_group = Q(groups__isnull=False) & groups_counting_in(organization)
    return users_qs.filter(in_a_group | Q(user_permissions__isnull=False)).distinct()


def holding(role_keys, organization) -> Q:
    """A filter on users: staff of `organization` who hold one of these roles' permissions,
    by a group that counts there or directly."""
    codenames = [StaffRole(role).codename for role in role_keys]
    # One Q over the groups: the group that holds the permission is the one that counts.
    by_group = Q(
        groups__permissions__content_type__app_label="cases",
        groups__permissions__codename__in=codenames,
    ) & groups_counting_in(organization)
    directly = Q(
        user_permissions__content_type__app_label="cases",
        user_permissions__codename__in=codenames,
    )
    return by_group | directly


def holders(role_keys, organization):
    """The active staff of `organization` who hold one of these roles."""
    users = get_user_model().objects.filter(holding(role_keys, organization), is_active=True)
    return users.distinct()


def belongs_to(user, organization) -> bool:
    """Whether the user is staff of `organization` (a superuser is of every one)."""
    if user.is_superuser:
        return True
    users = get_user_model().objects.filter(pk=user.pk)
    return _in_organization(users, organization).exists()


def kinds_seen_by(user) -> frozenset:
    if user.is_superuser:
        return frozenset(CaseKind.values)
    kinds = set()
    for role in roles_of(user):
        kinds |= KINDS_SEEN[role]
    return frozenset(kinds)


def is_case_staff(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or roles_of(user)))


def can_see_reporter(user, case) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(roles_of(user) & REPORTER_ROLES[case.kind])


def may_be_assigned(user, case) -> bool:
    """Only someone of the case's organization who may see a case of this kind can be
    given it."""
    if not user.is_active or not (user.is_superuser or case.kind in kinds_seen_by(user)):
        return False
    return belongs_to(user, case.organization)


def can_do(user, case, action) -> bool:
    """Whether the user may take `action` (a CaseAction or its value) on this case, whatever
    its state (tambon.cases.actions says from which states)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    action = actions.get(action)
    kinds = kinds_seen_by(user)
    is_assignee = case.assignee_id is not None and case.assignee_id == user.pk
    if case.kind not in kinds and not (is_assignee and may_be_assigned(user, case)):
        return False
    if is_assignee and action.assignee_may:
        return True
    return any(role in action.roles and case.kind in KINDS_SEEN[role] for role in roles_of(user))
