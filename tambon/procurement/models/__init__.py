from .imports import ImportJob
from .pages import ProcurementIndexPage
from .plans import AnnualProcurementReport, PlanLine, ProcurementPlan
from .projects import (
    AnnouncementKind,
    Bid,
    Method,
    ProcurementAnnouncement,
    ProcurementProject,
    Status,
)

# Rows shown on the public pages. The top-level ones are snippets, which the page cache
# already watches; bids and plan lines are listed too, so a change made to them alone (a
# script, an import) cannot leave a stale page behind.
SHOWN_MODELS = (
    ProcurementProject,
    Bid,
    ProcurementAnnouncement,
    ProcurementPlan,
    PlanLine,
    AnnualProcurementReport,
)


def connect_purge_signals():
    from django.db.models.signals import post_delete, post_save

    from tambon.core.pagecache import purge

    for model in SHOWN_MODELS:
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            uid = f"procurement-purge-{model.__name__}-{name}"
            signal.connect(purge, sender=model, dispatch_uid=uid)


__all__ = [
    "AnnouncementKind",
    "AnnualProcurementReport",
    "Bid",
    "ImportJob",
    "Method",
    "PlanLine",
    "ProcurementAnnouncement",
    "ProcurementIndexPage",
    "ProcurementPlan",
    "ProcurementProject",
    "Status",
    "connect_purge_signals",
]
