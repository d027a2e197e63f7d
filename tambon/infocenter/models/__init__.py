from .gifts import GiftDisposal, GiftRegisterEntry
from .ita import ItaEvidence, ItaIndicator, ItaItem, ItaYear
from .pages import ItaYearPage
from .record_pages import AntiCorruptionPage, AntiCorruptionTopic, CourtRulingsPage, InfoCenterPage
from .records import InfoRecord, InfoRecordFile, RecordCategory
from .rulings import CourtRuling
from .settings import ItaSettings

__all__ = [
    "AntiCorruptionPage",
    "AntiCorruptionTopic",
    "CourtRuling",
    "CourtRulingsPage",
    "GiftDisposal",
    "GiftRegisterEntry",
    "InfoCenterPage",
    "InfoRecord",
    "InfoRecordFile",
    "ItaEvidence",
    "ItaIndicator",
    "ItaItem",
    "ItaSettings",
    "ItaYear",
    "ItaYearPage",
    "RecordCategory",
]
