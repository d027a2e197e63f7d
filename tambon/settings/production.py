"""Production: every secret from the environment; refuses to start without them."""

import os

from django.core.exceptions import ImproperlyConfigured

from tambon.core.logs import production_logging
from tambon.core.sentry import init_sentry

from .base import *  # noqa: F403
from .base import env_list


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"Set the environment variable {name} (see .env.example).")
    return value


DEBUG = False
SECRET_KEY = required_env("TAMBON_SECRET_KEY")
ALLOWED_HOSTS = env_list("TAMBON_ALLOWED_HOSTS") or [required_env("TAMBON_ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = env_list("TAMBON_CSRF_TRUSTED_ORIGINS")

# HTTPS everywhere (DGA website standard); behind a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("TAMBON_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("TAMBON_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = False
# Preloading binds every subdomain of the organization's domain for good: its call, not ours.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

EMAIL_BACKEND = os.environ.get(
    "TAMBON_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("TAMBON_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("TAMBON_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("TAMBON_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TAMBON_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("TAMBON_EMAIL_TLS", "0") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("TAMBON_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Who gets an e-mail with the details of each server error (Django's mail_admins); none by
# default: the error is in the log either way, and the error page promises no more than that.
ADMINS = [
    (address.strip(), address.strip())
    for address in os.environ.get("TAMBON_ADMIN_EMAILS", "").split(",")
    if address.strip()
]

# One JSON object a line, without personal data; each server error mailed to ADMINS without
# what the citizen sent (core/logs.py).
LOGGING = production_logging(os.environ.get("TAMBON_LOG_LEVEL", "INFO"))

# Optional: errors to Sentry when SENTRY_DSN is set and sentry-sdk installed (core/sentry.py).
init_sentry(
    os.environ.get("SENTRY_DSN", "").strip(), os.environ.get("SENTRY_ENVIRONMENT", "").strip()
)

# /readyz (core/health.py): a replica further behind or more tasks waiting count as failed.
TAMBON_HEALTH_MAX_REPLICA_LAG_SECONDS = float(
    os.environ.get("TAMBON_HEALTH_MAX_REPLICA_LAG_SECONDS", "30")
)
TAMBON_HEALTH_MAX_TASK_BACKLOG = int(os.environ.get("TAMBON_HEALTH_MAX_TASK_BACKLOG", "1000"))
TAMBON_HEALTH_REUSE_SECONDS = float(os.environ.get("TAMBON_HEALTH_REUSE_SECONDS", "1"))
