"""Throttled staff logins: after too many wrong passwords for one account from one address, that
pair must wait, and is told so in Thai. Counts live in the default cache: Redis in the production
profile, so all workers share them; in the embedded profile each worker counts on its own, so the
limit is per worker. The account and address are kept only as a keyed hash.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.shortcuts import render

from .addresses import client_ip, count_in_window, keyed_hash

LOGIN_PATHS = ("/admin/login/",)


def _limit():
    return settings.TAMBON_LOGIN_ATTEMPTS


def _window_seconds():
    return settings.TAMBON_LOGIN_LOCKOUT_MINUTES * 60


def _key(username, environ):
    who = f"login:{(username or '').strip().lower()}\n{client_ip(environ)}"
    return "tambon:login-failures:" + keyed_hash(who)


def failures(username, environ):
    return cache.get(_key(username, environ), 0)


@receiver(user_login_failed)
def count_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    count_in_window(cache, _key(credentials.get("username"), request.META), _window_seconds())


@receiver(user_logged_in)
def forget_failures(sender, request, user, **kwargs):
    if request is not None:
        cache.delete(_key(user.get_username(), request.META))


class LoginThrottleMiddleware:
    """Refuses a login POST, before the password is even checked, while its account and
    address are locked out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path in LOGIN_PATHS:
            username = request.POST.get("username", "")
            if failures(username, request.META) >= _limit():
                response = render(
                    request,
                    "core/login_throttled.html",
                    {"minutes": _window_seconds() // 60},
                    status=429,
                )
                response["Retry-After"] = str(_window_seconds())
                return response
        return self.get_response(request)
