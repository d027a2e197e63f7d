"""Files a citizen attached to a form that came back with an error: kept server-side under a
random token, listed in their session, so they need not choose them again."""

import logging
import os

from django.core.files.base import ContentFile

from .models.attachments import private_storage
from .services import CaseError, CleanFile, files_not_stored
from .uploads import new_token

SESSION_KEY = "cases_pending_files"

logger = logging.getLogger(__name__)


def _entries(request, form_key):
    return request.session.get(SESSION_KEY, {}).get(form_key, [])


def _store(request, form_key, entries):
    pending = request.session.get(SESSION_KEY, {})
    if entries:
        pending[form_key] = entries
    else:
        pending.pop(form_key, None)
    request.session[SESSION_KEY] = pending


def listed(request, form_key):
    """[{"token": ..., "name": ...}] for the template."""
    return [
        {"token": e["token"], "name": e["name"], "document": e.get("document", "")}
        for e in _entries(request, form_key)
    ]


def keep(request, form_key, files):
    """Store the files until the form is sent. A full or read-only disk raises CaseError (with
    its Thai message); the files stored before it stay listed."""
    entries = list(_entries(request, form_key))
    try:
        for clean in files:
            token = new_token()
            path = private_storage.save(
                f"pending/{token}{os.path.splitext(clean.name)[1]}", ContentFile(clean.content)
            )
            entries.append(
                {
                    "token": token,
                    "name": clean.name,
                    "type": clean.content_type,
                    "path": path,
                    "document": clean.document,
                }
            )
    except OSError as error:
        logger.error("Pending file not stored (%s): the disk is full or read-only", error.strerror)
        raise CaseError(files_not_stored()) from None
    finally:
        _store(request, form_key, entries)


def drop(request, form_key, tokens):
    entries = []
    for entry in _entries(request, form_key):
        if entry["token"] in tokens:
            private_storage.delete(entry["path"])
        else:
            entries.append(entry)
    _store(request, form_key, entries)


def files(request, form_key):
    """The kept files as CleanFiles; they stay kept until `forget` (after the case is filed),
    so a submission that fails loses none of them."""
    found = []
    for entry in _entries(request, form_key):
        try:
            with private_storage.open(entry["path"], "rb") as handle:
                found.append(
                    CleanFile(
                        entry["name"], handle.read(), entry["type"], entry.get("document", "")
                    )
                )
        except FileNotFoundError:
            continue
    return found


def forget(request, form_key):
    """The form was sent: its kept files are removed from the disk and from the session."""
    for entry in _entries(request, form_key):
        private_storage.delete(entry["path"])
    _store(request, form_key, [])


def purge_abandoned(older_than: float) -> int:
    """Delete kept files last changed before `older_than` (a Unix time): their forms were
    abandoned, and the sessions that listed them are gone or will find nothing."""
    if not private_storage.exists("pending"):
        return 0
    removed = 0
    for name in private_storage.listdir("pending")[1]:
        path = f"pending/{name}"
        if private_storage.get_modified_time(path).timestamp() < older_than:
            private_storage.delete(path)
            removed += 1
    return removed
