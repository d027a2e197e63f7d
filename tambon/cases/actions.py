"""The vocabulary of a case: every action, named once, with what it takes and what it does.

The service layer moves cases by these transitions, roles.can_do answers "may this user do it"
from `roles` and `assignee_may`, the staff page labels its buttons and builds its forms from
here, and notify.py tells the citizen about the actions marked `notifies_citizen`. A new action
is a new entry below (and a service verb of the same name)."""

from dataclasses import dataclass

from django.utils.translation import pgettext_lazy

from .models.choices import FINISHED_STATES, CaseState, StaffRole

S = CaseState
R = StaffRole


# eq=False: each action is one object, compared and hashed by identity (a lazy label must not
# decide a dict look-up).
@dataclass(frozen=True, eq=False)
class CaseAction:
    value: str
    label: str = ""
    # A change of state: the action is possible only from `sources` and leads to `target`.
    # Without a target the action leaves the state as it is.
    sources: frozenset = frozenset()
    target: str = ""
    # The staff roles that may take it, on the kinds of case the role sees.
    roles: frozenset = frozenset()
    # Whether the officer a case is assigned to may take it on that case, whatever their role.
    assignee_may: bool = False
    # Whether the text typed with it is kept (the case page offers one box of text beside every
    # button, so a button whose action kept none threw the officer's words away), and whether it
    # must not be empty.
    takes_text: bool = False
    needs_text: bool = False
    notifies_citizen: bool = False
    # Whether it is offered for several ticked cases at once on the case list.
    bulk: bool = False

    def __str__(self):
        return self.value

    @property
    def changes_state(self):
        return bool(self.target)

    def possible_from(self, state):
        return not self.changes_state or state in self.sources


_WORKING = frozenset({S.ASSIGNED, S.IN_PROGRESS, S.WAITING})
_NEW = frozenset({S.SUBMITTED, S.ACKNOWLEDGED})
# Clerks receive and route cases; the supervising roles may do everything on the kinds they see.
_ALL_ROLES = frozenset(R)
_SUPERVISORS = frozenset({R.DIVISION_HEAD, R.EXECUTIVE, R.INTEGRITY, R.ADMIN})

ACKNOWLEDGE = CaseAction(
    "acknowledge",
    pgettext_lazy("case action", "Acknowledge"),
    sources=frozenset({S.SUBMITTED}),
    target=S.ACKNOWLEDGED,
    roles=_ALL_ROLES,
    takes_text=True,
    bulk=True,
    notifies_citizen=True,
)
ASSIGN = CaseAction(
    "assign",
    pgettext_lazy("case action", "Assign"),
    sources=_NEW | _WORKING,
    target=S.ASSIGNED,
    roles=_ALL_ROLES,
    takes_text=True,
    bulk=True,
)
START = CaseAction(
    "start",
    pgettext_lazy("case action", "Start work"),
    sources=frozenset({S.ASSIGNED, S.WAITING}),
    target=S.IN_PROGRESS,
    roles=_SUPERVISORS,
    assignee_may=True,
    takes_text=True,
)
ASK_CITIZEN = CaseAction(
    "ask_citizen",
    pgettext_lazy("case action", "Ask the citizen"),
    sources=frozenset({S.ASSIGNED, S.IN_PROGRESS}),
    target=S.WAITING,
    roles=_SUPERVISORS,
    assignee_may=True,
    takes_text=True,
    needs_text=True,
    notifies_citizen=True,
)
RESOLVE = CaseAction(
    "resolve",
    pgettext_lazy("case action", "Resolve"),
    sources=_WORKING,
    target=S.RESOLVED,
    roles=_SUPERVISORS,
    assignee_may=True,
    takes_text=True,
    needs_text=True,
    notifies_citizen=True,
)
REJECT = CaseAction(
    "reject",
    pgettext_lazy("case action", "Reject"),
    sources=_NEW | _WORKING,
    target=S.REJECTED,
    roles=_ALL_ROLES,
    takes_text=True,
    needs_text=True,
    notifies_citizen=True,
)
CLOSE = CaseAction(
    "close",
    pgettext_lazy("case action", "Close"),
    sources=frozenset({S.RESOLVED, S.REJECTED}),
    target=S.CLOSED,
    roles=_ALL_ROLES,
    takes_text=True,
)
REOPEN = CaseAction(
    "reopen",
    pgettext_lazy("case action", "Reopen"),
    sources=frozenset(FINISHED_STATES),
    target=S.IN_PROGRESS,
    roles=_SUPERVISORS,
    takes_text=True,
)
REPLY = CaseAction(
    "reply",
    pgettext_lazy("case action", "Send reply"),
    roles=_ALL_ROLES,
    assignee_may=True,
    takes_text=True,
    needs_text=True,
    notifies_citizen=True,
)
ADD_NOTE = CaseAction(
    "add_note",
    pgettext_lazy("case action", "Add note"),
    roles=_ALL_ROLES,
    assignee_may=True,
    takes_text=True,
    needs_text=True,
)
CHANGE_DEADLINE = CaseAction(
    "change_deadline",
    pgettext_lazy("case action", "Change deadline"),
    roles=_SUPERVISORS,
    takes_text=True,
    needs_text=True,
)
# The decision on an official-information request: whoever may resolve the case records it.
DECIDE = CaseAction(
    "decide",
    pgettext_lazy("case action", "Record the decision"),
    roles=RESOLVE.roles,
    assignee_may=RESOLVE.assignee_may,
    takes_text=True,
)
# Publishing on the Q&A page speaks for the organization as a reply does.
PUBLISH = CaseAction(
    "publish",
    pgettext_lazy("case action", "Publish on the Q&A page"),
    roles=REPLY.roles,
    assignee_may=REPLY.assignee_may,
)
UNPUBLISH = CaseAction(
    "unpublish",
    pgettext_lazy("case action", "Take off the Q&A page"),
    roles=REPLY.roles,
    assignee_may=REPLY.assignee_may,
)

# What the citizen and the system do: recorded in the history like the rest, taken by no staff.
SUBMIT = CaseAction("submit", notifies_citizen=True)
# A citizen's answer puts a case that waited for it back to work.
CITIZEN_MESSAGE = CaseAction(
    "citizen_message", sources=frozenset({S.WAITING}), target=S.IN_PROGRESS
)
RATE = CaseAction("rate")
PURGE = CaseAction("purge")
# The background task could not decode a citizen's photo (cleaning.py).
FILE_REJECTED = CaseAction("file_rejected")

ALL = {
    action.value: action
    for action in (
        ACKNOWLEDGE,
        ASSIGN,
        START,
        ASK_CITIZEN,
        RESOLVE,
        REJECT,
        CLOSE,
        REOPEN,
        REPLY,
        ADD_NOTE,
        CHANGE_DEADLINE,
        DECIDE,
        PUBLISH,
        UNPUBLISH,
        SUBMIT,
        CITIZEN_MESSAGE,
        RATE,
        PURGE,
        FILE_REJECTED,
    )
}
# The actions staff take on the case page, in the order its buttons come.
STAFF = tuple(sorted((a for a in ALL.values() if a.roles), key=lambda a: a.value))
BULK = tuple(a for a in STAFF if a.bulk)
NOTIFIED = frozenset(a.value for a in ALL.values() if a.notifies_citizen)


def get(value):
    """The action called `value` (a CaseAction is accepted as itself); KeyError if none."""
    if isinstance(value, CaseAction):
        return value
    return ALL[value]
