"""Redis as Django's cache, without Redis taking the site down when it stops answering.

Django's own Redis cache waits as long as the operating system does for a frozen server and raises
on every call while Redis is down: a page, a sign-in or a complaint would fail with it. This one
asks Redis with short timeouts, and after a failure does not ask again for a few seconds (each
worker pays one timeout per pause, not one per request). Meanwhile each alias goes to its
fallback cache (settings: the sign-in and tracking limits to the database table, other values to
this process's memory), or raises RedisUnavailable at once for callers that handle the outage
themselves (the page cache: core/pagecache.py).
"""

import logging
import time

import redis
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.retry import Retry

logger = logging.getLogger(__name__)

# The cache methods that reach Redis; everything else in Django's cache API goes through them.
GUARDED_METHODS = (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
)

# Redis address -> monotonic time until which nobody in this process asks it. Module-level
# because Django makes a cache object per thread and alias.
_resting_until = {}


class RedisUnavailable(Exception):
    """Redis did not answer lately, and this alias has no fallback."""


def one_reconnect():
    """A connection found closed (Redis restarted since) is opened again once, at once; a
    timeout is not tried again: a frozen server would only make the visitor wait twice."""
    return Retry(NoBackoff(), 1, supported_errors=(redis.ConnectionError,))


def is_resting(address):
    return time.monotonic() < _resting_until.get(address, 0.0)


def rest(address, seconds, error):
    if not is_resting(address):
        logger.warning(
            "Redis did not answer (%s); not asked again for %s s", type(error).__name__, seconds
        )
    _resting_until[address] = time.monotonic() + seconds


class ResilientRedisCache(RedisCache):
    """OPTIONS, besides redis-py's: FALLBACK (a cache alias, or None to raise RedisUnavailable),
    TIMEOUT_SECONDS (connecting and each answer) and REST_SECONDS (how long Redis is left alone
    after a failure)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS", {}))
        self.fallback_alias = options.pop("FALLBACK", None)
        self.rest_seconds = float(options.pop("REST_SECONDS", 2.0))
        timeout = float(options.pop("TIMEOUT_SECONDS", 0.5))
        options.setdefault("socket_timeout", timeout)
        options.setdefault("socket_connect_timeout", timeout)
        options.setdefault("retry", one_reconnect())
        super().__init__(server, {**params, "OPTIONS": options})
        self.address = self._servers[0]

    def _guarded(self, method, *args, **kwargs):
        if not is_resting(self.address):
            try:
                return getattr(RedisCache, method)(self, *args, **kwargs)
            except redis.RedisError as error:
                rest(self.address, self.rest_seconds, error)
        if self.fallback_alias is None:
            raise RedisUnavailable(self.address)
        return getattr(caches[self.fallback_alias], method)(*args, **kwargs)


def _guard(method):
    def guarded(self, *args, **kwargs):
        return self._guarded(method, *args, **kwargs)

    guarded.__name__ = method
    guarded.__doc__ = getattr(RedisCache, method).__doc__
    return guarded


for _method in GUARDED_METHODS:
    setattr(ResilientRedisCache, _method, _guard(_method))


def embedded_caches(limits_table):
    """The CACHES setting without Redis (the embedded profile): values in this process, the
    limits in the database table `limits_table` describes."""
    return {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "limits": limits_table,
        # In this profile pages are kept by core.pagecache.LocalPageStore; this alias only
        # tells the page cache that it runs in one process.
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }


def shared_caches(url, timeout_seconds, rest_seconds, limits_table):
    """The CACHES setting of the production profile: every alias in Redis, each with its
    fallback while Redis rests (the limits in the database table `limits_table` describes, still
    shared by every worker; other values in this process; pages not kept at all)."""
    fallbacks = {
        "default": "default-while-redis-rests",
        "limits": "limits-while-redis-rests",
        "pages": None,
    }
    caches_setting = {
        alias: {
            "BACKEND": "tambon.core.redis_cache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": alias,
            "OPTIONS": {
                "FALLBACK": fallback,
                "TIMEOUT_SECONDS": timeout_seconds,
                "REST_SECONDS": rest_seconds,
            },
        }
        for alias, fallback in fallbacks.items()
    }
    caches_setting["default-while-redis-rests"] = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "default-while-redis-rests",
    }
    caches_setting["limits-while-redis-rests"] = limits_table
    return caches_setting
