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
# The young generation: each pass stops the worker's requests for as long as it takes to walk
# and free what it holds, 0.3-0.4 us an object (a pass over 50,000 took 20-50 ms, the uncached
# p99 of docs/performance.md, 2026-12-05 03:40). Every 5,000 new objects a pass takes 1-2 ms.
# The middle generation every 50 young passes, and the old one (a thousand sites' remembered
# values) only after 20 middle ones: what a half-done request still held at a young pass
# mostly dies before it gets that far (at Python's default of 700, 10 and 10 it reached the old
# generation, whose full passes stopped the worker for 35 ms every few seconds).
gc.set_threshold(5_000, 50, 20)
# The page-view flush runs in a thread of each worker and holds the interpreter for a few
# milliseconds of Python at a time; a request that arrives meanwhile waited up to Python's
# default switch interval (5 ms) for its turn, ten times what a cached page takes to serve.
sys.setswitchinterval(0.0005)
# Benchmarks and diagnosis only: with TAMBON_PAUSES_FILE set, write down each collector pass and
# flush that stopped the worker's requests (tambon/core/pauses.py).
pauses.start_from_environment()
