"""The WSGI application: the page cache answers what it can, Django the rest."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tambon.settings.production")
django_application = get_wsgi_application()

from tambon.core.pagecache import CachedPageApplication  # noqa: E402 - needs Django set up
from tambon.stats.middleware import serve_cached_page  # noqa: E402

application = CachedPageApplication(django_application, on_hit=serve_cached_page)
