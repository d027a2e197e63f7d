"""Text messages, for any app: the SMS providers an organization may choose in its notification
settings (kept by the cases app), and `sender_for(organization)`, which asks the app that keeps
those settings for that organization's provider. Each provider sends one text to one Thai mobile
number with that organization's own credentials; none writes the number or the credentials to a
log (`masked` shows the number as 08x-xxx-x678)."""

import base64
import json
import sys
import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

THAIBULKSMS_URL = "https://api-v2.thaibulksms.com/sms"


class SendFailed(Exception):
    """The provider did not accept the message (the task is retried, core/tasks.py)."""


def masked(phone: str) -> str:
    """A phone number as a log may show it: the first two and the last three digits."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if len(digits) < 6:
        return "x" * len(digits)
    return digits[:2] + "x" * (len(digits) - 5) + digits[-3:]


class Provider:
    def __init__(self, sender_name="", api_key="", api_secret=""):
        self.sender_name = sender_name
        self.api_key = api_key
        self.api_secret = api_secret

    def __repr__(self):  # never the credentials
        return f"<{type(self).__name__} sender={self.sender_name!r}>"

    def send(self, phone: str, text: str) -> None:
        raise NotImplementedError


class ConsoleProvider(Provider):
    """For development: prints the text and the masked number, sends nothing."""

    stream = None  # sys.stdout at the time of sending (tests capture it)

    def send(self, phone, text):
        out = self.stream or sys.stdout
        out.write(f"SMS to {masked(phone)} from {self.sender_name or '-'}:\n{text}\n")
        out.flush()


class ThaiBulkSmsProvider(Provider):
    """ThaiBulkSMS API v2: POST msisdn, message and sender as a form, authenticated with the
    account's API key and secret (HTTP Basic). The address may be changed by
    TAMBON_SMS_THAIBULKSMS_URL (a test points it at a loopback server)."""

    timeout_seconds = 10

    def url(self):
        return getattr(settings, "TAMBON_SMS_THAIBULKSMS_URL", THAIBULKSMS_URL)

    def send(self, phone, text):
        url = self.url()
        if not url.startswith(("https://", "http://")):
            raise SendFailed("TAMBON_SMS_THAIBULKSMS_URL must be an http(s) address")
        form = {"msisdn": normalised(phone), "message": text}
        if self.sender_name:
            form["sender"] = self.sender_name
        credentials = base64.b64encode(f"{self.api_key}:{self.api_secret}".encode()).decode()
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
            url,
            data=urllib.parse.urlencode(form).encode(),
            headers={
                "Authorization": f"Basic {credentials}",
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/json",
            },
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_seconds) as response:  # noqa: S310
                body = response.read()
        except urllib.error.HTTPError as error:
            # The provider's own words, without the request (it holds the number).
            raise SendFailed(f"ThaiBulkSMS answered HTTP {error.code}") from None
        except (urllib.error.URLError, TimeoutError) as error:
            raise SendFailed(f"ThaiBulkSMS unreachable: {error.__class__.__name__}") from None
        try:
            answer = json.loads(body or b"{}")
        except ValueError:
            raise SendFailed("ThaiBulkSMS answered something that is not JSON") from None
        if isinstance(answer, dict) and answer.get("error"):
            raise SendFailed("ThaiBulkSMS refused the message")


def normalised(phone: str) -> str:
    """Digits only, 0 first as Thai providers take them (+66 81... -> 081...)."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("66") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


PROVIDERS = {
    "console": ConsoleProvider,
    "thaibulksms": ThaiBulkSmsProvider,
}


# Functions organization -> Provider or None, registered by the app that keeps each
# organization's SMS settings (cases, in its ready()): core cannot import it.
_sender_lookups = []


def register_sender_lookup(lookup):
    if lookup not in _sender_lookups:
        _sender_lookups.append(lookup)


def sender_for(organization):
    """The provider the organization chose, with its credentials, or None when it chose none."""
    for lookup in _sender_lookups:
        sender = lookup(organization)
        if sender is not None:
            return sender
    return None
