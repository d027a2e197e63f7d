import functools
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.core.cache import caches


def client_ip(environ):
    """The visitor's address. Behind N trusted proxies, the N-th address from the right of
    X-Forwarded-For is the one the outermost proxy saw (TAMBON_TRUSTED_PROXY_HOPS); but only
    when the connection comes from a proxy (TAMBON_TRUSTED_PROXIES): a visitor who reaches the
    app directly would otherwise choose their address with the header, and with it pass every
    per-address limit."""
    connection = environ.get("REMOTE_ADDR", "")
    hops = getattr(settings, "TAMBON_TRUSTED_PROXY_HOPS", 0)
    if hops and is_trusted_proxy(connection):
        forwarded = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return connection


def is_trusted_proxy(address):
    networks = _networks(tuple(getattr(settings, "TAMBON_TRUSTED_PROXIES", ("127.0.0.1", "::1"))))
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


@functools.lru_cache(maxsize=8)
def _networks(proxies):
    return [ipaddress.ip_network(proxy, strict=False) for proxy in proxies]


def keyed_hash(text: str) -> str:
    """A hash of `text` (which holds an address) that cannot be reversed by trying every
    address without the site's secret key: how addresses are kept, never as they are."""
    return hmac.new(settings.SECRET_KEY.encode(), text.encode(), hashlib.sha256).hexdigest()


def limits():
    """The cache that holds the counts behind per-address limits, shared by every worker in
    both profiles (settings: CACHES["limits"])."""
    return caches["limits"]


def count_in_window(cache, key, seconds, amount=1):
    """Add `amount` to a counter in `cache` that starts at the first count and ends `seconds`
    later."""
    cache.add(key, 0, timeout=seconds)
    try:
        cache.incr(key, amount)
    except ValueError:  # expired between add and incr
        cache.set(key, amount, timeout=seconds)
