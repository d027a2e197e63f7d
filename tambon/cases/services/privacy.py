"""The citizen's identity: shown only to the roles the kind allows (each showing in the access
trail), and deleted with their files once a finished case has been kept long enough."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from .. import actions, audit, roles
from ..models import AccessAction, EventKind, Reporter
from .common import TransitionNotAllowed, finish, locked, record


def reveal_reporter(case, user):
    """The reporter of a case, for someone the kind allows; each showing is in the access trail,
    whatever the kind. None for an anonymous case."""
    if not roles.can_see_reporter(user, case):
        raise PermissionDenied(_("You may not see who reported this case."))
    reporter = Reporter.objects.for_organization(case.organization_id).filter(case=case).first()
    audit.record(user, AccessAction.VIEWED_IDENTITY, case=case)
    return reporter


def purge_personal_data(case):
    """Remove who reported a finished case and the files they sent; the case, its history and
    its figures stay for the statistics. What citizens wrote in the text stays too: free text
    cannot be anonymised by a program."""
    with transaction.atomic():
        current = locked(case)
        if current.is_open:
            raise TransitionNotAllowed(_("An open case keeps its reporter."))
        Reporter.objects.for_organization(current.organization_id).filter(case=current).delete()
        for attachment in current.attachments.all():
            attachment.file.delete(save=False)
            attachment.delete()
        current.client_hash = ""
        current.save()
        with translation.override(settings.LANGUAGE_CODE):
            text = _("The reporter's details and files were deleted after the retention period.")
        record(current, EventKind.INTERNAL_NOTE, None, actions.PURGE, text=text)
    return finish(case, current)
