"""The database backend's worker inside a test."""

from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult


def run_ready_tasks():
    """What `task_worker --batch` does: claim each ready task and run it with the library's
    own `Worker.run_task`; only the loop is written again, without its calls to
    `close_old_connections` (they would end the test's transaction on PostgreSQL)."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ran = 0
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)
        ran += 1
    return ran
