"""Community planning's periodic background tasks (core/tasks.py)."""

import datetime

from tambon.core.tasks import periodic, retried_task


@periodic(every=datetime.timedelta(hours=1))
@retried_task(attempts=4, backoff_seconds=300)
def clean_waiting_proposal_photos():
    """Enqueue the cleaning of residents' photos still not cleaned after an hour (their task
    failed every attempt, or was lost). Safe twice: the cleaning itself is."""
    from django.utils import timezone

    from .proposal_photos import enqueue_waiting

    return enqueue_waiting(timezone.now() - datetime.timedelta(hours=1))
