"""The counter of the production profile: one count shared by every worker, in Redis.

A page view costs no network round trip: the worker adds it up in memory (notes.Tally). Every
flush interval the worker pushes its tally to Redis, in parts, to a script that adds the counts
and decides, against each visitor's last page view seen by any worker, whether their first view
here starts a visit. Everything goes to one shared hash, so a visitor is one visit whichever
worker serves them. Each part carries a token: a part sent again because its answer was lost
(Redis restarted, a connection cut) is applied once. While Redis does not answer, the worker
keeps adding up in memory and sends it all when Redis is back (docs/stats.md: Redis outages).

The database writes are the background task stats.tasks.write_counted_views (once a minute) and
each worker's last flush at exit: the hash is renamed to a batch (atomic: new counts go to a fresh
hash), the batch is written to the database together with its id in one transaction, and
deleted. A batch left behind by a writer that died in between is written by the next write, or
only deleted when its id shows it was written already: each count reaches the daily rows exactly
once. A crash of a worker loses at most the page views of one flush interval, as with the
embedded counter.
"""

import datetime
import json
import time
import uuid
from collections import Counter

import redis
from django.db import transaction
from django.utils import timezone

from tambon.core.redis_cache import is_resting, one_reconnect, rest

from .models import FlushedBatch
from .notes import NoteBook, write_counts

PREFIX = "tambon:stats:"
PENDING = PREFIX + "pending"
PENDING_DAYS = PREFIX + "pending-days"
BATCHES = PREFIX + "batches"
FLUSH_LOCK = PREFIX + "flush-lock"

# A part of a worker's tally, applied at most once: KEYS[2] is the part's token, kept a day; a
# part sent again (its answer was lost on the way back) finds it and changes nothing.
# ARGV: seconds the token is kept, the visit window (ms), then the part as one JSON array: the
# number of counts, two items per count (field, amount) and four per visitor: their key, first
# and last view here (ms), and the visit field. One JSON text instead of an argument per item:
# the client library packs each argument in Python, which cost a worker serving a thousand
# sites some 10 ms of CPU per flush, holding up its requests (docs/performance.md).
# The first view starts a visit when the visitor's last page view, by any worker, is older
# than the window.
# KEYS[3] lists the days that have visits pending, so that a site's counter asks for its own few
# fields (PENDING_VISITS_SCRIPT) instead of reading the counts of every site.
PUSH_SCRIPT = """
if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then return 0 end
local window = tonumber(ARGV[2])
local part = cjson.decode(ARGV[3])
local first_visitor = 2 + 2 * part[1]
local function add_visits(field, amount)
  redis.call('HINCRBY', KEYS[1], field, amount)
  redis.call('SADD', KEYS[3], string.match(field, '^v|[^|]*|(.*)$'))
end
for i = 2, first_visitor - 1, 2 do
  if string.sub(part[i], 1, 2) == 'v|' then add_visits(part[i], part[i + 1])
  else redis.call('HINCRBY', KEYS[1], part[i], part[i + 1]) end
end
for i = first_visitor, #part, 4 do
  local seen_key, first, latest = part[i], part[i + 1], part[i + 2]
  local last = tonumber(redis.call('GET', seen_key) or '')
  if not last or first - last > window then add_visits(part[i + 3], 1) end
  -- %d: a Lua number as a whole number of ms, never in exponent form
  if not last or latest > last then
    redis.call('SET', seen_key, string.format('%d', latest), 'PX', window * 2)
  end
end
return 1
"""
# One site's pending visits: [day, visits, day, visits, ...] for the days listed in KEYS[2].
PENDING_VISITS_SCRIPT = """
local found = {}
for _, day in ipairs(redis.call('SMEMBERS', KEYS[2])) do
  for _, site in ipairs(ARGV) do
    local visits = redis.call('HGET', KEYS[1], 'v|' .. site .. '|' .. day)
    if visits then
      table.insert(found, site)
      table.insert(found, day)
      table.insert(found, visits)
    end
  end
end
return found
"""
TOKEN_SECONDS = 24 * 3600
ITEMS_PER_PART = 500
FLUSH_LOCK_WAIT_SECONDS = 10
# A worker frozen or cut off from Redis while it holds the lock cannot give it back: the lock
# lapses by itself well within another worker's wait, so the counts are never stuck behind it
# (a worker stopping writes its own). Writing a batch twice is harmless: its id is recorded in
# the same transaction as its counts, and a second write of the same id fails as a whole.
FLUSH_LOCK_MS = 4000
# Pending counts become a named batch, listed in BATCHES, in one atomic step; the list of days
# with visits pending starts again empty (those visits are in the batch now).
SEAL_SCRIPT = """
redis.call('DEL', KEYS[4])
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RENAME', KEYS[1], KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
return 1
"""
FLUSHED_BATCHES_KEPT = datetime.timedelta(days=7)


def _batch_key(batch_id):
    return f"{PREFIX}batch:{batch_id}"


def _push_keys(token):
    """PUSH_SCRIPT's keys for a part sent with `token`."""
    return [PENDING, f"{PREFIX}applied:{token}", PENDING_DAYS]


def _parts(tally):
    """A tally as the script's last argument, a few hundred items a part: JSON arrays of the
    number of counts, the counts, then the visitors. Fields are "kind|site|day[|path]"."""
    site_days = {}  # (site, day) -> "site|day": made once a flush, not once per field

    def site_day(site_id, day):
        text = site_days.get((site_id, day))
        if text is None:
            text = site_days[(site_id, day)] = f"{site_id}|{day.isoformat()}"
        return text

    counts = Counter()
    for (site_id, day, path), views in tally.views.items():
        base = site_day(site_id, day)
        counts["p|" + base] += views
        counts[f"u|{base}|{path}"] += views
    for (site_id, day), visits in tally.visits_started.items():
        counts["v|" + site_day(site_id, day)] += visits
    items = list(counts.items())
    parts = []
    for start in range(0, len(items), ITEMS_PER_PART):
        chunk = items[start : start + ITEMS_PER_PART]
        parts.append(as_json([len(chunk), *(arg for pair in chunk for arg in pair)]))
    visitors = list(tally.first_seen)
    for start in range(0, len(visitors), ITEMS_PER_PART):
        part = [0]
        for visitor in visitors[start : start + ITEMS_PER_PART]:
            first_ms, site_id, day = tally.first_seen[visitor]
            seen_key = PREFIX + "seen:" + visitor
            visit_field = "v|" + site_day(site_id, day)
            part += [seen_key, first_ms, tally.last_seen[visitor], visit_field]
        parts.append(as_json(part))
    return parts


def as_json(items):
    """Thai paths as UTF-8, which Redis's JSON decoder passes through unchanged."""
    return json.dumps(items, ensure_ascii=False, separators=(",", ":"))


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
    def __init__(self, url, visit_window_seconds, timeout_seconds=0.5, rest_seconds=2.0):
        super().__init__(visit_window_seconds)
        self.address = url
        self.rest_seconds = rest_seconds
        self.redis = redis.Redis.from_url(
            url,
            socket_timeout=timeout_seconds,
            socket_connect_timeout=timeout_seconds,
            retry=one_reconnect(),
        )
        self._push = self.redis.register_script(PUSH_SCRIPT)
        self._seal = self.redis.register_script(SEAL_SCRIPT)
        self._pending_visits = self.redis.register_script(PENDING_VISITS_SCRIPT)
        self._unsent = []  # (token, arguments) of parts not yet known to have reached Redis

    def push(self):
        """Send this worker's tally to the shared count in Redis, exactly once. The tally goes
        in parts, each with its own token; a part that fails is sent again, unchanged, at the
        next flush (before anything newer), and Redis applies it only if it has not yet."""
        self._send_unsent()
        self._unsent = [(uuid.uuid4().hex, part) for part in _parts(self.take())]
        self._send_unsent()

    def _send_unsent(self):
        while self._unsent:
            token, part = self._unsent[0]
            self._push(keys=_push_keys(token), args=[TOKEN_SECONDS, self.window_ms, part])
            self._unsent.pop(0)

    def pending_visits(self, site_id):
        """Visits pushed by every worker but not yet written, by day; none while Redis does not
        answer (the counter shows the written ones, as in the embedded profile)."""
        return self.pending_visits_of_sites([site_id])[site_id]

    def pending_visits_of_sites(self, site_ids):
        """{site id: {day: visits}} of these sites, in one call. Only their fields are read: a
        worker serving a thousand sites makes some 30 counters a second, and reading every
        site's pending counts each time made a cached page's cost grow with the number of
        sites (docs/performance.md, the run of 2026-12-04 13:13)."""
        found = {site_id: {} for site_id in site_ids}
        if is_resting(self.address) or not site_ids:
            return found
        try:
            flat = self._pending_visits(keys=[PENDING, PENDING_DAYS], args=site_ids)
        except redis.RedisError as error:
            rest(self.address, self.rest_seconds, error)
            return found
        for site, day, visits in zip(flat[::3], flat[1::3], flat[2::3], strict=True):
            found[int(site)][datetime.date.fromisoformat(day.decode())] = int(visits)
        return found

    tick = push  # every flush interval; the database writes are write_counted_views' (tasks.py)

    def flush(self):
        """Send this worker's tally, then write every worker's counts (at exit, and in tests)."""
        self.push()
        self.write_batches()

    def write_batches(self):
        """Seal what every worker has sent into a batch and write each batch to the database."""
        token = uuid.uuid4().hex
        # Wait for a worker that is flushing (at shutdown they all do at once): what this
        # worker just pushed may have come after that worker sealed the pending counts.
        deadline = time.monotonic() + FLUSH_LOCK_WAIT_SECONDS
        while not self.redis.set(FLUSH_LOCK, token, nx=True, px=FLUSH_LOCK_MS):
            if time.monotonic() > deadline:
                return  # the counts stay in Redis for the next flush
            time.sleep(0.05)
        try:
            batch_id = uuid.uuid4().hex
            keys = [PENDING, _batch_key(batch_id), BATCHES, PENDING_DAYS]
            self._seal(keys=keys, args=[batch_id])
            for raw_id in self.redis.smembers(BATCHES):
                self._write_batch(raw_id.decode())
        finally:
            if self.redis.get(FLUSH_LOCK) == token.encode():
                self.redis.delete(FLUSH_LOCK)

    def _write_batch(self, batch_id):
        batch_key = _batch_key(batch_id)
        if not FlushedBatch.objects.filter(pk=batch_id).exists():
            visits, views, paths = parse_batch(self.redis.hgetall(batch_key))
            with transaction.atomic():
                write_counts(visits, views, paths)
                FlushedBatch.objects.create(pk=batch_id)
                old = timezone.now() - FLUSHED_BATCHES_KEPT
                FlushedBatch.objects.filter(flushed_at__lt=old).delete()
        self.redis.delete(batch_key)
        self.redis.srem(BATCHES, batch_id)
