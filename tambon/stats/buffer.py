"""Counting without a database write per request.

A page view is a note in the worker's memory: who (a keyed, daily-salted hash of address and
browser), when, which site, day and path. A background thread turns the notes into counts every
TAMBON_STATS_FLUSH_SECONDS, and the process does it once more when it exits:

- embedded profile (this module): in one database transaction, against the visitors' last page
  views kept in the database for all workers, so a visitor is one visit whichever worker serves
  them; the counts are added to the daily rows (UPDATE ... SET n = n + k);
- production profile (redis_counter.py): the same decision in Redis.

A crash loses at most one flush interval of notes; a graceful stop loses nothing.
"""

import atexit
import datetime
import logging
import multiprocessing.util
import threading
import time
from collections import Counter
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F

from .models import DailyPageViews, DailySalt, DailyVisits, VisitorSeen
from .visitors import new_daily_salt, visitor_key

logger = logging.getLogger(__name__)
MAX_PATH_LENGTH = 500
LOOKUP_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Note:
    visitor: str
    at_ms: int
    site_id: int
    day: datetime.date
    path: str


class NoteBook:
    """The page views a worker has seen since its last flush."""

    def __init__(self, visit_window_seconds):
        self.window_ms = int(visit_window_seconds * 1000)
        self._lock = threading.Lock()
        self._notes = []
        self._salts = {}

    def salt_for(self, day):
        raise NotImplementedError

    def record(self, site_id, day, path, ip, user_agent):
        salt = self._salts.get(day)
        if salt is None:
            salt = self._salts[day] = self.salt_for(day)
        note = Note(
            visitor=visitor_key(ip, user_agent, salt),
            at_ms=int(time.time() * 1000),
            site_id=site_id,
            day=day,
            path=path[:MAX_PATH_LENGTH],
        )
        with self._lock:
            self._notes.append(note)

    def take(self):
        with self._lock:
            notes, self._notes = self._notes, []
        return notes

    def put_back(self, notes):
        with self._lock:
            self._notes[:0] = notes


class MemoryCounter(NoteBook):
    """The embedded profile: notes in memory, decided and written in the database."""

    def salt_for(self, day):
        salt = new_daily_salt()
        try:
            with transaction.atomic():
                stored, _ = DailySalt.objects.get_or_create(day=day, defaults={"salt": salt})
        except IntegrityError:  # another worker stored the day's salt a moment ago
            stored = DailySalt.objects.get(day=day)
        return bytes(stored.salt)

    def flush(self):
        notes = self.take()
        if not notes:
            return
        try:
            write_notes(notes, self.window_ms)
        except Exception:
            self.put_back(notes)  # kept for the next try
            raise

    def pending_visits(self, site_id):
        """Visits are decided when written; until then the counter shows the written ones."""
        return {}


def count_notes(notes, last_seen, window_ms):
    """Visits, page views and page views per path of the notes, in time order. A note starts a
    visit when the visitor's last page view (`last_seen`, updated here) is older than the window."""
    visits, views, paths = Counter(), Counter(), Counter()
    for note in sorted(notes, key=lambda n: n.at_ms):
        last = last_seen.get(note.visitor)
        if last is None or note.at_ms - last > window_ms:
            visits[(note.site_id, note.day)] += 1
        if last is None or note.at_ms > last:
            last_seen[note.visitor] = note.at_ms
        views[(note.site_id, note.day)] += 1
        paths[(note.site_id, note.day, note.path)] += 1
    return visits, views, paths


def write_notes(notes, window_ms):
    """Decide the visits against every worker's last page views, and add all counts."""
    with transaction.atomic():
        visitors = sorted({note.visitor for note in notes})
        last_seen = {}
        for start in range(0, len(visitors), LOOKUP_CHUNK):
            chunk = visitors[start : start + LOOKUP_CHUNK]
            last_seen.update(
                VisitorSeen.objects.filter(visitor__in=chunk).values_list("visitor", "last_seen_ms")
            )
        visits, views, paths = count_notes(notes, last_seen, window_ms)
        VisitorSeen.objects.bulk_create(
            [VisitorSeen(visitor=v, last_seen_ms=last_seen[v]) for v in visitors],
            update_conflicts=True,
            unique_fields=["visitor"],
            update_fields=["last_seen_ms"],
        )
        newest = max(note.at_ms for note in notes)
        VisitorSeen.objects.filter(last_seen_ms__lt=newest - 2 * window_ms).delete()
        oldest_day = min(note.day for note in notes) - datetime.timedelta(days=1)
        DailySalt.objects.filter(day__lt=oldest_day).delete()
        write_counts(visits, views, paths)


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
    """Writes a counter's notes to the database now and then, and once more at exit."""

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
                # The counter kept its notes; the next flush tries again.
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
