"""The WSGI application: the page cache answers what it can, Django the rest."""

import gc
import os
import sys

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tambon.settings.production")
django_application = get_wsgi_application()

from tambon.core import pauses  # noqa: E402
from tambon.core.pagecache import CachedPageApplication  # noqa: E402 - needs Django set up
from tambon.stats.middleware import serve_cached_page  # noqa: E402

application = CachedPageApplication(django_application, on_hit=serve_cached_page)

# What a worker has loaded by now (Django, Wagtail, every view: some 150,000 objects) lives as
# long as the worker. Frozen, the garbage collector's full passes skip it: without this, each
# one stopped every request of the worker for about 100 ms (docs/performance.md).
url_patterns = get_resolver().url_patterns  # imports every view now, not on the first request
gc.collect()
gc.freeze()
# Most of what a request makes dies by reference counting as the request ends. Collected every
# 700 new objects (Python's default), the young generation promoted what a half-done request
# still held to the old one, and the old one's full passes stop the worker for tens of
# milliseconds with a thousand sites' remembered values. Collect the young less often, so that
# little reaches the old generation, and that one seldom.
gc.set_threshold(50_000, 20, 20)
# The page-view flush runs in a thread of each worker and holds the interpreter for a few
# milliseconds of Python at a time; a request that arrives meanwhile waited up to Python's
# default switch interval (5 ms) for its turn, ten times what a cached page takes to serve.
sys.setswitchinterval(0.0005)
# Benchmarks and diagnosis only: with TAMBON_PAUSES_FILE set, write down each collector pass and
# flush that stopped the worker's requests (tambon/core/pauses.py).
pauses.start_from_environment()
