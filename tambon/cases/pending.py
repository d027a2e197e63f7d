"""Files a citizen attached to a form that came back with an error: kept server-side under a
random token, listed in their session, so they need not choose them again."""

import logging
import os

from django.core.files.base import ContentFile

from tambon.core.addresses import count_in_window, limits

from . import conf
from .models.attachments import private_storage
from .ratelimit import HOUR, client_hash
from .services import CaseError, CheckedFile, files_not_stored
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


def _bytes_key(request):
    return "cases:pending-bytes:" + client_hash(request)


def _bytes_kept_in_all():
    folder = os.path.join(private_storage.location, "pending")
    try:
        with os.scandir(folder) as entries:
            return sum(entry.stat().st_size for entry in entries if entry.is_file())
    except OSError:  # none yet; or a broken disk, which storing a file will report in Thai
        return 0


def room(request):
    """How many more bytes of files this sender may attach to forms they do not send: what
    their address has left of its hourly allowance (`count_unsent`), and what the site has
    left of its total on disk. Asked before a file is read, so a flood of forms that are
    never sent neither fills the disk nor makes the server decode its images."""
    own = conf.pending_bytes_per_address() - limits().get(_bytes_key(request), 0)
    site = conf.pending_bytes_total() - _bytes_kept_in_all()
    return max(0, min(own, site))


def keep(request, form_key, files):
    """Store the files until the form is sent. A full or read-only disk raises CaseError
    (with its Thai message); the files stored before it stay listed."""
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


def count_unsent(request, received_bytes):
    """The files of a form that came back (an error, a refusal) count against the sender's
    hourly allowance, whether they were kept or refused: reading them cost the server."""
    if received_bytes:
        count_in_window(limits(), _bytes_key(request), HOUR, amount=received_bytes)


def drop(request, form_key, tokens):
    entries = []
    for entry in _entries(request, form_key):
        if entry["token"] in tokens:
            private_storage.delete(entry["path"])
        else:
            entries.append(entry)
    _store(request, form_key, entries)


def files(request, form_key):
    """The kept files as CheckedFiles; they stay kept until `forget` (after the case is filed),
    so a submission that fails loses none of them."""
    found = []
    for entry in _entries(request, form_key):
        try:
            with private_storage.open(entry["path"], "rb") as handle:
                found.append(
                    CheckedFile(
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
