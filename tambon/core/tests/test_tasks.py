"""Background tasks (core/tasks.py): a failing task is tried again later and later, then stays
failed and shows with its error in the admin to a superuser only; periodic tasks are enqueued
once a period; an enqueued task survives the process that enqueued it, and the health probe
counts it until a worker runs it."""

import datetime

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from serverkit import django_snippet, manage, production_env, run_task_worker_once
from tambon.core import memberships, tasks
from tambon.core.models import Organization, Role

from .background_tasks import always_fails, write_marker
from .worker import run_ready_tasks

pytestmark = pytest.mark.django_db
FAILED_TASKS = "/admin/failed-tasks/"
ALWAYS_FAILS = "tambon.core.tests.background_tasks.always_fails"


def runs(path=ALWAYS_FAILS):
    return DBTaskResult.objects.filter(task_path=path).order_by("enqueued_at")


def fail_every_attempt():
    """Enqueue always_fails (3 attempts, 60 s backoff) and let the worker run it as time goes
    by; returns the delay before each retry."""
    delays = []
    with time_machine.travel(timezone.now(), tick=False) as clock:
        always_fails.enqueue(1234)
        while True:
            run_ready_tasks()
            waiting = runs().filter(status="READY").first()
            if waiting is None:
                return delays
            delays.append((waiting.run_after - timezone.now()).total_seconds())
            run_ready_tasks()
            assert runs().filter(status="READY").get() == waiting  # not run before its time
            clock.move_to(waiting.run_after + datetime.timedelta(seconds=1))


def test_a_failing_task_is_retried_later_each_time_then_stays_failed(database_tasks):
    assert fail_every_attempt() == [60, 120]
    assert [run.status for run in runs()] == ["FAILED"] * 3
    assert [run.args_kwargs["kwargs"].get("attempt", 1) for run in runs()] == [1, 2, 3]
    assert {run.args_kwargs["args"][0] for run in runs()} == {1234}
    assert all("503" in run.traceback for run in runs())


def test_a_failed_task_shows_with_its_error_to_a_superuser_only(database_tasks, site):
    fail_every_attempt()
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x" * 12)
    clerk = get_user_model().objects.create_user("aruni", "aruni@example.org", "x" * 12)
    memberships.add_member(clerk, Organization.for_site(site), Role.CLERK)

    browser = Client()
    browser.force_login(superuser)
    page = browser.get(FAILED_TASKS).content.decode()
    assert ALWAYS_FAILS in page
    assert "tambon.core.tests.background_tasks.GatewayDown" in page
    assert "the SMS gateway answered 503" in page
    assert "Traceback (most recent call last)" in page
    assert "3 จาก 3" in page and "จะไม่ลองอีก" in page  # the last attempt, in Thai
    assert "1 จาก 3" in page and "จะลองอีกครั้ง" in page
    assert FAILED_TASKS in browser.get("/admin/").content.decode()  # in the Reports menu

    browser.force_login(clerk)
    refused = browser.get(FAILED_TASKS)
    assert refused.status_code in (302, 403)
    assert "503" not in refused.content.decode()
    assert FAILED_TASKS not in browser.get("/admin/").content.decode()


def test_a_periodic_task_is_enqueued_once_a_period(database_tasks):
    with time_machine.travel(datetime.datetime(2026, 12, 2, 0, 0, 30, tzinfo=datetime.UTC)):
        first = tasks.enqueue_due()
        assert "tambon.cases.tasks.remind_overdue_cases" in first
        assert "tambon.pages.tasks.publish_scheduled" in first
        assert tasks.enqueue_due() == []  # a second worker, the same minute
    with time_machine.travel(datetime.datetime(2026, 12, 2, 0, 1, 30, tzinfo=datetime.UTC)):
        assert tasks.enqueue_due() == [
            "tambon.pages.tasks.publish_scheduled",
            "tambon.stats.tasks.write_counted_views",
        ]
    assert runs("tambon.cases.tasks.remind_overdue_cases").count() == 1
    assert runs("tambon.pages.tasks.publish_scheduled").count() == 2


ENQUEUE = """
from tambon.core.tests.background_tasks import write_marker
import json
print(json.dumps(write_marker.enqueue({marker!r}).id))
"""
STATUS = """
from django_tasks_db.models import DBTaskResult
import json
result = DBTaskResult.objects.get(id={id!r})
print(json.dumps([result.status, result.return_value]))
"""


# The load balancer's probe (core/health.py) counts the tasks waiting for a worker.
BACKLOG = """
import json
from django.test import Client
answer = Client().get("/readyz", HTTP_HOST="10.0.0.7")
print(json.dumps(json.loads(answer.content)["checks"]["tasks"]))
"""


@pytest.mark.django_db(databases=[])
def test_a_task_enqueued_by_one_process_is_run_by_a_worker_started_after_it_ended(tmp_path):
    env = production_env(tmp_path)
    log = tmp_path / "worker.log"
    manage(["migrate", "--noinput"], env, log)
    marker = tmp_path / "marker"

    task_id = django_snippet(env, ENQUEUE.format(marker=str(marker)))
    assert not marker.exists()  # enqueued, not run: nothing runs a task in the request
    assert django_snippet(env, STATUS.format(id=task_id)) == ["READY", None]
    assert django_snippet(env, BACKLOG) == {"ok": True, "backlog": 1}

    run_task_worker_once(env, log)
    assert marker.read_text() == "ran"
    assert django_snippet(env, STATUS.format(id=task_id)) == ["SUCCESSFUL", "written"]
    assert django_snippet(env, BACKLOG) == {"ok": True, "backlog": 0}


def test_the_task_worker_module_paths_import_back_to_the_tasks():
    assert write_marker.module_path == "tambon.core.tests.background_tasks.write_marker"
    assert tasks.max_attempts(ALWAYS_FAILS) == 3
