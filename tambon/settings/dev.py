"""Local development: DEBUG on, a fixed throw-away secret, mail to the console."""

import os

from .base import *  # noqa: F403
from .base import STORAGES, env_list

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105 - dev profile never serves the public
# .localhost: a second organization of the demo answers at <name>.localhost, which browsers
# resolve to this machine without any DNS.
ALLOWED_HOSTS = env_list("TAMBON_ALLOWED_HOSTS", "127.0.0.1,localhost,.localhost,[::1]")
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Static files straight from the source folders, no collectstatic needed.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The demo admin opens with the password alone; TAMBON_STAFF_2FA=1 tries the production sign-in.
TAMBON_STAFF_2FA = os.environ.get("TAMBON_STAFF_2FA", "0") == "1"
