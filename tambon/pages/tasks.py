"""Scheduled publishing (Wagtail's "go live" and "expiry" dates) as a periodic background task
(core/tasks.py), so no cron job is needed for it."""

import datetime

from django.core.management import call_command

from tambon.core.tasks import periodic, retried_task


@periodic(every=datetime.timedelta(minutes=1))
@retried_task(attempts=3, backoff_seconds=30)
def publish_scheduled():
    """Safe twice: a page published or unpublished on time is not due any more."""
    call_command("publish_scheduled", verbosity=0)
