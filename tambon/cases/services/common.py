"""What every service verb shares: its errors, the row lock, the permission and state checks,
and the event it writes (which sends `case_changed`)."""

import logging
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _

from .. import actions, roles
from ..models import Attachment, AttachmentState, Case, CaseEvent
from ..signals import case_changed

logger = logging.getLogger(__name__)


class CaseError(Exception):
    """A step that cannot be taken; the message is for the person who tried (translated)."""


class TransitionNotAllowed(CaseError):
    pass


def files_not_stored():
    return _(
        "Your files could not be stored just now, so nothing was sent. What you typed is kept "
        "below: please try again later, send it without the files, or call us."
    )


@dataclass(frozen=True)
class CheckedFile:
    """An upload that passed the request's checks (tambon.cases.uploads) and our own name for
    it. An image's content is still the citizen's original: `attach` stores it PENDING and the
    background task cleans it."""

    name: str
    content: bytes
    content_type: str
    document: str = ""  # which required document of an e-service request it is


def check_permission(user, case, action):
    if not roles.can_do(user, case, action):
        raise PermissionDenied(_("You may not do this with this case."))


def check_transition(case, action):
    if not actions.get(action).possible_from(case.state):
        raise TransitionNotAllowed(
            _("This step is not possible while the case is “%(state)s”.")
            % {"state": case.get_state_display()}
        )


def require_text(text):
    text = (text or "").strip()
    if not text:
        raise CaseError(_("Write a message."))
    return text


def locked(case):
    return Case.objects.for_organization(case.organization_id).select_for_update().get(pk=case.pk)


def record(case, kind, actor, action, text="", from_state="", to_state="", public=False):
    """Write the event of `action` (a CaseAction or its value) and tell the listeners."""
    event = CaseEvent.objects.create(
        case=case,
        kind=kind,
        actor=actor,
        text=text,
        from_state=from_state,
        to_state=to_state,
        is_public=public,
    )
    action = actions.get(action).value
    case_changed.send(sender=Case, case=case, event=event, action=action, actor=actor)
    return event


def finish(original, locked_case):
    """Give the caller's object the new values."""
    original.refresh_from_db()
    return locked_case


def attach(case, files, from_citizen=True):
    """Store the files with the case; returns their attachments. An image is stored PENDING
    (its original bytes, metadata and all, which nobody may download) until `cleaning.clean_later`'s
    task has cleaned it; a PDF is READY at once (nothing in it is decoded or rewritten). A disk
    that is full or read-only is a CaseError with a Thai message (the caller's transaction rolls
    the case back, and the form shows what was typed again), never a server error."""
    stored = []
    for upload in files:
        attachment = Attachment(
            case=case,
            original_name=upload.name[:200],
            content_type=upload.content_type,
            size=len(upload.content),
            from_citizen=from_citizen,
            document=upload.document[:150],
            state=(
                AttachmentState.PENDING
                if upload.content_type.startswith("image/")
                else AttachmentState.READY
            ),
        )
        try:
            attachment.file.save(upload.name, ContentFile(upload.content), save=False)
        except OSError as error:
            logger.error("Case file not stored (%s): the disk is full or read-only", error.strerror)
            raise CaseError(files_not_stored()) from None
        attachment.save()
        stored.append(attachment)
    return stored
