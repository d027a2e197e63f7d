"""The receipt sent to the citizen's e-mail when they ask for it on the receipt page.

Sent at once, in that request, not by the background worker: the PIN would otherwise wait in
the task table in clear text. A failure says so on the page (the PIN is still on the
citizen's screen), never an error page."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


def mail_receipt(case, pin, email, request):
    """True when the mail left for `email`."""
    context = {
        "case": case,
        "pin": pin,
        "track_url": request.build_absolute_uri(reverse("cases:track")),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("cases/email/receipt_subject.txt", context)
        body = render_to_string("cases/email/receipt_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [email])
    except (smtplib.SMTPException, OSError):
        logger.exception("The receipt of case %s could not be mailed", case.pk)
        return False
    return True
