from .attachments import Attachment
from .case import Case, Reporter, ReporterView
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
    "AppendOnlyError",
    "Attachment",
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
    "ReporterView",
    "ServiceDocument",
    "ServiceField",
    "ServiceType",
    "StaffRole",
]
