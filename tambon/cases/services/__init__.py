"""The one place that changes a case. Each verb checks that the step is allowed from the
case's state and for this user (tambon.cases.actions, tambon.cases.roles), writes an event
row, and sends `case_changed`.

- submission: what citizens do (file a case, add to it, rate it);
- transitions: what staff do (the steps of a case, messages, deadline, bulk actions);
- information: the decision on an official-information request;
- privacy: showing the reporter, and deleting their details after the retention period.
"""

from .common import CaseError, CheckedFile, TransitionNotAllowed, files_not_stored
from .information import DECISIONS_NEEDING_REASON, record_information_decision
from .privacy import purge_personal_data, reveal_reporter
from .submission import MAX_CODE_ATTEMPTS, citizen_adds_information, rate, submit
from .transitions import (
    BulkOutcome,
    acknowledge,
    act_on_many,
    add_note,
    allowed_actions,
    ask_citizen,
    assign,
    change_deadline,
    close,
    reject,
    reopen,
    reply,
    resolve,
    start,
)

__all__ = [
    "DECISIONS_NEEDING_REASON",
    "MAX_CODE_ATTEMPTS",
    "BulkOutcome",
    "CaseError",
    "CheckedFile",
    "files_not_stored",
    "TransitionNotAllowed",
    "acknowledge",
    "act_on_many",
    "add_note",
    "allowed_actions",
    "ask_citizen",
    "assign",
    "change_deadline",
    "citizen_adds_information",
    "close",
    "purge_personal_data",
    "rate",
    "record_information_decision",
    "reject",
    "reopen",
    "reply",
    "resolve",
    "reveal_reporter",
    "start",
    "submit",
]
