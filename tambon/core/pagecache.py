"""Full-page cache for anonymous visitors, in front of Django.

The Django middleware stores finished anonymous HTML responses; the WSGI wrapper answers later
requests for the same address from the cache without entering Django at all. Anything that changes
what a page shows (publishing, unpublishing, moving or deleting a page, saving a setting, a snippet,
an image or a document) starts a new cache generation, so every cached page is dropped at once in
every worker. The per-visitor parts of a page (the visitor counter) are filled after the cache by
`on_hit`, never stored.
"""

import functools
import hashlib
import logging
import os
import time
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import setting_changed
from django.dispatch import receiver

from . import pauses
from .memory import Bounded
from .redis_cache import RedisUnavailable

logger = logging.getLogger(__name__)

CACHE_ALIAS = "pages"
GENERATION_KEY = "tambon:pages:generation"
BYPASS_PREFIXES = (
    "/admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/django-admin/",
    "/healthz",  # the health probes never wait on the page cache's Redis (core/health.py)
    "/readyz",
)
DROPPED_HEADERS = {"content-length", "set-cookie", "date"}


@dataclass(frozen=True)
class CachedPage:
    status: str
    headers: tuple
    body: bytes
    site_id: int


@dataclass(frozen=True)
class Config:
    """The settings the fast path reads on every request, read once (settings are slow)."""

    enabled: bool
    session_cookie: str
    ssl_redirect: bool
    proxy_ssl_header: tuple | None
    generation_file: str
    local: bool  # pages kept in this process (no shared cache configured)


@functools.cache
def config():
    return Config(
        enabled=getattr(settings, "TAMBON_PAGE_CACHE", True),
        session_cookie=f"{settings.SESSION_COOKIE_NAME}=",
        ssl_redirect=getattr(settings, "SECURE_SSL_REDIRECT", False),
        proxy_ssl_header=getattr(settings, "SECURE_PROXY_SSL_HEADER", None),
        generation_file=str(settings.TAMBON_PAGE_CACHE_GENERATION_FILE),
        local=isinstance(caches[CACHE_ALIAS], LocMemCache),
    )


@receiver(setting_changed)
def _forget_config(**kwargs):
    config.cache_clear()
    _local_pages.clear()


# Pages kept in this worker's memory. Unlike Django's LocMemCache it does not pickle: a cache hit
# is a dictionary look-up. At most TAMBON_PAGE_CACHE_MAX_ENTRIES pages, however many
# organizations the worker serves.
_local_pages = Bounded("TAMBON_PAGE_CACHE_MAX_ENTRIES")


class SharedPageStore:
    """Pages in the shared cache (Redis), with this worker's memory in front: a page another
    worker stored is fetched once, then served from memory like in the embedded profile."""

    def get(self, key):
        page = _local_pages.get(key)
        if page is None:
            try:
                page = caches[CACHE_ALIAS].get(key)
            except RedisUnavailable:
                return None  # rendered by Django, as on any miss
            if page is not None:
                _local_pages.set(key, page)
        return page

    def set(self, key, page):
        try:
            caches[CACHE_ALIAS].set(key, page)
        except RedisUnavailable:
            return
        _local_pages.set(key, page)


_shared_pages = SharedPageStore()


def _store():
    return _local_pages if config().local else _shared_pages


# With a shared cache, each worker asks it for the generation at most this often: a purge
# reaches every worker within this time, and a cache hit costs no round trip to Redis.
GENERATION_POLL_SECONDS = 0.5
# "missed": Redis did not answer lately, so this worker may have missed purges, its own or
# another's: when Redis answers again it starts a new generation before trusting anything kept.
_polled_generation = {"at": float("-inf"), "value": 0, "missed": False}


def generation():
    """Changes whenever the cache is purged; part of every key, so a purge drops every page.
    Kept in a file when pages live in each worker's memory, so that all workers see it.

    While the shared cache does not answer, every call gives a new value: pages and remembered
    values are neither found nor kept for long, so nothing changed during the outage is
    shown stale; the site renders each page, slower but right."""
    if config().local:
        try:
            return os.stat(config().generation_file).st_mtime_ns
        except FileNotFoundError:
            return 0
    now = time.monotonic()
    if now - _polled_generation["at"] >= GENERATION_POLL_SECONDS:
        try:
            if _polled_generation["missed"]:
                _start_shared_generation()
                _polled_generation["missed"] = False
            _polled_generation["value"] = caches[CACHE_ALIAS].get(GENERATION_KEY, 0)
        except Exception:
            if not _polled_generation["missed"]:
                logger.warning("Page cache unreachable; pages are rendered until it answers")
            _polled_generation["missed"] = True
            _local_pages.clear()
            return ("unreachable", time.monotonic_ns())
        _polled_generation["at"] = now
    return _polled_generation["value"]


def _start_shared_generation():
    cache = caches[CACHE_ALIAS]
    cache.add(GENERATION_KEY, 0, timeout=None)
    cache.incr(GENERATION_KEY)


def purge(**_signal_kwargs):
    """Forget every cached page (all sites, all workers)."""
    if config().local:
        path = Path(config().generation_file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        now = time.time_ns()
        os.utime(path, ns=(now, now))
    else:
        try:
            _start_shared_generation()
        except Exception:
            # The editor's change is saved; the purge is made when the cache answers again.
            logger.warning("Page cache unreachable; the purge waits until it answers")
            _polled_generation["missed"] = True
        _polled_generation["at"] = float("-inf")  # this worker sees its own purge at once
    _local_pages.clear()


def request_scheme(environ):
    header = config().proxy_ssl_header
    if header and environ.get(header[0]) == header[1]:
        return "https"
    return environ.get("wsgi.url_scheme", "http")


def is_cacheable_request(environ):
    conf = config()
    if not conf.enabled or environ.get("REQUEST_METHOD") not in ("GET", "HEAD"):
        return False
    if environ.get("PATH_INFO", "").startswith(BYPASS_PREFIXES):
        return False
    if conf.session_cookie in environ.get("HTTP_COOKIE", ""):
        return False  # staff and anyone with a session get pages made for them
    # Plain http with redirects on: let Django redirect to https.
    return not (conf.ssl_redirect and request_scheme(environ) != "https")


def cache_key(environ, gen):
    address = "{}://{}{}?{}".format(
        request_scheme(environ),
        environ.get("HTTP_HOST", "").lower(),
        environ.get("PATH_INFO", ""),
        environ.get("QUERY_STRING", ""),
    )
    return f"tambon:page:{gen}:{hashlib.sha256(address.encode()).hexdigest()}"


def lookup(environ):
    if not is_cacheable_request(environ):
        return None
    try:
        return _store().get(cache_key(environ, generation()))
    except Exception:  # a cache outage must never take the site down
        logger.exception("Page cache lookup failed")
        return None


def is_cacheable_response(request, response):
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and "cookie" not in response.get("Vary", "").lower()
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and not getattr(request, "is_preview", False)
    )


class PageCacheMiddleware:
    """Stores anonymous HTML pages as they leave Django (with the counter marker unfilled)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if is_cacheable_request(request.META) and is_cacheable_response(request, response):
            self.store(request, response)
        return response

    def store(self, request, response):
        from wagtail.models import Site

        site = Site.find_for_request(request)
        if site is None:
            return
        headers = tuple(
            (name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS
        )
        page = CachedPage(
            status=f"{response.status_code} {response.reason_phrase}",
            headers=headers,
            body=response.content,
            site_id=site.pk,
        )
        try:
            _store().set(cache_key(request.META, generation()), page)
        except Exception:
            logger.exception("Page cache store failed")


class CachedPageApplication:
    """WSGI wrapper: answer from the page cache, or hand the request to Django."""

    def __init__(self, django_application, on_hit):
        self.django_application = django_application
        self.on_hit = on_hit  # (environ, CachedPage) -> list of byte chunks to send

    def __call__(self, environ, start_response):
        # Diagnosis only (core/pauses.py): each hit of 1 ms or more, its wall time as "hit" and
        # its thread's CPU time as "hit-cpu"; wall time well past the CPU time is time the
        # worker waited (for the interpreter, or for a CPU) in the middle of a hit.
        began = (time.perf_counter(), time.thread_time()) if pauses.enabled() else None
        page = lookup(environ)
        if page is None:
            return self.django_application(environ, start_response)
        chunks = self.on_hit(environ, page)
        length = sum(len(chunk) for chunk in chunks)
        headers = [*page.headers, ("Content-Length", str(length)), ("X-Cache", "hit")]
        start_response(page.status, headers)
        if began:
            pauses.record("hit", (time.perf_counter() - began[0]) * 1000)
            pauses.record("hit-cpu", (time.thread_time() - began[1]) * 1000)
        return [b""] if environ["REQUEST_METHOD"] == "HEAD" else chunks


_defaults_being_stored = ContextVar("tambon_defaults_being_stored", default=False)


@contextmanager
def storing_defaults():
    """Saves made inside it store only what pages already show: a site's settings row made with
    its default values the first time a page reads it. No purge: with thousands of sites, every
    site's first visit would otherwise drop every cached page of all the others."""
    token = _defaults_being_stored.set(True)
    try:
        yield
    finally:
        _defaults_being_stored.reset(token)


def connect_purge_signals():
    from django.db.models.signals import post_delete, post_save
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page
    from wagtail.signals import page_published, page_unpublished, post_page_move
    from wagtail.snippets.models import get_snippet_models

    page_published.connect(purge, dispatch_uid="pagecache-published")
    page_unpublished.connect(purge, dispatch_uid="pagecache-unpublished")
    post_page_move.connect(purge, dispatch_uid="pagecache-moved")

    def purge_if_shown(sender, **kwargs):
        if _defaults_being_stored.get():
            return
        shown = (Page, BaseSiteSetting, BaseGenericSetting, get_image_model(), get_document_model())
        if issubclass(sender, shown) or sender in get_snippet_models():
            if issubclass(sender, Page) and kwargs.get("signal") is post_save:
                return  # drafts are saved too; publishing has its own signal
            purge()

    # weak=False: the receiver is a local function, which nothing else keeps alive.
    post_save.connect(purge_if_shown, dispatch_uid="pagecache-saved", weak=False)
    post_delete.connect(purge_if_shown, dispatch_uid="pagecache-deleted", weak=False)


# Small values computed from the database and kept until the next purge (host names, site
# settings, menus): at most TAMBON_REMEMBERED_MAX_ENTRIES, the least recently used dropped first.
_remembered = Bounded("TAMBON_REMEMBERED_MAX_ENTRIES")


def remember(key, compute):
    """`compute()`, kept in this process until the next purge: for data that changes only
    when an editor saves something (site settings), so a full render need not query it."""
    return remember_many([key], lambda _missing: {key: compute()})[key]


def remember_many(keys, compute_missing):
    """`remember` for many keys at once: `compute_missing(keys)` gets the keys not kept since
    the last purge, all together (one query for a thousand sites, not a thousand), and returns
    {key: value} for those it finds; a key it leaves out is left out of the answer too."""
    gen = generation()
    found, missing = {}, []
    for key in keys:
        kept = _remembered.get(key)
        if kept is not None and kept[0] == gen:
            found[key] = kept[1]
        else:
            missing.append(key)
    if missing:
        for key, value in compute_missing(missing).items():
            _remembered.set(key, (gen, value))
            found[key] = value
    return found
