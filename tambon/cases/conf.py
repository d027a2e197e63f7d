"""The app's settings, each with its default, read when used (tests may change them). A
number may come from the Django settings or, failing that, from the environment variable of the
same name (production sets them in its environment, see .env.example)."""

import os
from pathlib import Path

from django.conf import settings

DEFAULT_DEADLINES = {"acknowledge_working_days": 1, "resolve_days": 15}


def private_media_root() -> Path:
    """Where attachments live: the setting, else the environment variable of the same name,
    else a "private" folder beside MEDIA_ROOT (BASE_DIR/var/private in the default layout),
    never inside it."""
    configured = getattr(settings, "TAMBON_PRIVATE_MEDIA_ROOT", None) or os.environ.get(
        "TAMBON_PRIVATE_MEDIA_ROOT"
    )
    if configured:
        return Path(configured)
    return Path(settings.MEDIA_ROOT).parent / "private"


def _number(name, default) -> int:
    configured = getattr(settings, name, None)
    if configured is None:
        configured = os.environ.get(name, default)
    return int(configured)


def accel_redirect_prefix() -> str:
    """Where nginx's `internal` location for the private folder is (e.g. "/_protected/"): when
    set, the app checks who asks for a case file and nginx sends it (X-Accel-Redirect), so no
    worker is held for a slow download. Empty: the app sends the file itself."""
    configured = getattr(settings, "TAMBON_ACCEL_REDIRECT", None)
    if configured is None:
        configured = os.environ.get("TAMBON_ACCEL_REDIRECT", "")
    return configured.strip()


def max_upload_bytes() -> int:
    return _number("TAMBON_CASE_MAX_UPLOAD_BYTES", 5 * 1024 * 1024)


def max_attachments() -> int:
    return _number("TAMBON_CASE_MAX_ATTACHMENTS", 5)


def submissions_per_hour() -> int:
    """Per session and per address (a benchmark raises it through the environment)."""
    return _number("TAMBON_CASE_SUBMISSIONS_PER_HOUR", 5)


def pending_bytes_per_address() -> int:
    """How much a sender may have kept of files attached to forms not yet sent, per hour."""
    return _number("TAMBON_CASE_PENDING_BYTES_PER_ADDRESS", 50 * 1024 * 1024)


def pending_bytes_total() -> int:
    """How much of such files the whole site keeps at most (all senders together)."""
    return _number("TAMBON_CASE_PENDING_BYTES_TOTAL", 1024 * 1024 * 1024)


def tracking_attempts_per_hour() -> int:
    return _number("TAMBON_CASE_TRACKING_ATTEMPTS_PER_HOUR", 20)


def deadlines(kind) -> dict:
    """{"acknowledge_working_days": n, "resolve_days": n} for a kind of case, the default of
    each organization's case rules (CaseSettings).
    TAMBON_CASE_DEADLINES = {"corruption": {"resolve_days": 30}, ...} overrides the defaults."""
    configured = getattr(settings, "TAMBON_CASE_DEADLINES", {}).get(str(kind), {})
    return {**DEFAULT_DEADLINES, **configured}


def notify_channels() -> list:
    return list(
        getattr(
            settings,
            "TAMBON_CASE_NOTIFY_CHANNELS",
            ["tambon.cases.notify.EmailChannel", "tambon.cases.notify.SmsChannel"],
        )
    )


def retention_days() -> int:
    """How long after a case is finished its reporter's identity and files are kept: the
    default of each organization's case rules (CaseSettings), which set their records schedule."""
    return _number("TAMBON_CASE_RETENTION_DAYS", 5 * 365)


def audit_keep_days() -> int:
    """How long the trail of staff access to personal data is kept (models/audit.py)."""
    return _number("TAMBON_AUDIT_KEEP_DAYS", 730)


def open311_reads_per_minute() -> int:
    """Open311 GETs per address and minute (docs/api.md)."""
    return _number("TAMBON_OPEN311_READS_PER_MINUTE", 120)


def open311_posts_per_hour() -> int:
    """Open311 requests filed per API key and hour."""
    return _number("TAMBON_OPEN311_POSTS_PER_HOUR", 100)
