"""The counter of the production profile: one count shared by every worker, in Redis.

A page view costs no network round trip: the worker adds it up in memory (notes.Tally). Every
flush interval the worker pushes its tally to Redis: the counts in one transaction, and each
visitor's first and last view here to a script that decides there, against the visitor's last
page view seen by any worker, whether the first starts a visit. Everything goes to one shared
hash, so a visitor is one visit whichever worker serves them.

Then the hash is renamed to a batch (atomic: new counts go to a fresh hash), the batch is written
to the database together with its id in one transaction, and deleted. A batch left behind by a
worker that died in between is written by the next flush, or only deleted when its id shows it was
written already: each count reaches the daily rows exactly once. A crash of a worker loses at most
the page views of one flush interval, as with the embedded counter.
"""

import datetime
import time
import uuid
from collections import Counter

import redis
from django.db import transaction
from django.utils import timezone

from .models import FlushedBatch
from .notes import NoteBook, write_counts
from .visitors import new_daily_salt

PREFIX = "tambon:stats:"
PENDING = PREFIX + "pending"
BATCHES = PREFIX + "batches"
FLUSH_LOCK = PREFIX + "flush-lock"
SALT_SECONDS = 2 * 24 * 3600

# Four arguments per visitor: their key, first and last view here (ms), and the visit field.
# The first view starts a visit when the visitor's last page view, by any worker, is older than
# the window.
PUSH_SCRIPT = """
local window = tonumber(ARGV[1])
for i = 2, #ARGV, 4 do
  local seen_key, first, latest = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  local last = tonumber(redis.call('GET', seen_key) or '')
  if not last or first - last > window then redis.call('HINCRBY', KEYS[1], ARGV[i + 3], 1) end
  if not last or latest > last then redis.call('SET', seen_key, latest, 'PX', window * 2) end
end
return 0
"""
VISITORS_PER_PUSH = 500
FLUSH_LOCK_WAIT_SECONDS = 10
# Pending counts become a named batch, listed in BATCHES, in one atomic step.
SEAL_SCRIPT = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
"""
FLUSHED_BATCHES_KEPT = datetime.timedelta(days=7)


def _field(kind, site_id, day, path=None):
    base = f"{kind}|{site_id}|{day.isoformat()}"
    return f"{base}|{path}" if path is not None else base


def parse_batch(fields):
    """Redis hash fields back into the (visits, views, paths) counters write_counts takes."""
    visits, views, paths = Counter(), Counter(), Counter()
    for raw_field, raw_count in fields.items():
        kind, site_id, day, *path = raw_field.decode().split("|", 3)
        key = (int(site_id), datetime.date.fromisoformat(day))
        count = int(raw_count)
        if kind == "v":
            visits[key] += count
        elif kind == "p":
            views[key] += count
        elif kind == "u":
            paths[(*key, path[0])] += count
    return visits, views, paths


class RedisCounter(NoteBook):
    def __init__(self, url, visit_window_seconds):
        super().__init__(visit_window_seconds)
        self.redis = redis.Redis.from_url(url)
        self._push = self.redis.register_script(PUSH_SCRIPT)
        self._seal = self.redis.register_script(SEAL_SCRIPT)

    def salt_for(self, day):
        key = f"{PREFIX}salt:{day.isoformat()}"
        self.redis.set(key, new_daily_salt(), nx=True, ex=SALT_SECONDS)
        return self.redis.get(key)

    def push(self):
        """Send this worker's tally to the shared count in Redis."""
        tally = self.take()
        try:
            self._push_counts(tally)
        except Exception:
            self.put_back(tally)  # Redis away: kept for the next try
            raise
        visitors = list(tally.first_seen)
        sent = 0
        try:
            while sent < len(visitors):
                chunk = visitors[sent : sent + VISITORS_PER_PUSH]
                args = [self.window_ms]
                for visitor in chunk:
                    first_ms, site_id, day = tally.first_seen[visitor]
                    args += [
                        f"{PREFIX}seen:{visitor}",
                        first_ms,
                        tally.last_seen[visitor],
                        _field("v", site_id, day),
                    ]
                self._push(keys=[PENDING], args=args)
                sent += len(chunk)
        except Exception:
            self.put_back(tally.of_visitors(visitors[sent:]))  # the counts went already
            raise

    def _push_counts(self, tally):
        """Page views and the visits begun here, all or none (one MULTI ... EXEC)."""
        counts = Counter()
        for (site_id, day, path), views in tally.views.items():
            counts[_field("p", site_id, day)] += views
            counts[_field("u", site_id, day, path)] += views
        for (site_id, day), visits in tally.visits_started.items():
            counts[_field("v", site_id, day)] += visits
        if not counts:
            return
        with self.redis.pipeline(transaction=True) as pipe:
            for field, count in counts.items():
                pipe.hincrby(PENDING, field, count)
            pipe.execute()

    def pending_visits(self, site_id):
        visits, _, _ = parse_batch(self.redis.hgetall(PENDING))
        return {day: n for (site, day), n in visits.items() if site == site_id}

    def flush(self):
        self.push()
        token = uuid.uuid4().hex
        # Wait for a worker that is flushing (at shutdown they all do at once): what this
        # worker just pushed may have come after that worker sealed the pending counts.
        deadline = time.monotonic() + FLUSH_LOCK_WAIT_SECONDS
        while not self.redis.set(FLUSH_LOCK, token, nx=True, px=60_000):
            if time.monotonic() > deadline:
                return  # the counts stay in Redis for the next flush
            time.sleep(0.05)
        try:
            batch_id = uuid.uuid4().hex
            self._seal(keys=[PENDING, f"{PREFIX}batch:{batch_id}", BATCHES], args=[batch_id])
            for raw_id in self.redis.smembers(BATCHES):
                self._write_batch(raw_id.decode())
        finally:
            if self.redis.get(FLUSH_LOCK) == token.encode():
                self.redis.delete(FLUSH_LOCK)

    def _write_batch(self, batch_id):
        batch_key = f"{PREFIX}batch:{batch_id}"
        if not FlushedBatch.objects.filter(pk=batch_id).exists():
            visits, views, paths = parse_batch(self.redis.hgetall(batch_key))
            with transaction.atomic():
                write_counts(visits, views, paths)
                FlushedBatch.objects.create(pk=batch_id)
                old = timezone.now() - FLUSHED_BATCHES_KEPT
                FlushedBatch.objects.filter(flushed_at__lt=old).delete()
        self.redis.delete(batch_key)
        self.redis.srem(BATCHES, batch_id)
