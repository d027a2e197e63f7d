"""Tasks for the tests of core/tasks.py (a worker imports them by their module path)."""

from pathlib import Path

from tambon.core.tasks import retried_task


class GatewayDown(Exception):
    pass


@retried_task(attempts=3, backoff_seconds=60)
def always_fails(case_id):
    raise GatewayDown("the SMS gateway answered 503")


@retried_task()
def write_marker(path):
    Path(path).write_text("ran", encoding="utf-8")
    return "written"
