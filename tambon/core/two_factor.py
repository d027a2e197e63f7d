"""Staff two-factor sign-in: after the password, a six-digit code from an authenticator app
(TOTP, RFC 6238, through django-otp). A staff member without a device sets one up on their
first sign-in; until the code is given, no admin page opens.

Switched by TAMBON_STAFF_2FA (on in production). An administrator resets a lost phone with
`manage.py reset_two_factor <username>`.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_PREFIX = "/admin/"
# Pages a half-signed-in staff member may open: signing out, and these two screens.
EXEMPT_PREFIXES = (
    "/admin/logout/",
    "/admin/login/",
    "/admin/two-factor/",
    "/admin/jsi18n/",
    "/admin/sprite",  # the icon sheet the admin pages fetch with JavaScript
)


def is_required():
    return getattr(settings, "TAMBON_STAFF_2FA", True)


def confirmed_devices(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True)


class StaffTwoFactorMiddleware:
    """A signed-in user who has not given a code this session is sent to the code screen in
    the admin, and is nobody anywhere else: a staff-only address outside the admin (a case's
    file) treats them as any visitor, so the password alone opens nothing of the staff's."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Without a session cookie nobody is signed in; reading request.user anyway would touch
        # the session and mark every public page "Vary: Cookie", which the page cache refuses.
        if (
            is_required()
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and not request.path.startswith(EXEMPT_PREFIXES)
            and request.user.is_authenticated
            and not request.user.is_verified()
        ):
            if not request.path.startswith(ADMIN_PREFIX):
                request.user = AnonymousUser()
                return self.get_response(request)
            name = (
                "two_factor_verify"
                if confirmed_devices(request.user).exists()
                else "two_factor_setup"
            )
            return redirect(reverse(name) + "?" + urlencode({"next": request.get_full_path()}))
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Six-digit code"),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9]*"}
        ),
        error_messages={
            "required": gettext_lazy("Type the six-digit code from the app."),
            "min_length": gettext_lazy("The code has six digits."),
            "max_length": gettext_lazy("The code has six digits."),
        },
    )

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        if not code.isdigit():
            raise forms.ValidationError(_("The code has six digits."))
        return code


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("wagtailadmin_home")


def check_code(request, device, form):
    """True if the code is right; otherwise puts the reason, in Thai, on the form."""
    allowed, _details = device.verify_is_allowed()
    if not allowed:
        form.add_error("code", _("Too many wrong codes. Wait a moment and try again."))
        return False
    if not device.verify_token(form.cleaned_data["code"]):
        form.add_error("code", _("The code is wrong or has expired. Type the newest code."))
        return False
    return True


def qr_svg(uri):
    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def setup(request):
    """First sign-in: show a new secret as a QR code and as text, confirm it with a code."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if confirmed_devices(request.user).exists():
        return redirect(
            reverse("two_factor_verify") + "?" + urlencode({"next": safe_next(request)})
        )
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and check_code(request, device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(safe_next(request))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": safe_next(request),
        "qr_svg": qr_svg(device.config_url),
        # Grouped by four so it can be typed from the screen into the app.
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "heading": _("Set up your sign-in code"),
    }
    return render(request, "core/two_factor_setup.html", context)


def verify(request):
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    devices = list(confirmed_devices(request.user))
    if not devices:
        return redirect(reverse("two_factor_setup") + "?" + urlencode({"next": safe_next(request)}))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and check_code(request, devices[0], form):
        otp_login(request, devices[0])
        return redirect(safe_next(request))
    context = {"form": form, "next": safe_next(request), "heading": _("Sign-in code")}
    return render(request, "core/two_factor_verify.html", context)


def admin_urls():
    return [
        path("two-factor/setup/", setup, name="two_factor_setup"),
        path("two-factor/verify/", verify, name="two_factor_verify"),
    ]
