"""Counting without a database write per request.

Each page view is added to an in-memory buffer; a background thread writes the buffer to the
daily rows every TAMBON_STATS_FLUSH_SECONDS, and the process writes what is left when it exits.
A crash loses at most one flush interval. With several worker processes each keeps its own
buffer; every increment is written by exactly one of them, once (UPDATE ... SET n = n + k).
"""

import atexit
import datetime
import logging
import multiprocessing.util
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from .models import DailyPageViews, DailyVisits
from .visitors import new_daily_salt, visitor_key

logger = logging.getLogger(__name__)
MAX_PATH_LENGTH = 500


class MemoryCounter:
    """Visits and page views of this process since the last flush."""

    def __init__(self, visit_window_seconds):
        self.visit_window = visit_window_seconds
        self._lock = threading.Lock()
        self._visits = Counter()  # (site_id, day) -> visits
        self._views = Counter()  # (site_id, day) -> page views
        self._paths = Counter()  # (site_id, day, path) -> page views
        self._last_seen = {}  # visitor key -> monotonic time of the last page view
        self._salts = {}  # day -> salt; kept only in memory, dropped after two days

    def _salt_for(self, day):
        salt = self._salts.get(day)
        if salt is None:
            salt = self._salts[day] = new_daily_salt()
            for old_day in [d for d in self._salts if d < day - datetime.timedelta(days=1)]:
                del self._salts[old_day]
        return salt

    def record(self, site_id, day, path, ip, user_agent, now=None):
        """Count one page view; return True when it starts a new visit."""
        now = time.monotonic() if now is None else now
        with self._lock:
            key = visitor_key(ip, user_agent, self._salt_for(day))
            last = self._last_seen.get(key)
            new_visit = last is None or now - last > self.visit_window
            self._last_seen[key] = now
            if new_visit:
                self._visits[(site_id, day)] += 1
            self._views[(site_id, day)] += 1
            self._paths[(site_id, day, path[:MAX_PATH_LENGTH])] += 1
        return new_visit

    def take(self):
        """Everything counted so far, leaving the buffer empty."""
        with self._lock:
            taken = (self._visits, self._views, self._paths)
            self._visits, self._views, self._paths = Counter(), Counter(), Counter()
            self._forget_finished_visits()
        return taken

    def put_back(self, visits, views, paths):
        with self._lock:
            self._visits.update(visits)
            self._views.update(views)
            self._paths.update(paths)

    def flush(self):
        """Write the buffer to the daily rows; on failure keep it for the next try."""
        visits, views, paths = self.take()
        if not (visits or views or paths):
            return
        try:
            write_counts(visits, views, paths)
        except Exception:
            self.put_back(visits, views, paths)
            raise

    def pending_visits(self, site_id):
        """Visits not yet written, by day: the counter adds them to what the database says."""
        with self._lock:
            return {day: n for (site, day), n in self._visits.items() if site == site_id}

    def _forget_finished_visits(self):
        cutoff = time.monotonic() - self.visit_window
        self._last_seen = {k: t for k, t in self._last_seen.items() if t >= cutoff}


def write_counts(visits, views, paths):
    """Add the counts to the daily rows, in one transaction."""
    with transaction.atomic():
        for site_id, day in set(visits) | set(views):
            _add(
                DailyVisits,
                {"site_id": site_id, "day": day},
                visits=visits.get((site_id, day), 0),
                page_views=views.get((site_id, day), 0),
            )
        for (site_id, day, path), count in paths.items():
            _add(DailyPageViews, {"site_id": site_id, "day": day, "path": path}, views=count)


def _add(model, keys, **increments):
    increments = {field: n for field, n in increments.items() if n}
    if not increments:
        return
    updated = model.objects.filter(**keys).update(
        **{field: F(field) + n for field, n in increments.items()}
    )
    if updated:
        return
    try:
        with transaction.atomic():
            model.objects.create(**keys, **increments)
    except IntegrityError:  # another process created the row a moment ago
        model.objects.filter(**keys).update(
            **{field: F(field) + n for field, n in increments.items()}
        )


class Flusher:
    """Writes a counter's buffer to the database now and then, and once more at exit."""

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
            self.flush()

    def flush(self):
        with self._flush_lock:
            try:
                self.counter.flush()
            except Exception:
                # The counter kept its counts; the next flush tries again.
                logger.exception("Could not write visitor counts; will try again")


_counter = None
_flusher = None
_setup_lock = threading.Lock()


def get_counter():
    """The process's counter, with its flusher running."""
    global _counter, _flusher
    if _counter is None:
        with _setup_lock:
            if _counter is None:
                window = getattr(settings, "TAMBON_VISIT_WINDOW_MINUTES", 30) * 60
                interval = getattr(settings, "TAMBON_STATS_FLUSH_SECONDS", 5)
                if getattr(settings, "REDIS_URL", ""):
                    from .redis_counter import RedisCounter

                    counter = RedisCounter(settings.REDIS_URL, window)
                else:
                    counter = MemoryCounter(window)
                _flusher = Flusher(counter, interval)
                _flusher.start()
                _counter = counter
    return _counter


def flush_now():
    """Write what this process has counted (tests, management commands, shutdown)."""
    if _flusher is not None:
        _flusher.flush()
