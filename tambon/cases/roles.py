"""Who may see and do what with a case, by staff group. The groups are created by a data
migration; their names are data (Thai), the role keys below are what the code speaks."""

from .models.choices import CaseKind

CLERK = "clerk"
DIVISION_HEAD = "division_head"
EXECUTIVE = "executive"
INTEGRITY = "integrity"
ADMIN = "admin"

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

# Kinds whose reporter's identity is logged each time someone is shown it.
AUDITED_KINDS = frozenset({CaseKind.CORRUPTION})

ALL_ACTIONS = frozenset(
    {
        "acknowledge",
        "assign",
        "start",
        "ask_citizen",
        "resolve",
        "reject",
        "close",
        "reopen",
        "reply",
        "add_note",
        "change_deadline",
    }
)
_SUPERVISE = ALL_ACTIONS
ACTIONS = {
    CLERK: frozenset({"acknowledge", "assign", "reject", "reply", "add_note", "close"}),
    DIVISION_HEAD: _SUPERVISE,
    EXECUTIVE: _SUPERVISE,
    INTEGRITY: ALL_ACTIONS,
    ADMIN: ALL_ACTIONS,
}
# What the officer a case is assigned to may do with it, whatever their group.
ASSIGNEE_ACTIONS = frozenset({"start", "ask_citizen", "resolve", "reply", "add_note"})


def roles_of(user) -> frozenset:
    """The role keys of a user's groups (remembered on the user object for the request)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_case_roles", None)
    if cached is None:
        names = set(user.groups.values_list("name", flat=True))
        cached = frozenset(role for role, name in GROUP_NAMES.items() if name in names)
        user._case_roles = cached
    return cached


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
    """Only someone who may see a case of this kind can be given it."""
    return user.is_active and (user.is_superuser or case.kind in kinds_seen_by(user))


def can_do(user, case, action) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    kinds = kinds_seen_by(user)
    is_assignee = case.assignee_id is not None and case.assignee_id == user.pk
    if case.kind not in kinds and not (is_assignee and may_be_assigned(user, case)):
        return False
    if is_assignee and action in ASSIGNEE_ACTIONS:
        return True
    return any(action in ACTIONS[role] and case.kind in KINDS_SEEN[role] for role in roles_of(user))
