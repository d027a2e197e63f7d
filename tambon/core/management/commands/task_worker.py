"""The background-task worker: django-tasks-db's `db_worker` (same options) that also enqueues
the periodic tasks when they are due (core/tasks.py). `--batch` enqueues the due ones once,
runs every task that is ready, and exits (a cron job or a test can use it)."""

import logging
import threading
import time

from django.db import connection
from django_tasks_db.management.commands import db_worker

from tambon.core.tasks import TICK_SECONDS, enqueue_due

logger = logging.getLogger(__name__)


def enqueue_due_forever():
    while True:
        try:
            enqueue_due()
        except Exception:  # a database away for a while: try again at the next tick
            logger.exception("Could not enqueue the periodic tasks")
        finally:
            connection.close()
        time.sleep(TICK_SECONDS)


class Command(db_worker.Command):
    help = "Run the background tasks, and enqueue the periodic ones when they are due."

    def handle(self, *args, batch, **options):
        if batch:
            enqueue_due()
        else:
            threading.Thread(target=enqueue_due_forever, name="periodic", daemon=True).start()
        super().handle(*args, batch=batch, **options)
