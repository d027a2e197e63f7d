from .attachments import Attachment
from .case import Case, Reporter, ReporterView
from .category import Category
from .choices import FINISHED_STATES, OPEN_STATES, CaseKind, CaseState, EventKind
from .events import AppendOnlyError, CaseEvent
from .pages import CaseStatisticsPage, QuestionAnswerPage
from .publication import PublishedQuestion

__all__ = [
    "FINISHED_STATES",
    "OPEN_STATES",
    "AppendOnlyError",
    "Attachment",
    "Case",
    "CaseEvent",
    "CaseKind",
    "CaseStatisticsPage",
    "CaseState",
    "Category",
    "EventKind",
    "PublishedQuestion",
    "QuestionAnswerPage",
    "Reporter",
    "ReporterView",
]
