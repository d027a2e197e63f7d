"""Logs and error reports without personal data.

Production writes one JSON object per line (``JsonLinesFormatter``), which a log collector
reads without parsing prose, and mails each server error to ADMINS (Django's
AdminEmailHandler) with ``PrivateExceptionReporter``, which leaves out what a citizen typed.
Every message, traceback and mail passes ``scrub``, which replaces what looks like a Thai
national ID number, a phone number, an e-mail address or a case's tracking code: a log line
then says that something was there, never what. The standard library does all of it; a package
would add a dependency for a formatter of twenty lines (docs/architecture.md).
"""

import json
import logging
import re
from datetime import UTC, datetime

from django.views.debug import ExceptionReporter

# Digits in either script: a citizen may type Thai digits (๐-๙); Python's \d knows both.
_SEPARATOR = r"[-\s]?"
PATTERNS = [
    # Before the numbers: an address may hold digits.
    ("[email]", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # 13 digits, as printed on the card (1-2345-67890-12-3) or typed in one run.
    (
        "[id-number]",
        re.compile(
            rf"(?<!\d)\d{_SEPARATOR}\d{{4}}{_SEPARATOR}\d{{5}}{_SEPARATOR}\d{{2}}{_SEPARATOR}\d(?!\d)"
        ),
    ),
    # Thai phone numbers: 0 or +66, then 8 (fixed line) or 9 (mobile) digits, maybe grouped.
    ("[phone]", re.compile(r"(?<![\w+])(?:\+66|[0๐])[-\s]?\d(?:[-\s]?\d){7,8}(?!\d)")),
    # A tracking code (core/codes.py's alphabet), as shown (K7QM-4X9P) or typed (K7QM4X9P,
    # when it has both a letter and a digit, unlike a word in capitals).
    ("[code]", re.compile(r"\b[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}\b")),
    (
        "[code]",
        re.compile(r"\b(?=[A-HJKMNP-Z]*[2-9])(?=[2-9]*[A-HJKMNP-Z])[2-9A-HJKMNP-Z]{8}\b"),
    ),
]
REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
HIDDEN = "********************"


def scrub(text):
    """``text`` with personal data replaced by a word in brackets saying what was there."""
    text = str(text)
    for replacement, pattern in PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class ScrubPersonalData(logging.Filter):
    """Handler filter: the record's message, arguments filled in, scrubbed."""

    def filter(self, record):
        record.msg = scrub(record.getMessage())
        record.args = None
        return True


def request_fields(request):
    """The request a record is about: method, path (never the query string, where a form
    sent by GET puts what was typed) and the proxy's request id, to find its access log line."""
    fields = {"method": request.method, "path": scrub(request.path)}
    request_id = request.META.get("HTTP_X_REQUEST_ID", "")
    if REQUEST_ID.fullmatch(request_id):
        fields["request_id"] = request_id
    return fields


class JsonLinesFormatter(logging.Formatter):
    """One JSON object a line: time (UTC), level, logger, message; with the request's method,
    path, id and the response's status when the record has them; the traceback if any."""

    def format(self, record):
        line = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "META"):
            line.update(request_fields(request))
        status = getattr(record, "status_code", None)
        if status is not None:
            line["status"] = status
        if record.exc_info:
            line["exception"] = scrub(self.formatException(record.exc_info))
        if record.stack_info:
            line["stack"] = scrub(self.formatStack(record.stack_info))
        return json.dumps(line, ensure_ascii=False)


# Request details a mailed report keeps: enough to find the request, nothing a person typed.
SAFE_META = ("REQUEST_METHOD", "PATH_INFO", "CONTENT_TYPE", "CONTENT_LENGTH", "HTTP_ACCEPT")


class PrivateExceptionReporter(ExceptionReporter):
    """Django's error report for ADMINS without what a citizen sent: the names of the GET and
    POST fields, files and cookies but not their values, the address without its query string,
    no client address, no user name (the account's number instead), and the whole text
    scrubbed (an exception's message may quote a value)."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is None:
            return data
        for key in (
            "request_GET_items",
            "filtered_POST_items",
            "request_FILES_items",
            "request_COOKIES_items",
        ):
            data[key] = [(name, HIDDEN) for name, _value in data.get(key, [])]
        data["request_meta"] = {
            name: value for name, value in data["request_meta"].items() if name in SAFE_META
        }
        data["request_insecure_uri"] = str(data.get("request_insecure_uri", "")).split("?")[0]
        user = getattr(self.request, "user", None)
        if user is not None and getattr(user, "is_authenticated", False):
            data["user_str"] = f"account {user.pk}"
        elif "user_str" in data:
            data["user_str"] = "anonymous"
        return data

    def get_traceback_text(self):
        return scrub(super().get_traceback_text())

    def get_traceback_html(self):
        return scrub(super().get_traceback_html())


def production_logging(level="INFO"):
    """The LOGGING setting of the production profile."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "scrub": {"()": "tambon.core.logs.ScrubPersonalData"},
            "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
        },
        "formatters": {"json": {"()": "tambon.core.logs.JsonLinesFormatter"}},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "filters": ["scrub"],
            },
            # Each server error to ADMINS (none unless TAMBON_ADMIN_EMAILS is set).
            "mail_admins": {
                "class": "django.utils.log.AdminEmailHandler",
                "level": "ERROR",
                "filters": ["require_debug_false", "scrub"],
                "include_html": False,
                "reporter_class": "tambon.core.logs.PrivateExceptionReporter",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Errors of Django (a view's exception: django.request) go to the log and ADMINS.
            "django": {"handlers": ["mail_admins"], "level": "INFO"},
            # Requests are logged by the proxy; Django's own request log stays at WARNING.
            "django.request": {"level": "WARNING"},
            # A request naming a host the site does not have is a robot's, not a fault: logged,
            # not mailed (each scan of the address would mail everyone).
            "django.security.DisallowedHost": {"handlers": ["console"], "propagate": False},
        },
    }
