"""Counting without a database write per request.

A page view is added up in the worker's memory (notes.Tally): who (a keyed, daily-salted hash of
address and browser), when, which site, day and path. A thread of the worker takes the tally out
of its memory every TAMBON_STATS_FLUSH_SECONDS, and the process does it once more when it exits.
Only the process that counted can do that part (a task runs in another process):

- embedded profile (this module): the thread decides the visits in one database transaction,
  against the visitors' last page views kept in the database for all workers, so a visitor is
  one visit whichever worker serves them, and adds the counts to the daily rows
  (UPDATE ... SET n = n + k);
- production profile (redis_counter.py): the thread sends the tally to Redis, which makes the
  same decision; the database writes are the background task stats.tasks.write_counted_views,
  once a minute, so web workers never wait on them. At exit a worker writes as well.

A crash loses at most one flush interval of page views; a graceful stop loses nothing.
"""

import atexit
import datetime
import logging
import multiprocessing.util
import threading
import time

from django.conf import settings
from django.db import close_old_connections, transaction

from tambon.core import pauses

from .models import DailySalt, VisitorSeen
from .notes import NoteBook, in_json, upsert, write_counts

logger = logging.getLogger(__name__)


class MemoryCounter(NoteBook):
    """The embedded profile: page views added up in memory, decided and written in the database."""

    def flush(self):
        tally = self.take()
        if not tally:
            return
        try:
            write_tally(tally, self.window_ms)
        except Exception:
            self.put_back(tally)  # kept for the next try
            raise

    def pending_visits_of_sites(self, site_ids):
        """Visits are decided when written; until then the counter shows the written ones."""
        return {site_id: {} for site_id in site_ids}


def write_tally(tally, window_ms):
    """Decide the visits against every worker's last page views, and add all counts."""
    with transaction.atomic():
        visitors = sorted(tally.first_seen)
        last_seen = dict(
            VisitorSeen.objects.filter(visitor__in=in_json(visitors)).values_list(
                "visitor", "last_seen_ms"
            )
        )
        visits, views, paths = tally.decide(last_seen, window_ms)
        # In key order, as every worker writes them: two flushes never wait on each other's rows.
        rows = [(visitor, last_seen[visitor]) for visitor in visitors]
        upsert(VisitorSeen, ("visitor",), ("last_seen_ms",), rows, add=False)
        newest = max(tally.last_seen.values())
        VisitorSeen.objects.filter(last_seen_ms__lt=newest - 2 * window_ms).delete()
        oldest_day = min(day for _site, day, _path in tally.views) - datetime.timedelta(days=1)
        DailySalt.objects.filter(day__lt=oldest_day).delete()
        write_counts(visits, views, paths)


class Flusher:
    """Writes a counter's page views to the database now and then, and once more at exit."""

    def __init__(self, counter, interval_seconds):
        self.counter = counter
        self.interval = interval_seconds
        self._started = False
        self._start_lock = threading.Lock()
        self._flush_lock = threading.Lock()
        self._stop = threading.Event()

    def start(self):
        with self._start_lock:
            if self._started:
                return
            self._started = True
            thread = threading.Thread(target=self._run, name="stats-flusher", daemon=True)
            thread.start()
            # A plain process runs atexit handlers; a multiprocessing child (granian's workers)
            # runs only multiprocessing finalizers. Register both: a second flush finds nothing.
            atexit.register(self.flush)
            multiprocessing.util.Finalize(self, self.flush, exitpriority=10)

    def _run(self):
        while not self._stop.wait(self.interval):
            # No request ends in this thread to close its database connections: one broken (the
            # database restarted) or past CONN_MAX_AGE is closed here; the next query opens one.
            close_old_connections()
            self._guarded(self.counter.tick)
            for chore in _after_each_tick:
                _timed("refresh", chore, "Could not refresh what the counter shows")

    def flush(self):
        self._guarded(self.counter.flush)

    def _guarded(self, step):
        with self._flush_lock:
            # The counter keeps its tally when it fails; the next flush tries again.
            _timed("flush", step, "Could not write visitor counts; will try again")


def _timed(what, step, failure):
    """Run `step`, log (not raise) its failure, and note its thread's CPU time as a pause
    (tambon.core.pauses): while it computes, it holds the interpreter."""
    began = time.thread_time()
    try:
        step()
    except Exception:
        logger.exception(failure)
    pauses.record(what, (time.thread_time() - began) * 1000)


# What the flusher thread does after each tick besides (counter.py registers the making of
# the counter blocks that requests found old). Not on exit: a stopping worker shows nothing.
_after_each_tick = []


def after_each_tick(chore):
    """Have the flusher thread call `chore()` after each tick, from now on (once per chore)."""
    if chore not in _after_each_tick:
        _after_each_tick.append(chore)


_counter = None
_flusher = None
_setup_lock = threading.Lock()


def get_counter():
    """The process's counter, with its flusher running."""
    global _counter, _flusher
    if _counter is None:
        with _setup_lock:
            if _counter is None:
                counter = counter_from_settings()
                _flusher = Flusher(counter, getattr(settings, "TAMBON_STATS_FLUSH_SECONDS", 5))
                _flusher.start()
                _counter = counter
    return _counter


def counter_from_settings():
    """A new counter for the profile in use: in Redis when TAMBON_REDIS_URL is set."""
    window = getattr(settings, "TAMBON_VISIT_WINDOW_MINUTES", 30) * 60
    if getattr(settings, "REDIS_URL", ""):
        from .redis_counter import RedisCounter

        return RedisCounter(
            settings.REDIS_URL,
            window,
            timeout_seconds=settings.TAMBON_REDIS_TIMEOUT_SECONDS,
            rest_seconds=settings.TAMBON_REDIS_REST_SECONDS,
        )
    return MemoryCounter(window)


def flush_now():
    """Write what this process has counted (tests, management commands, shutdown)."""
    if _flusher is not None:
        _flusher.flush()
