"""Optional error reports to Sentry (or a compatible server such as GlitchTip), when SENTRY_DSN
is set and the package is installed (`pip install -e '.[sentry]'`).

Sentry's own switches keep the personal data out that they can (no IP address, cookies, user or
request body, no local variables); ``before_send`` strips the rest of the request, which a
citizen's form fills: the query string, headers and any data, and scrubs every message and
exception text as the logs are (core/logs.py).
"""

import logging

from .logs import scrub

logger = logging.getLogger(__name__)

KEPT_REQUEST_FIELDS = ("method", "url")


def before_send(event, _hint=None):
    request = event.get("request")
    if request:
        kept = {name: request[name] for name in KEPT_REQUEST_FIELDS if name in request}
        if "url" in kept:
            kept["url"] = scrub(str(kept["url"]).split("?")[0])
        event["request"] = kept
    event.pop("user", None)
    for exception in (event.get("exception") or {}).get("values", []):
        if exception.get("value"):
            exception["value"] = scrub(exception["value"])
    logentry = event.get("logentry") or {}
    for key in ("message", "formatted"):
        if logentry.get(key):
            logentry[key] = scrub(logentry[key])
    logentry.pop("params", None)
    if event.get("message"):
        event["message"] = scrub(event["message"])
    for breadcrumb in (event.get("breadcrumbs") or {}).get("values", []):
        breadcrumb.pop("data", None)
        if breadcrumb.get("message"):
            breadcrumb["message"] = scrub(breadcrumb["message"])
    return event


def init_sentry(dsn, environment=""):
    """Start reporting to Sentry; True if it did. Called by the production settings."""
    if not dsn:
        return False
    try:
        import sentry_sdk
        from sentry_sdk.integrations.django import DjangoIntegration
    except ImportError:
        logger.warning(
            "SENTRY_DSN is set but sentry-sdk is not installed (pip install -e '.[sentry]'): "
            "errors go to the log and to ADMINS only"
        )
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=before_send,
        before_send_transaction=lambda event, _hint: None,  # errors only, no tracing
    )
    logger.info("Errors are reported to Sentry")
    return True
