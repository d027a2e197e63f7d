"""Writing the access trail (models/audit.py). Each staff access to a citizen's personal data
writes one row (``record``, with the address of the request being served). A change of a case
by a member of staff is written from the case's own event (the `case_changed` signal), so that
every service verb is covered without each view remembering it. A citizen acting on their own
case is not staff access and writes nothing."""

import datetime
import ipaddress

from django.utils import timezone

from tambon.core.addresses import client_ip
from tambon.core.permissions import current_request

from . import conf
from .models import AccessAction, AccessRecord
from .signals import case_changed


def _address():
    """The address of the request being served, as core.addresses reads it (X-Forwarded-For
    only from a trusted proxy); None outside a request or for something not an address."""
    request = current_request()
    if request is None:
        return None
    try:
        return str(ipaddress.ip_address(client_ip(request.META)))
    except ValueError:
        return None


def record(user, action, *, organization=None, case=None, detail=""):
    """One row of the trail of `organization` (the case's, when a case is given)."""
    return AccessRecord.objects.for_organization(organization or case.organization).create(
        user=user,
        username=user.get_username()[:150],
        action=AccessAction(action),
        case_code=case.display_code if case is not None else "",
        detail=str(detail)[:64],
        address=_address(),
    )


def on_case_changed(sender, case, event, action, actor=None, **kwargs):
    """A step taken by a member of staff; the citizen's own steps and the jobs' (no actor)
    are not staff access. The step itself is the case's event; this row adds the address."""
    if actor is not None:
        record(actor, AccessAction.CHANGED_CASE, case=case, detail=action)


def connect():
    case_changed.connect(on_case_changed, dispatch_uid="cases-access-trail")


def purge(now=None):
    """Remove every organization's rows older than TAMBON_AUDIT_KEEP_DAYS; how many went."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=conf.audit_keep_days())
    # Every organization on purpose: the operator's retention job.
    return AccessRecord.objects.all_organizations().purge_older_than(cutoff)
