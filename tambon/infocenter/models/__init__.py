from .anti_corruption_page import AntiCorruptionPage, AntiCorruptionTopic
from .court_rulings_page import CourtRulingsPage
from .gifts import GiftDisposal, GiftRegisterEntry
from .info_center_page import InfoCenterPage
from .ita import ItaEvidence, ItaIndicator, ItaItem, ItaYear
from .ita_year_page import ItaYearPage
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
