"""Throttled staff logins. Wrong passwords are counted three ways, and a sign-in is refused
(in Thai, before the password is even checked) while any count is at its limit:

- for one account from one address (TAMBON_LOGIN_ATTEMPTS): someone guessing a password;
- for one account from any address (TAMBON_LOGIN_ATTEMPTS_PER_ACCOUNT): the same from many
  machines;
- from one address for any account (TAMBON_LOGIN_ATTEMPTS_PER_ADDRESS): one password tried
  across many accounts.

Wrong enrolment codes (the administrator's one-time code for setting up the authenticator app,
core/two_factor.py) are counted per account, with the same limit and pause as passwords for one
account from one address: whoever has the password cannot guess the code either.

The counts live in the "limits" cache, which every worker shares (Redis, or a database table in
the embedded profile). Accounts and addresses are kept only as keyed hashes.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.shortcuts import render

from .addresses import client_ip, count_in_window, keyed_hash, limits

LOGIN_PATHS = ("/admin/login/",)


def _window_seconds():
    return settings.TAMBON_LOGIN_LOCKOUT_MINUTES * 60


def _keys(username, environ):
    """{count's key: its limit}."""
    account = (username or "").strip().lower()
    address = client_ip(environ)
    return {
        "tambon:login-failures:" + keyed_hash(f"login:{account}\n{address}"): (
            settings.TAMBON_LOGIN_ATTEMPTS
        ),
        "tambon:login-failures:account:" + keyed_hash(f"login-account:{account}"): (
            settings.TAMBON_LOGIN_ATTEMPTS_PER_ACCOUNT
        ),
        "tambon:login-failures:address:" + keyed_hash(f"login-address:{address}"): (
            settings.TAMBON_LOGIN_ATTEMPTS_PER_ADDRESS
        ),
    }


def is_locked_out(username, environ):
    keys = _keys(username, environ)
    counts = limits().get_many(list(keys))
    return any(counts.get(key, 0) >= limit for key, limit in keys.items())


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    for key in _keys(credentials.get("username"), request.META):
        count_in_window(limits(), key, _window_seconds())


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs):
    """The right password forgets the mistakes of that account from that address; the counts
    over all addresses or all accounts run their course, so a correct sign-in in between
    does not reset someone else's attempts."""
    if request is not None:
        pair, _account, _address = _keys(user.get_username(), request.META)
        limits().delete(pair)


def _enrolment_key(user):
    return "tambon:enrolment-failures:" + keyed_hash(f"enrolment:{user.pk}")


def enrolment_paused(user):
    """Whether `user` has typed too many wrong enrolment codes for now."""
    return limits().get(_enrolment_key(user), 0) >= settings.TAMBON_LOGIN_ATTEMPTS


def count_wrong_enrolment_code(user):
    count_in_window(limits(), _enrolment_key(user), _window_seconds())


def pause_minutes():
    return _window_seconds() // 60


class LoginThrottleMiddleware:
    """Refuses a login POST, before the password is even checked, while one of its counts is
    at its limit."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.path in LOGIN_PATHS
            and is_locked_out(request.POST.get("username", ""), request.META)
        ):
            response = render(
                request,
                "core/login_throttled.html",
                {"minutes": pause_minutes()},
                status=429,
            )
            response["Retry-After"] = str(_window_seconds())
            return response
        return self.get_response(request)
