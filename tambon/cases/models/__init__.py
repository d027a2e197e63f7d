from .attachments import Attachment, AttachmentState
from .audit import AccessAction, AccessRecord
from .case import Case, Reporter
from .category import Category
from .choices import (
    FINISHED_STATES,
    OPEN_STATES,
    CaseKind,
    CaseState,
    EventKind,
    InformationDecision,
    StaffRole,
)
from .events import AppendOnlyError, CaseEvent
from .pages import CaseStatisticsPage, QuestionAnswerPage
from .publication import PublishedQuestion
from .service import ServiceDocument, ServiceField, ServiceType
from .settings import CaseSettings, ClosedDay

__all__ = [
    "FINISHED_STATES",
    "OPEN_STATES",
    "AccessAction",
    "AccessRecord",
    "AppendOnlyError",
    "Attachment",
    "AttachmentState",
    "Case",
    "CaseEvent",
    "CaseKind",
    "CaseStatisticsPage",
    "CaseSettings",
    "CaseState",
    "ClosedDay",
    "Category",
    "EventKind",
    "PublishedQuestion",
    "QuestionAnswerPage",
    "InformationDecision",
    "Reporter",
    "ServiceDocument",
    "ServiceField",
    "ServiceType",
    "StaffRole",
]
