"""The counter of the production profile: one count shared by every worker, in Redis.

A page view costs no network round trip: the worker notes it in memory. Every flush interval the
worker pushes its notes to Redis in one script call, which decides there, against the visitor's
last page view seen by any worker, whether each note starts a visit, and adds the counts to one
shared hash. So a visitor is one visit whichever worker serves them.

Then the hash is renamed to a batch (atomic: new counts go to a fresh hash), the batch is written
to the database together with its id in one transaction, and deleted. A batch left behind by a
worker that died in between is written by the next flush, or only deleted when its id shows it was
written already: each count reaches the daily rows exactly once. A crash of a worker loses at most
the notes of one flush interval, as with the embedded counter.
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

# A worker's notes, five arguments each: visitor key, time (ms), visit, view and path fields.
# A note starts a visit when the visitor's last page view, by any worker, is older than the window.
PUSH_SCRIPT = """
local window = tonumber(ARGV[1])
for i = 2, #ARGV, 5 do
  local seen_key, at = ARGV[i], tonumber(ARGV[i + 1])
  local last = tonumber(redis.call('GET', seen_key) or '')
  if not last or at - last > window then redis.call('HINCRBY', KEYS[1], ARGV[i + 2], 1) end
  if not last or at > last then redis.call('SET', seen_key, at, 'PX', window * 2) end
  redis.call('HINCRBY', KEYS[1], ARGV[i + 3], 1)
  redis.call('HINCRBY', KEYS[1], ARGV[i + 4], 1)
end
return 0
"""
NOTES_PER_PUSH = 500
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
        """Send this worker's notes to the shared count in Redis."""
        notes = self.take()
        sent = 0
        try:
            while sent < len(notes):
                chunk = notes[sent : sent + NOTES_PER_PUSH]
                args = [self.window_ms]
                for note in chunk:
                    args += [
                        f"{PREFIX}seen:{note.visitor}",
                        note.at_ms,
                        _field("v", note.site_id, note.day),
                        _field("p", note.site_id, note.day),
                        _field("u", note.site_id, note.day, note.path),
                    ]
                self._push(keys=[PENDING], args=args)
                sent += len(chunk)
        except Exception:
            self.put_back(notes[sent:])  # Redis away: kept for the next try
            raise

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
