"""Telling the citizen about their case. Each channel (e-mail now; LINE or SMS later) gets the
same message and delivers it if it can reach the person: add one with a class and a line in
TAMBON_CASE_NOTIFY_CHANNELS, the engine does not change."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

from . import actions, conf
from .links import organization_url
from .models import Case
from .signals import case_changed

logger = logging.getLogger(__name__)

# The actions a citizen hears about (their receipt, a reply, a question, the outcome): those
# marked `notifies_citizen` in tambon.cases.actions.
NOTIFIED_ACTIONS = actions.NOTIFIED


@dataclass(frozen=True)
class Message:
    case: Case
    action: str
    subject: str
    body: str
    email: str = ""
    phone: str = ""


class Channel:
    """A way to reach a citizen. `send` delivers the message or does nothing when this
    channel has no address for the person."""

    def send(self, message: Message) -> None:
        raise NotImplementedError


class EmailChannel(Channel):
    def send(self, message):
        if message.email:
            send_mail(message.subject, message.body, None, [message.email])


def channels():
    return [import_string(path)() for path in conf.notify_channels()]


def build_message(case, action, event):
    reporter = getattr(case, "reporter", None)
    context = {
        "case": case,
        "action": action,
        "text": event.text if event is not None and event.is_public else "",
        "site_url": organization_url(case.organization),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("cases/email/update_subject.txt", context).strip()
        body = render_to_string("cases/email/update_body.txt", context)
    return Message(
        case=case,
        action=action,
        subject=" ".join(subject.split()),
        body=body,
        email=reporter.email if reporter else "",
        phone=reporter.phone if reporter else "",
    )


def deliver(message):
    for channel in channels():
        try:
            channel.send(message)
        except Exception:  # one channel down must not stop the others, nor the case
            logger.exception("Notification channel %s failed", type(channel).__name__)


def on_case_changed(sender, case, event, action, **kwargs):
    if action not in NOTIFIED_ACTIONS:
        return
    cases = Case.objects.for_organization(case.organization_id)
    if not cases.filter(pk=case.pk, reporter__isnull=False).exists():
        return
    case = cases.select_related("reporter", "organization__site").get(pk=case.pk)
    message = build_message(case, action, event)
    transaction.on_commit(lambda: deliver(message))


def connect():
    case_changed.connect(on_case_changed, dispatch_uid="cases-notify-citizen")
