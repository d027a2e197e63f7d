"""The app's settings, each with its default, read when used (tests may change them)."""

from pathlib import Path

from django.conf import settings

DEFAULT_DEADLINES = {"acknowledge_working_days": 1, "resolve_days": 15}


def private_media_root() -> Path:
    default = Path(settings.BASE_DIR) / "var" / "private"
    return Path(getattr(settings, "TAMBON_PRIVATE_MEDIA_ROOT", default))


def max_upload_bytes() -> int:
    return int(getattr(settings, "TAMBON_CASE_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))


def max_attachments() -> int:
    return int(getattr(settings, "TAMBON_CASE_MAX_ATTACHMENTS", 5))


def submissions_per_hour() -> int:
    return int(getattr(settings, "TAMBON_CASE_SUBMISSIONS_PER_HOUR", 5))


def tracking_attempts_per_hour() -> int:
    return int(getattr(settings, "TAMBON_CASE_TRACKING_ATTEMPTS_PER_HOUR", 20))


def deadlines(kind) -> dict:
    """{"acknowledge_working_days": n, "resolve_days": n} for a kind of case.
    TAMBON_CASE_DEADLINES = {"corruption": {"resolve_days": 30}, ...} overrides the defaults."""
    configured = getattr(settings, "TAMBON_CASE_DEADLINES", {}).get(str(kind), {})
    return {**DEFAULT_DEADLINES, **configured}


def notify_channels() -> list:
    return list(
        getattr(settings, "TAMBON_CASE_NOTIFY_CHANNELS", ["tambon.cases.notify.EmailChannel"])
    )
