"""What sending its page views to Redis costs a worker in the production profile, by sites.

    .venv/bin/python bench/flush_push.py [--sites 1000] [--flushes 30]

Every TAMBON_STATS_FLUSH_SECONDS a worker's flusher thread sends the page views it has added
up to Redis (`RedisCounter.push`). The thread holds the interpreter while it builds and packs
what it sends, and the worker's requests wait meanwhile. A worker serving 1,000 sites sends,
every flush, counts and a visitor for each site it served. This script builds such a tally
(--sites sites, one visitor and two pages each, today), sends it to a throw-away Redis
(loopback, no persistence) and times, in the same run, alternating flush by flush:

- the former way (until 2026-12-04): each count and visitor field as an argument of its own,
  which the client library packs one by one in Python;
- tambon now: `RedisCounter.push`, each part of the tally as one JSON text.

Both must leave the same pending counts in Redis. Prints the median CPU and wall milliseconds
per flush of the sending thread, and the ratio.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tambon.settings.test")

import django  # noqa: E402

django.setup()

from serverkit.engines import RedisServer  # noqa: E402
from tambon.stats import redis_counter  # noqa: E402
from tambon.stats.notes import Tally  # noqa: E402

DAY = datetime.date(2026, 12, 4)
PATHS = ("/", "/ข่าว/")
WINDOW_MS = 30 * 60 * 1000

# The script as it was: the part's items as arguments, from ARGV[4] on.
FORMER_PUSH_SCRIPT = """
if not redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then return 0 end
local window = tonumber(ARGV[2])
local first_visitor = 4 + 2 * tonumber(ARGV[3])
local function add_visits(field, amount)
  redis.call('HINCRBY', KEYS[1], field, amount)
  redis.call('SADD', KEYS[3], string.match(field, '^v|[^|]*|(.*)$'))
end
for i = 4, first_visitor - 1, 2 do
  if string.sub(ARGV[i], 1, 2) == 'v|' then add_visits(ARGV[i], ARGV[i + 1])
  else redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1]) end
end
for i = first_visitor, #ARGV, 4 do
  local seen_key, first, latest = ARGV[i], tonumber(ARGV[i + 1]), tonumber(ARGV[i + 2])
  local last = tonumber(redis.call('GET', seen_key) or '')
  if not last or first - last > window then add_visits(ARGV[i + 3], 1) end
  if not last or latest > last then redis.call('SET', seen_key, latest, 'PX', window * 2) end
end
return 1
"""


def tally_of(sites: int, flush: int) -> Tally:
    """One flush interval of a worker: each site's visitor saw two pages (new visitors each
    flush, as a busy deployment has)."""
    tally = Tally()
    now_ms = int(time.time() * 1000)
    for site in range(1, sites + 1):
        visitor = f"{flush:04d}{site:028d}"
        for offset, path in enumerate(PATHS):
            tally.add(visitor, now_ms + offset, site, DAY, path, WINDOW_MS)
    return tally


def former_push(counter, script, tally: Tally) -> None:
    with mock.patch.object(redis_counter, "as_json", lambda items: items):
        parts = redis_counter._parts(tally)
    for part in parts:
        keys = redis_counter._push_keys(uuid.uuid4().hex)
        script(keys=keys, args=[redis_counter.TOKEN_SECONDS, WINDOW_MS, *part])


def now_push(counter, _script, tally: Tally) -> None:
    counter._tally = tally
    counter.push()


def timed(push, counter, script, tally: Tally) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.thread_time()
    push(counter, script, tally)
    return (time.perf_counter() - wall) * 1000, (time.thread_time() - cpu) * 1000


def pending(counter) -> dict:
    return counter.redis.hgetall(redis_counter.PENDING)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--flushes", type=int, default=30)
    args = parser.parse_args()
    ways = {"former": former_push, "now": now_push}
    figures = {name: [] for name in ways}
    with tempfile.TemporaryDirectory(prefix="tambon-bench-flush-") as tmp:
        server = RedisServer(Path(tmp), durable=False).start()
        try:
            # One Redis database per way, so that their pending counts can be compared.
            counters = {
                name: redis_counter.RedisCounter(server.url.rsplit("/", 1)[0] + f"/{number}", 1800)
                for number, name in enumerate(ways)
            }
            script = counters["former"].redis.register_script(FORMER_PUSH_SCRIPT)
            for flush in range(args.flushes):
                order = list(ways) if flush % 2 == 0 else list(reversed(ways))
                for name in order:
                    tally = tally_of(args.sites, flush)
                    figures[name].append(timed(ways[name], counters[name], script, tally))
            left = {name: pending(counter) for name, counter in counters.items()}
            if left["former"] != left["now"]:
                print("FAIL: the two ways left different pending counts in Redis")
                return 1
            fields = len(left["now"])
        finally:
            server.stop()
    print(
        f"{args.flushes} flushes each way of {args.sites} sites' page views "
        f"({len(PATHS)} pages and a visitor each); {fields} pending fields, the same both ways"
    )
    medians = {}
    for name, pairs in figures.items():
        medians[name] = [statistics.median(pair[i] for pair in pairs) for i in (0, 1)]
        wall, cpu = medians[name]
        print(f"  {name:7s} median per flush: {cpu:.2f} ms CPU, {wall:.2f} ms wall")
    ratio = medians["former"][1] / medians["now"][1]
    print(f"SUMMARY: CPU per flush, former / now: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
