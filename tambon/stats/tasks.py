"""The visitor counts' background task (core/tasks.py): in the production profile, the counts
every worker sent to Redis are written to the database here, not by the web workers."""

import datetime
import logging

import redis

from tambon.core.tasks import periodic, retried_task

from .buffer import counter_from_settings
from .redis_counter import RedisCounter

logger = logging.getLogger(__name__)


@periodic(every=datetime.timedelta(minutes=1))
@retried_task(attempts=1)
def write_counted_views():
    """Safe twice and safe beside a worker's own write at exit: each batch is written once. With
    Redis away the counts wait there; the next minute's run writes them (no failed task per
    minute of an outage in the admin's list)."""
    counter = counter_from_settings()  # this process counts no page views: no flusher thread
    if not isinstance(counter, RedisCounter):
        return  # the embedded profile's flusher thread writes its own counts
    try:
        counter.write_batches()
    except redis.RedisError as error:
        logger.warning("Visitor counts stay in Redis until it answers: %s", type(error).__name__)
