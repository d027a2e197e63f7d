"""Background work on Django's tasks API (the django-tasks package; `django.tasks` from Django
6.0), kept in the database by django-tasks-db and run by `manage.py task_worker`.

Two things the library does not do, and this module adds:

- **Retries with backoff.** `@retried_task(attempts=5, backoff_seconds=60)` is `@task()` whose
  run, when it raises, is enqueued again to run `backoff_seconds * 2 ** (attempt - 1)` seconds
  later, with the attempt number in its `attempt` keyword. The run that raised stays FAILED with
  its error (the admin's "Failed background tasks" lists it); after the last attempt nothing
  more is enqueued. A task must therefore be safe to run twice (each task says its key).
- **Periodic jobs.** `@periodic(every=...)` registers a task to be enqueued once per period of
  `every` (periods counted from the Unix epoch, so a daily job's period starts at 07:00 Bangkok
  time). `enqueue_due` enqueues the ones whose period has not been enqueued yet; a `DoneOnce`
  key per job and period makes that happen once however many workers call it at the same time.
  `task_worker` calls it every `TICK_SECONDS`.
- **Idempotency keys.** `done(key)` / `mark_done(key)` record that a piece of work (a mail to one
  person, say) was done, so that a task run twice does it once. Keys older than `KEEP_KEYS`
  are deleted by the daily `prune_task_records`.

Arguments are ids and plain values, never a name, an address or a text a person wrote: the
task table is read by operators of every organization (docs/architecture.md).
"""

import datetime
import functools

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules
from django_tasks import task

TICK_SECONDS = 30
KEEP_KEYS = datetime.timedelta(days=30)
PERIODIC = {}  # task module path -> (task, period in seconds)
# The priority of work a person is waiting to see (their message, their photo cleaned):
# django-tasks runs higher first (-100..100, default 0), so it does not wait behind the hundreds
# of search and reference-index tasks a page save or a new organization queues.
SOMEONE_WAITS = 50


def retried_task(*, attempts=5, backoff_seconds=60, **options):
    def decorate(func):
        @functools.wraps(func)
        def run(context, *args, attempt=1, **kwargs):
            try:
                return func(*args, **kwargs)
            except Exception:
                if attempt < attempts:
                    delay = datetime.timedelta(seconds=backoff_seconds * 2 ** (attempt - 1))
                    retry_later(context.task_result.task, args, kwargs, attempt + 1, delay)
                raise

        del run.__wrapped__  # the library checks the signature of `run`, with its context
        run.max_attempts = attempts
        return task(takes_context=True, **options)(run)

    return decorate


def retry_later(a_task, args, kwargs, attempt, delay):
    # The immediate backend (unit tests) cannot run a task later: its failure is final.
    if a_task.get_backend().supports_defer:
        a_task.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt, **kwargs)


def max_attempts(task_path):
    """How many times the task at `task_path` is tried (1 for a task without retries)."""
    from django.utils.module_loading import import_string

    try:
        return getattr(import_string(task_path).func, "max_attempts", 1)
    except (ImportError, AttributeError):
        return 1


def periodic(every):
    def register(a_task):
        PERIODIC[a_task.module_path] = (a_task, int(every.total_seconds()))
        return a_task

    return register


def done(key):
    from .models import DoneOnce

    return DoneOnce.objects.filter(key=key).exists()


def mark_done(key):
    """Record `key` as done; False if it already was (another run got there first)."""
    from .models import DoneOnce

    try:
        with transaction.atomic():
            DoneOnce.objects.create(key=key)
    except IntegrityError:
        return False
    return True


def enqueue_due(now=None):
    """Enqueue each periodic task whose current period has not been enqueued; returns their
    module paths."""
    autodiscover_modules("tasks")
    now = now or timezone.now()
    enqueued = []
    for path, (a_task, seconds) in sorted(PERIODIC.items()):
        period = int(now.timestamp()) // seconds
        with transaction.atomic():
            if not mark_done(f"periodic:{path}:{period}"):
                continue  # this period was enqueued, by this worker or another
            a_task.enqueue()
        enqueued.append(path)
    return enqueued


KEEP_SUCCESSFUL_DAYS = 14
KEEP_FAILED_DAYS = 90


@periodic(every=datetime.timedelta(days=1))
@retried_task()
def prune_task_records():
    """The task table's finished results (failed ones kept longer, for the admin's list) and the
    idempotency keys of work too old to be tried again."""
    from django.core.management import call_command

    from .models import DoneOnce

    DoneOnce.objects.filter(done_at__lt=timezone.now() - KEEP_KEYS).delete()
    call_command(
        "prune_db_task_results",
        min_age_days=KEEP_SUCCESSFUL_DAYS,
        failed_min_age_days=KEEP_FAILED_DAYS,
        verbosity=0,
    )
