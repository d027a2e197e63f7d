from .ita import EvidenceKind, ItaEvidence, ItaIndicator, ItaItem, ItaYear
from .pages import ItaYearPage
from .settings import ItaSettings

__all__ = [
    "EvidenceKind",
    "ItaEvidence",
    "ItaIndicator",
    "ItaItem",
    "ItaSettings",
    "ItaYear",
    "ItaYearPage",
]
