"""Test suite: fast hashing, in-memory mail, plain static storage."""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .base import BASE_DIR, STORAGES

# `make test` runs the SQLite and the PostgreSQL suites side by side (scripts/test-suites):
# each keeps its uploaded files and its page-cache generation apart, in its own folder.
TEST_VAR = Path(os.environ.get("TAMBON_TEST_VAR", BASE_DIR / "var"))

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost", ".localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = TEST_VAR / "test-media"
TAMBON_PAGE_CACHE_GENERATION_FILE = str(TEST_VAR / "page-cache-generation")
# WhiteNoise warns about a missing STATIC_ROOT; tests serve from the finders instead.
STATIC_ROOT = BASE_DIR / "var" / "test-static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
# Tests write counts when they ask (buffer.flush_now); no background writes between tests.
TAMBON_STATS_FLUSH_SECONDS = 3600
# Admin tests sign in with the password alone; tests of the code screens switch it on.
TAMBON_STAFF_2FA = False
# A query of an organization-owned model that names no organization fails the test
# (tambon/core/scoping.py); off elsewhere, so production pays nothing for it.
TAMBON_SCOPING_GUARD = True
# Tasks run where they are enqueued, so a test sees their effect at once; the tests of the
# worker itself (core/tests/test_tasks.py) switch "default" to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Documents are read for the search in the test's process, not a child process per document
# (core/document_text.py); the tests of the child process switch it back on.
TAMBON_READ_DOCUMENTS_APART = False
# The unit tests run in a transaction on the primary that is rolled back: a replica, another
# server, cannot see their rows. So the "replica" alias is left out here, and the tests of the
# routing add one that shares the test's connection (the mirror fixture in
# tambon/composition/tests/test_replica_routing.py): routing is tested, lag is not. The tests in
# tambon/composition/tests/test_replica_server.py start a real replica of the test server's primary.
DATABASES.pop("replica", None)  # noqa: F405
