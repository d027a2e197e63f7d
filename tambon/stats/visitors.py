"""Who is the same visitor, without keeping who they are.

A visitor is a keyed hash of the site, the address and the browser's User-Agent, salted with a
random value that lives only in memory (or Redis) for one Bangkok day. The raw address is never
stored, logged or written anywhere; the hash cannot be linked across days, nor across the
organizations of one deployment: a person reading two organizations' sites is a visitor of each,
and neither's counts depend on the other's.
"""

import functools
import hashlib
import os

from django.conf import settings


@functools.lru_cache(maxsize=4)
def _key_for(secret_key):
    return hashlib.sha256(b"tambon-visitor-counter:" + secret_key.encode()).digest()


def new_daily_salt():
    return os.urandom(16)


def visitor_key(site_id, ip, user_agent, salt):
    message = b"%d\n" % site_id + salt + ip.encode() + b"\n" + user_agent.encode(errors="replace")
    # BLAKE2 takes a key itself: a keyed hash without HMAC's double pass.
    return hashlib.blake2b(message, key=_key_for(settings.SECRET_KEY), digest_size=16).hexdigest()
