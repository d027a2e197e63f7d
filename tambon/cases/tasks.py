"""The cases' periodic background tasks (core/tasks.py): cleaning photos whose task was lost,
the daily reminder of overdue cases and the retention purges (telling the citizen is
notify.notify_citizen). Each is safe to run twice; its docstring says why."""

import datetime
import time

from tambon.core.tasks import periodic, retried_task

DAY = datetime.timedelta(days=1)


@periodic(every=datetime.timedelta(hours=1))
@retried_task(attempts=4, backoff_seconds=300)
def clean_waiting_photos():
    """Enqueue cleaning.clean_attachment again for the photos PENDING for over an hour. Safe
    twice: it only enqueues a task that is itself safe twice."""
    from django.utils import timezone

    from .cleaning import enqueue_waiting

    return enqueue_waiting(timezone.now() - datetime.timedelta(hours=1))


@periodic(every=DAY)
@retried_task(attempts=4, backoff_seconds=300)
def remind_overdue_cases():
    """Key: `remind:<organization>:<person>:<Bangkok day>` once that person's mail is sent
    (reminders.py)."""
    from .reminders import send_reminders

    return send_reminders()


@periodic(every=DAY)
@retried_task(attempts=4, backoff_seconds=300)
def purge_case_personal_data():
    """Safe twice: a purged case no longer holds personal data, so it is not found again."""
    from .retention import purge_expired

    return purge_expired()


@periodic(every=datetime.timedelta(hours=6))
@retried_task(attempts=4, backoff_seconds=300)
def purge_pending_uploads():
    """Safe twice: a deleted file is not found again."""
    from .pending import purge_abandoned

    return purge_abandoned(time.time() - DAY.total_seconds())


@periodic(every=DAY)
@retried_task(attempts=4, backoff_seconds=300)
def purge_audit_trail():
    """Safe twice: rows older than TAMBON_AUDIT_KEEP_DAYS are gone after the first run."""
    from .audit import purge

    return purge()
