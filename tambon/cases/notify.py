"""Telling the citizen about their case. Each channel (e-mail; a text message to those who gave
only a phone number, through the provider their organization chose) gets the same message and
delivers it if it can reach the person: add one with a class and a line in
TAMBON_CASE_NOTIFY_CHANNELS, the engine does not change.

The message is sent by the background worker (`notify_citizen` below), never in the request that
changed the case: once the change is committed, the request enqueues the event's id (a change
rolled back tells nobody). From then on the task survives a restart; only a server that stops
between the commit and the enqueue, a few milliseconds, loses the message.
Idempotent: each channel records `notify:<event id>:<channel>` once it has sent, and a run
that finds it skips that channel (a retry after one channel failed resends only that one).
"""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.module_loading import import_string

from tambon.core import tasks as background

from . import actions, conf
from .links import organization_url
from .models import Case, CaseEvent
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
    sms: str = ""  # the short text a phone gets (no personal data: code, status, address)


class Channel:
    """A way to reach a citizen. `send` delivers the message or does nothing when this
    channel has no address for the person."""

    def send(self, message: Message) -> None:
        raise NotImplementedError


class EmailChannel(Channel):
    def send(self, message):
        if message.email:
            send_mail(message.subject, message.body, None, [message.email])


class SmsChannel(Channel):
    """A text message to a citizen who gave a phone number and no e-mail, through the provider
    and account of the case's own organization; nothing when it chose none."""

    def send(self, message):
        if message.email or not message.phone:
            return
        from .models import NotificationSettings

        settings_ = NotificationSettings.of_organization(message.case.organization)
        sender = settings_.sms_sender() if settings_ is not None else None
        if sender is not None:
            sender.send(message.phone, message.sms)


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
        sms = render_to_string("cases/sms/update.txt", context)
    return Message(
        case=case,
        action=action,
        subject=" ".join(subject.split()),
        body=body,
        sms=" ".join(sms.split()),
        email=reporter.email if reporter else "",
        phone=reporter.phone if reporter else "",
    )


class DeliveryFailed(Exception):
    """A channel could not send; the task is tried again later (core/tasks.py)."""


def deliver(message, event_id):
    """Send on every channel that has not sent this event yet; one channel down does not stop
    the others, and makes the task fail (so retried) once all were tried."""
    failed = []
    for channel in channels():
        name = type(channel).__name__
        key = f"notify:{event_id}:{name}"
        if background.done(key):
            continue
        try:
            channel.send(message)
        except Exception:
            logger.exception("Notification channel %s failed", name)
            failed.append(name)
        else:
            background.mark_done(key)
    if failed:
        raise DeliveryFailed(", ".join(failed))


@background.retried_task(attempts=5, backoff_seconds=60, priority=background.SOMEONE_WAITS)
def notify_citizen(event_id, action):
    """Tell the reporter of the event's case, if the case still has one. Safe twice: see
    `deliver`."""

    # An operator job: the event's id says which organization.
    event = CaseEvent.objects.all_organizations().filter(pk=event_id).first()
    if event is None:  # the case was deleted meanwhile
        return
    case = (
        Case.objects.for_organization(event.organization_id)
        .select_related("reporter", "organization__site")
        .filter(pk=event.case_id, reporter__isnull=False)
        .first()
    )
    if case is not None:  # None: its personal data was purged meanwhile
        deliver(build_message(case, action, event), event_id)


def on_case_changed(sender, case, event, action, **kwargs):
    if action not in NOTIFIED_ACTIONS:
        return
    cases = Case.objects.for_organization(case.organization_id)
    if not cases.filter(pk=case.pk, reporter__isnull=False).exists():
        return
    transaction.on_commit(lambda: notify_citizen.enqueue(event.pk, action))


def connect():
    case_changed.connect(on_case_changed, dispatch_uid="cases-notify-citizen")
