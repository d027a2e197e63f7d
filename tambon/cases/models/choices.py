import enum

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy


class CaseKind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint or grievance")
    EXECUTIVE = "executive", _("Complaint line to the executives")
    CORRUPTION = "corruption", _("Corruption or misconduct complaint")
    ESERVICE = "eservice", _("E-service request")
    QUESTION = "question", pgettext_lazy("case kind", "Question")
    INFORMATION = "information", _("Official information request")


class CaseChannel(models.TextChoices):
    """How a case reached the organization."""

    WEB = "web", _("Form on the website")
    OPEN311 = "open311", _("Open311 API")


class CaseState(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("case state", "Received")
    ACKNOWLEDGED = "acknowledged", pgettext_lazy("case state", "Acknowledged")
    ASSIGNED = "assigned", pgettext_lazy("case state", "Assigned to an officer")
    IN_PROGRESS = "in_progress", pgettext_lazy("case state", "In progress")
    WAITING = "waiting", pgettext_lazy("case state", "Waiting for information from you")
    RESOLVED = "resolved", pgettext_lazy("case state", "Resolved")
    REJECTED = "rejected", pgettext_lazy("case state", "Not accepted")
    CLOSED = "closed", pgettext_lazy("case state", "Closed")


# States in which the organization still owes the citizen an outcome.
OPEN_STATES = (
    CaseState.SUBMITTED,
    CaseState.ACKNOWLEDGED,
    CaseState.ASSIGNED,
    CaseState.IN_PROGRESS,
    CaseState.WAITING,
)
FINISHED_STATES = (CaseState.RESOLVED, CaseState.REJECTED, CaseState.CLOSED)


class EventKind(models.TextChoices):
    PUBLIC_REPLY = "public_reply", _("Reply to the citizen")
    INTERNAL_NOTE = "internal_note", _("Internal note")
    STATE_CHANGE = "state_change", _("Status change")
    ASSIGNMENT = "assignment", _("Assignment")
    DEADLINE_CHANGE = "deadline_change", _("Deadline change")
    CITIZEN_MESSAGE = "citizen_message", _("Message from the citizen")
    DECISION = "decision", _("Decision on the information request")


class InformationDecision(models.TextChoices):
    DISCLOSED = "disclosed", _("Disclosed")
    PARTLY = "partly", _("Partly disclosed")
    REFUSED = "refused", _("Refused")
    FORWARDED = "forwarded", _("Forwarded to another agency")


class StaffRole(enum.StrEnum):
    """The roles of case staff: the keys the code speaks. A user has a role when one of their
    groups (or they themselves) holds the role's permission on Case, `cases.role_<key>`:
    the groups' names are data an administrator may change freely."""

    CLERK = "clerk"
    DIVISION_HEAD = "division_head"
    EXECUTIVE = "executive"
    INTEGRITY = "integrity"
    ADMIN = "admin"

    @property
    def codename(self):
        return f"role_{self.value}"


# The permission of each role, as Case declares it (Meta.permissions). The names are the
# English source; the Wagtail group editor shows them translated.
ROLE_PERMISSION_NAMES = {
    StaffRole.CLERK: gettext_noop("Acts as case clerk"),
    StaffRole.DIVISION_HEAD: gettext_noop("Acts as division head for cases"),
    StaffRole.EXECUTIVE: gettext_noop("Acts as executive for cases"),
    StaffRole.INTEGRITY: gettext_noop("Acts as integrity officer for corruption complaints"),
    StaffRole.ADMIN: gettext_noop("Acts as case administrator"),
}
