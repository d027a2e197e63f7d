from .ita import EvidenceKind, ItaEvidence, ItaIndicator, ItaItem, ItaYear
from .pages import ItaYearPage

__all__ = ["EvidenceKind", "ItaEvidence", "ItaIndicator", "ItaItem", "ItaYear", "ItaYearPage"]
