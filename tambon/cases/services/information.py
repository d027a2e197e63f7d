"""Official-information requests: the decision the register of the Official Information Act
asks for."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from tambon.thai.dates import format_thai_date, to_bangkok_date
from tambon.thai.fiscal import today_in_bangkok

from .. import actions
from ..models import CaseKind, EventKind, InformationDecision
from .common import CaseError, check_permission, finish, locked, record

# Decisions the register must explain: why it was refused, or where it was sent.
DECISIONS_NEEDING_REASON = frozenset({InformationDecision.REFUSED, InformationDecision.FORWARDED})


def record_information_decision(case, user, decision, reason, answered_on):
    """What was decided on an official-information request and when the requester was
    answered, for the register the Official Information Act asks for. Whoever may resolve the
    case may record it; recording again corrects it (the history keeps both)."""
    reason = (reason or "").strip()
    if decision not in InformationDecision.values:
        raise CaseError(_("Choose the decision."))
    if decision in DECISIONS_NEEDING_REASON and not reason:
        raise CaseError(_("Write the reason for a refusal, or the agency it was forwarded to."))
    if not isinstance(answered_on, datetime.date):
        raise CaseError(_("Choose the date of the answer."))
    with transaction.atomic():
        current = locked(case)
        if current.kind != CaseKind.INFORMATION:
            raise CaseError(_("Only an official-information request has this decision."))
        check_permission(user, current, actions.DECIDE)
        if not to_bangkok_date(current.created) <= answered_on <= today_in_bangkok():
            raise CaseError(
                _("The date of the answer must be between the day it was received and today.")
            )
        current.info_decision = decision
        current.info_decision_reason = reason
        current.info_answered_on = answered_on
        current.save()
        with translation.override(settings.LANGUAGE_CODE):
            text = _("%(decision)s, answered on %(date)s") % {
                "decision": InformationDecision(decision).label,
                "date": format_thai_date(answered_on),
            }
        record(
            current,
            EventKind.DECISION,
            user,
            actions.DECIDE,
            text=f"{text}\n{reason}".strip(),
            public=True,
        )
    return finish(case, current)
