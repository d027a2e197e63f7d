"""Staff two-factor sign-in: after the password, a six-digit code from an authenticator app
(TOTP, RFC 6238, through django-otp). Until the code is given, no admin page opens.

The first time, and after a lost phone, the staff member sets up their app with a one-time
enrolment code from an administrator: without it the setup screen shows no secret, so whoever
else has the password cannot put the account on their own phone. The administrator issues the
code on the user's edit page in the admin (core/staff_admin.py) or with
`manage.py reset_two_factor <username>`; it is shown to them once, kept only as a hash, works
once, expires after TAMBON_ENROLMENT_CODE_HOURS, and a new one replaces it and forgets the
account's app. Wrong codes are counted like wrong passwords (core/throttle.py).

Switched by TAMBON_STAFF_2FA (on in production).
"""

import base64
import datetime
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.hashers import check_password, make_password
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import codes, throttle
from .models import EnrolmentCode

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


# 12 of core/codes.py's 31 symbols (about 2^59 codes), shown in groups of four.
ENROLMENT_CODE_LENGTH = 12


def normalize_enrolment_code(text):
    """What was typed ("k7qm 3xtr-9chw") -> "K7QM3XTR9CHW"."""
    return codes.normalize(text, 60)


def issue_enrolment_code(user):
    """Forget `user`'s authenticator apps and give them a new enrolment code in place of any
    earlier one. Returns (the code as shown, once, to the administrator; when it expires)."""
    code = codes.random_code(ENROLMENT_CODE_LENGTH)
    now = timezone.now()
    expires_at = now + datetime.timedelta(hours=settings.TAMBON_ENROLMENT_CODE_HOURS)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        EnrolmentCode.objects.update_or_create(
            user=user,
            defaults={
                "code_hash": make_password(code),
                "issued_at": now,
                "expires_at": expires_at,
                "used_at": None,
            },
        )
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4)), expires_at


WRONG, EXPIRED, USED = "wrong", "expired", "used"


def use_enrolment_code(user, typed):
    """Uses `user`'s enrolment code if `typed` is it and it still works, and returns None;
    otherwise WRONG, EXPIRED or USED. A code works once, also when two screens send it at the
    same moment."""
    stored = EnrolmentCode.objects.filter(user=user).first()
    if stored is None or not check_password(normalize_enrolment_code(typed), stored.code_hash):
        return WRONG
    now = timezone.now()
    if stored.used_at is None and stored.expires_at <= now:
        return EXPIRED
    if not EnrolmentCode.objects.filter(pk=stored.pk, used_at__isnull=True).update(used_at=now):
        return USED
    return None


def accept_enrolment_code(user, form):
    """True if the enrolment code is right and now used; otherwise puts the reason, in Thai,
    on the form. Wrong codes are counted, and too many pause the account's tries."""
    if throttle.enrolment_paused(user):
        form.add_error(
            "enrolment_code",
            _("Too many wrong enrolment codes. Wait %(minutes)s minutes and try again.")
            % {"minutes": throttle.pause_minutes()},
        )
        return False
    refusal = use_enrolment_code(user, form.cleaned_data["enrolment_code"])
    if refusal == WRONG:
        throttle.count_wrong_enrolment_code(user)
    if refusal is not None:
        form.add_error("enrolment_code", str(ENROLMENT_REFUSALS[refusal]))
        return False
    return True


ENROLMENT_REFUSALS = {
    WRONG: gettext_lazy(
        "This enrolment code is wrong. Check it against the one your administrator gave you, "
        "or ask them for a new one."
    ),
    EXPIRED: gettext_lazy("This enrolment code has expired. Ask your administrator for a new one."),
    USED: gettext_lazy(
        "This enrolment code has already been used. Ask your administrator for a new one."
    ),
}


class EnrolmentCodeForm(forms.Form):
    enrolment_code = forms.CharField(
        label=gettext_lazy("Enrolment code from your administrator"),
        max_length=60,
        help_text=gettext_lazy("12 letters and digits, for example K7QM-3XTR-9CHW."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        error_messages={
            "required": gettext_lazy("Type the enrolment code your administrator gave you."),
        },
    )

    def clean_enrolment_code(self):
        """Anything but 12 of the code's letters and digits cannot be the code: said at once
        (a Thai keyboard, a missing group), and not counted as a wrong try."""
        typed = self.cleaned_data["enrolment_code"]
        if len(normalize_enrolment_code(typed)) != ENROLMENT_CODE_LENGTH:
            raise forms.ValidationError(
                _(
                    "The enrolment code has 12 English letters and digits, like "
                    "K7QM-3XTR-9CHW. Check that the keyboard is set to English."
                )
            )
        return typed


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


# The session's device being set up, once its enrolment code was accepted (its id, no secret).
SETUP_SESSION_KEY = "tambon_two_factor_setup_device"


@never_cache
@sensitive_post_parameters("enrolment_code", "code")
def setup(request):
    """First sign-in, or after a reset: the administrator's enrolment code, then a new secret
    as a QR code and as text, confirmed with a code from the app."""
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    if confirmed_devices(request.user).exists():
        return redirect(
            reverse("two_factor_verify") + "?" + urlencode({"next": safe_next(request)})
        )
    device = TOTPDevice.objects.filter(
        pk=request.session.get(SETUP_SESSION_KEY), user=request.user, confirmed=False
    ).first()
    if device is None:
        return ask_for_enrolment_code(request)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and check_code(request, device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        del request.session[SETUP_SESSION_KEY]
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


def ask_for_enrolment_code(request):
    """The setup screen's first step. The right code starts a new secret for this session (one
    an earlier screen may have shown is never reused)."""
    form = EnrolmentCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and accept_enrolment_code(request.user, form):
        with transaction.atomic():
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            device = TOTPDevice.objects.create(
                user=request.user, name="authenticator", confirmed=False
            )
        request.session[SETUP_SESSION_KEY] = device.pk
        return redirect(reverse("two_factor_setup") + "?" + urlencode({"next": safe_next(request)}))
    context = {"form": form, "next": safe_next(request), "heading": _("Set up your sign-in code")}
    return render(request, "core/two_factor_enrolment.html", context)


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
