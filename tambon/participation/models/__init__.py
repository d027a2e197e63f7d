from .cycles import (
    PLAN_YEARS,
    PROPOSAL_PHASES,
    Phase,
    PhaseKind,
    PlanCycle,
    phase_order_errors,
)
from .forums import AgeGroup, Forum, ForumAttendance, ForumKind, ForumPhoto, ForumTally, Sex
from .photos import MAX_PHOTOS, ProposalPhoto
from .places import Category, Strategy, Village
from .plan import (
    BUDGET_FIELDS,
    EditionKind,
    PlanEdition,
    PlanProject,
    ProjectStatus,
    ProjectUpdate,
)
from .proposals import Decision, Moderation, Proposal, Source
from .supports import Support

# Rows shown on the public pages: a change to any of them drops the cached pages.
SHOWN_MODELS = (
    Village,
    Strategy,
    Category,
    PlanCycle,
    Phase,
    Proposal,
    ProposalPhoto,
    Forum,
    ForumAttendance,
    ForumTally,
    ForumPhoto,
    Support,
    PlanEdition,
    PlanProject,
    ProjectUpdate,
)


def connect_purge_signals():
    from django.db.models.signals import post_delete, post_save

    from tambon.core.pagecache import purge

    for model in SHOWN_MODELS:
        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            uid = f"participation-purge-{model.__name__}-{name}"
            signal.connect(purge, sender=model, dispatch_uid=uid)


__all__ = [
    "BUDGET_FIELDS",
    "AgeGroup",
    "Decision",
    "EditionKind",
    "Forum",
    "ForumAttendance",
    "ForumKind",
    "ForumPhoto",
    "ForumTally",
    "PlanEdition",
    "PlanProject",
    "ProjectStatus",
    "ProjectUpdate",
    "Sex",
    "Support",
    "PLAN_YEARS",
    "PROPOSAL_PHASES",
    "Category",
    "Moderation",
    "Phase",
    "PhaseKind",
    "PlanCycle",
    "Proposal",
    "ProposalPhoto",
    "MAX_PHOTOS",
    "Source",
    "Strategy",
    "Village",
    "connect_purge_signals",
    "phase_order_errors",
]
