"""The counter of the production profile: one count shared by every worker, in Redis.

Every worker adds to one Redis hash, so a visitor is one visit whichever worker serves them, and
counts survive a worker crash (they are in Redis, not in the worker). A flush renames the hash to
a batch (atomic: new page views go to a fresh hash), writes the batch and its id to the database
in one transaction, then deletes it. A batch left behind by a worker that died in between is
written by the next flush, or only deleted when its id shows it was written already: each count
reaches the daily rows exactly once.
"""

import datetime
import uuid
from collections import Counter

import redis
from django.db import transaction
from django.utils import timezone

from .buffer import write_counts
from .models import FlushedBatch
from .visitors import new_daily_salt, visitor_key

PREFIX = "tambon:stats:"
PENDING = PREFIX + "pending"
BATCHES = PREFIX + "batches"
FLUSH_LOCK = PREFIX + "flush-lock"
SALT_SECONDS = 2 * 24 * 3600

# One round trip per page view: remember the visitor (sliding window) and add the counts.
RECORD_SCRIPT = """
local seen_before = redis.call('SET', KEYS[1], '1', 'PX', ARGV[1], 'GET')
if not seen_before then redis.call('HINCRBY', KEYS[2], ARGV[2], 1) end
redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
if seen_before then return 0 else return 1 end
"""
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


class RedisCounter:
    def __init__(self, url, visit_window_seconds):
        self.redis = redis.Redis.from_url(url)
        self.window_ms = int(visit_window_seconds * 1000)
        self._record = self.redis.register_script(RECORD_SCRIPT)
        self._seal = self.redis.register_script(SEAL_SCRIPT)
        self._salts = {}

    def _salt_for(self, day):
        salt = self._salts.get(day)
        if salt is None:
            key = f"{PREFIX}salt:{day.isoformat()}"
            self.redis.set(key, new_daily_salt(), nx=True, ex=SALT_SECONDS)
            salt = self._salts[day] = self.redis.get(key)
        return salt

    def record(self, site_id, day, path, ip, user_agent, now=None):
        key = visitor_key(ip, user_agent, self._salt_for(day))
        new_visit = self._record(
            keys=[f"{PREFIX}seen:{key}", PENDING],
            args=[
                self.window_ms,
                _field("v", site_id, day),
                _field("p", site_id, day),
                _field("u", site_id, day, path[:500]),
            ],
        )
        return bool(new_visit)

    def pending_visits(self, site_id):
        visits, _, _ = parse_batch(self.redis.hgetall(PENDING))
        return {day: n for (site, day), n in visits.items() if site == site_id}

    def flush(self):
        token = uuid.uuid4().hex
        if not self.redis.set(FLUSH_LOCK, token, nx=True, px=60_000):
            return  # another worker is flushing
        try:
            batch_id = uuid.uuid4().hex
            self._seal(keys=[PENDING, f"{PREFIX}batch:{batch_id}", BATCHES], args=[batch_id])
            batch_ids = [raw.decode() for raw in self.redis.smembers(BATCHES)]
            for pending_id in batch_ids:
                self._write_batch(pending_id)
            if batch_ids:
                old = timezone.now() - FLUSHED_BATCHES_KEPT
                FlushedBatch.objects.filter(flushed_at__lt=old).delete()
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
        self.redis.delete(batch_key)
        self.redis.srem(BATCHES, batch_id)
