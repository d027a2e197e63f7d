"""What a visitor counter costs a worker in the production profile, by number of organizations.

    .venv/bin/python bench/counter_pending.py [--sites 1000] [--calls 1000]

A worker renders each site's counter block again every TAMBON_COUNTER_REFRESH_SECONDS; a
worker serving 1,000 sites does it some 30 times a second. Each time it adds the site's visits
that workers have sent to Redis but the task worker has not yet written. This script fills a
throw-away Redis (loopback, no persistence) with one minute's pending counts of --sites sites
(a page-view count, a visit count and four pages' counts each, today) and times, in the same
run:

- the former way (until 2026-12-04): read every site's pending counts (HGETALL) and keep this
  site's visits;
- tambon now: `RedisCounter.pending_visits`, which reads this site's fields only.

Prints wall and CPU milliseconds per counter, and the ratio.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tambon.settings.test")

import django  # noqa: E402

django.setup()

from serverkit.engines import RedisServer  # noqa: E402
from tambon.stats import redis_counter  # noqa: E402

DAY = datetime.date(2026, 12, 4)
PATHS = ("/", "/news/", "/news/1/", "/cases/")


def fill(counter: redis_counter.RedisCounter, sites: int) -> int:
    fields = {}
    for site in range(1, sites + 1):
        fields[f"p|{site}|{DAY}"] = 40
        fields[f"v|{site}|{DAY}"] = 3
        for path in PATHS:
            fields[f"u|{site}|{DAY}|{path}"] = 10
    counter.redis.hset(redis_counter.PENDING, mapping=fields)
    counter.redis.sadd(redis_counter.PENDING_DAYS, DAY.isoformat())
    return len(fields)


def every_sites_counts(counter, site_id):
    visits, _, _ = redis_counter.parse_batch(counter.redis.hgetall(redis_counter.PENDING))
    return {day: n for (site, day), n in visits.items() if site == site_id}


def timed(read, counter, sites: int, calls: int) -> tuple[float, float]:
    assert read(counter, 1) == {DAY: 3}
    wall, cpu = time.perf_counter(), time.thread_time()
    for call in range(calls):
        read(counter, 1 + call % sites)
    return (
        (time.perf_counter() - wall) / calls * 1000,
        (time.thread_time() - cpu) / calls * 1000,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tambon-bench-counter-") as tmp:
        server = RedisServer(Path(tmp), durable=False).start()
        try:
            counter = redis_counter.RedisCounter(server.url, 30 * 60)
            fields = fill(counter, args.sites)
            before = timed(every_sites_counts, counter, args.sites, args.calls)
            now = timed(lambda c, site: c.pending_visits(site), counter, args.sites, args.calls)
        finally:
            server.stop()
    print(f"pending counts of {args.sites} sites ({fields} fields), {args.calls} counters each way")
    print(f"  every site's counts (former): {before[0]:.3f} ms wall, {before[1]:.3f} ms CPU")
    print(f"  the site's own fields (now):  {now[0]:.3f} ms wall, {now[1]:.3f} ms CPU")
    print(f"SUMMARY: CPU per counter, former / now: {before[1] / now[1]:.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
