"""The light check behind an online support: a Thai mobile number that answers a six-digit code
sent by SMS. Neither the number nor the code is stored: the pending code is kept in the limits
cache as a keyed hash with a few tries and an expiry, and a support keeps only a keyed hash of
the number (docs/participation.md: why this, and its limits)."""

import hashlib
import hmac
import os
import re
import secrets
import time

from django.conf import settings

from tambon.core.addresses import client_ip, count_in_window, keyed_hash, limits
from tambon.core.sms import normalised
from tambon.thai.digits import to_arabic_digits

HOUR = 3600
THAI_MOBILE = re.compile(r"0[689][0-9]{8}", re.ASCII)


def setting(name, default):
    return getattr(settings, f"TAMBON_PARTICIPATION_{name}", default)


def code_lifetime():
    return setting("CODE_MINUTES", 10) * 60


def code_tries():
    return setting("CODE_TRIES", 5)


def codes_per_address():
    return setting("CODES_PER_ADDRESS_PER_HOUR", 10)


def codes_per_number():
    return setting("CODES_PER_NUMBER_PER_HOUR", 3)


def thai_mobile(typed: str) -> str | None:
    """The number as 0XXXXXXXXX when it is a Thai mobile number (06, 08, 09), else None."""
    digits = normalised(to_arabic_digits(typed or ""))
    return digits if THAI_MOBILE.fullmatch(digits) else None


def _secret() -> bytes:
    material = getattr(settings, "TAMBON_SECRETS_KEY", None) or os.environ.get(
        "TAMBON_SECRETS_KEY", settings.SECRET_KEY
    )
    return f"tambon-participation-phone:{material}".encode()


def phone_hash(organization_id, phone: str) -> str:
    """HMAC-SHA256 of the normalised number under the deployment's secret, per organization
    (one organization's supporters cannot be matched with another's): 64 hex digits."""
    message = f"{organization_id}:{normalised(phone)}".encode()
    return hmac.new(_secret(), message, hashlib.sha256).hexdigest()


def _code_hash(code: str) -> str:
    return hmac.new(_secret(), f"code:{code}".encode(), hashlib.sha256).hexdigest()


def new_code() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"


def _pending_key(proposal_pk, number_hash):
    return f"participation:code:{proposal_pk}:{number_hash}"


def _address_key(request):
    return "participation:codes:address:" + keyed_hash(client_ip(request.META))[:40]


def _number_key(number_hash):
    return f"participation:codes:number:{number_hash}"


def limit_reached(request, number_hash) -> str | None:
    """Which limit this request reached ("address" or "number") in the last hour, or None."""
    cache = limits()
    if cache.get(_address_key(request), 0) >= codes_per_address():
        return "address"
    if cache.get(_number_key(number_hash), 0) >= codes_per_number():
        return "number"
    return None


def remember_code(request, proposal_pk, number_hash, code):
    """Keep the code (as a hash) for a while, and count it against the address and number."""
    cache = limits()
    pending = {"code": _code_hash(code), "tries": 0, "until": time.time() + code_lifetime()}
    cache.set(_pending_key(proposal_pk, number_hash), pending, timeout=code_lifetime())
    count_in_window(cache, _address_key(request), HOUR)
    count_in_window(cache, _number_key(number_hash), HOUR)


def forget_code(proposal_pk, number_hash):
    limits().delete(_pending_key(proposal_pk, number_hash))


# What check_code answers.
CORRECT, WRONG, EXPIRED = "correct", "wrong", "expired"


def check_code(proposal_pk, number_hash, typed: str) -> str:
    """CORRECT (and the code is used up), WRONG (a try is counted), or EXPIRED (no code is
    waiting: it timed out, was used, or the tries ran out)."""
    cache = limits()
    key = _pending_key(proposal_pk, number_hash)
    pending = cache.get(key)
    if pending is None:
        return EXPIRED
    typed = "".join(ch for ch in to_arabic_digits(typed or "") if ch in "0123456789")
    if hmac.compare_digest(pending["code"], _code_hash(typed)):
        cache.delete(key)
        return CORRECT
    pending["tries"] += 1
    if pending["tries"] >= code_tries():
        cache.delete(key)
        return EXPIRED
    left = pending["until"] - time.time()
    if left <= 0:
        cache.delete(key)
        return EXPIRED
    cache.set(key, pending, timeout=max(1, int(left)))  # a wrong try gives it no more time
    return WRONG
