from .apikey import ApiKey, issue_key
from .attachments import Attachment, AttachmentState
from .audit import AccessAction, AccessRecord
from .case import Case, Reporter
from .category import Category
from .choices import (
    FINISHED_STATES,
    OPEN_STATES,
    CaseChannel,
    CaseKind,
    CaseState,
    EventKind,
    InformationDecision,
    StaffRole,
)
from .events import AppendOnlyError, CaseEvent
from .notify_settings import NotificationSettings, SmsProvider
from .pages import CaseStatisticsPage, QuestionAnswerPage
from .publication import PublishedQuestion
from .service import ServiceDocument, ServiceField, ServiceType
from .settings import CaseSettings, ClosedDay

__all__ = [
    "FINISHED_STATES",
    "OPEN_STATES",
    "AccessAction",
    "AccessRecord",
    "ApiKey",
    "AppendOnlyError",
    "Attachment",
    "AttachmentState",
    "Case",
    "CaseChannel",
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
    "NotificationSettings",
    "Reporter",
    "ServiceDocument",
    "ServiceField",
    "ServiceType",
    "SmsProvider",
    "StaffRole",
    "issue_key",
]
