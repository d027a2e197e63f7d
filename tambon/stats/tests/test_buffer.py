"""The in-memory counter and its flush: visits, page views, privacy, concurrency, no loss."""

import datetime
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

from tambon.stats.buffer import Flusher, MemoryCounter, write_counts
from tambon.stats.models import DailyPageViews, DailyVisits

DAY = datetime.date(2026, 11, 24)
WINDOW = 30 * 60
PHONE = "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile"


def test_page_views_within_the_window_are_one_visit():
    counter = MemoryCounter(WINDOW)
    for minute in range(0, 60, 10):  # every 10 minutes for an hour: never a 30-minute gap
        counter.record(1, DAY, "/", "203.0.113.5", PHONE, now=minute * 60)
    visits, views, _ = counter.take()
    assert visits[(1, DAY)] == 1
    assert views[(1, DAY)] == 6


def test_a_gap_longer_than_the_window_starts_a_new_visit():
    counter = MemoryCounter(WINDOW)
    counter.record(1, DAY, "/", "203.0.113.5", PHONE, now=0)
    counter.record(1, DAY, "/", "203.0.113.5", PHONE, now=WINDOW + 1)
    assert counter.take()[0][(1, DAY)] == 2


def test_two_browsers_behind_one_address_are_two_visitors():
    counter = MemoryCounter(WINDOW)
    counter.record(1, DAY, "/", "203.0.113.5", PHONE, now=0)
    counter.record(1, DAY, "/", "203.0.113.5", "Mozilla/5.0 (Windows NT 10.0) Firefox/128", now=1)
    assert counter.take()[0][(1, DAY)] == 2


def test_a_new_day_is_a_new_visit():
    counter = MemoryCounter(WINDOW)
    counter.record(1, DAY, "/", "203.0.113.5", PHONE, now=0)
    counter.record(1, DAY + datetime.timedelta(days=1), "/", "203.0.113.5", PHONE, now=60)
    visits = counter.take()[0]
    assert visits[(1, DAY)] == 1
    assert visits[(1, DAY + datetime.timedelta(days=1))] == 1


def test_the_raw_address_is_kept_nowhere_in_the_counter():
    counter = MemoryCounter(WINDOW)
    counter.record(1, DAY, "/", "198.51.100.77", PHONE, now=0)
    state = repr(vars(counter))
    assert "198.51.100.77" not in state
    assert "198,51,100,77" not in state


def test_pages_are_counted_per_path():
    counter = MemoryCounter(WINDOW)
    for path in ["/", "/news/", "/"]:
        counter.record(1, DAY, path, "203.0.113.5", PHONE, now=0)
    paths = counter.take()[2]
    assert paths[(1, DAY, "/")] == 2
    assert paths[(1, DAY, "/news/")] == 1


def test_many_threads_lose_and_double_nothing():
    counter = MemoryCounter(WINDOW)
    threads_count, per_thread = 8, 2000

    def visit(thread):
        for i in range(per_thread):
            counter.record(1, DAY, "/", f"10.0.{thread}.{i % 50}", PHONE)

    threads = [threading.Thread(target=visit, args=(t,)) for t in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    visits, views, _ = counter.take()
    assert views[(1, DAY)] == threads_count * per_thread
    assert visits[(1, DAY)] == threads_count * 50


@pytest.mark.django_db
def test_writing_adds_to_the_rows_already_there(demo_site):
    DailyVisits.objects.filter(site=demo_site, day=DAY).delete()
    DailyPageViews.objects.filter(site=demo_site, day=DAY).delete()
    DailyVisits.objects.create(site=demo_site, day=DAY, visits=10, page_views=20)
    key = (demo_site.pk, DAY)
    write_counts(Counter({key: 2}), Counter({key: 5}), Counter({(*key, "/"): 5}))
    write_counts(Counter({key: 1}), Counter({key: 1}), Counter({(*key, "/"): 1}))
    row = DailyVisits.objects.get(site=demo_site, day=DAY)
    assert (row.visits, row.page_views) == (13, 26)
    assert DailyPageViews.objects.get(site=demo_site, day=DAY, path="/").views == 6


@pytest.mark.django_db
def test_a_failed_write_keeps_the_counts_for_the_next_flush(demo_site, monkeypatch):
    counter = MemoryCounter(WINDOW)
    counter.record(demo_site.pk, DAY, "/", "203.0.113.5", PHONE, now=0)
    flusher = Flusher(counter, interval_seconds=60)

    def database_down(*args):
        raise RuntimeError("database is locked")

    monkeypatch.setattr("tambon.stats.buffer.write_counts", database_down)
    flusher.flush()
    assert counter.pending_visits(demo_site.pk) == {DAY: 1}


def test_the_flusher_writes_within_its_interval_without_being_asked(monkeypatch):
    """A crash loses at most one flush interval: the thread writes on its own."""
    written = []
    monkeypatch.setattr("tambon.stats.buffer.write_counts", lambda *counts: written.append(counts))
    counter = MemoryCounter(WINDOW)
    flusher = Flusher(counter, interval_seconds=0.2)
    flusher.start()
    counter.record(1, DAY, "/", "203.0.113.5", PHONE)
    deadline = time.monotonic() + 5
    while not written and time.monotonic() < deadline:
        time.sleep(0.05)
    flusher._stop.set()
    assert written, "nothing was written within 5 s"
    visits, views, _ = written[0]
    assert (visits[(1, DAY)], views[(1, DAY)]) == (1, 1)


def test_a_process_that_exits_normally_writes_what_it_counted(tmp_path):
    """Graceful shutdown loses nothing: the exit hook flushes (checked in a real process)."""
    database = tmp_path / "db.sqlite3"
    script = f"""
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "tambon.settings.test"
os.environ["DATABASE_URL"] = "sqlite:///{database}"
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from wagtail.models import Site
from tambon.stats.buffer import get_counter
import datetime
site = Site.objects.get()
for i in range(250):
    get_counter().record(site.pk, datetime.date(2026, 11, 24), "/", f"10.0.0.{{i % 10}}", "Mozilla")
"""
    subprocess.run([sys.executable, "-c", script], check=True, timeout=120)
    check = f"""
import os, django
os.environ["DJANGO_SETTINGS_MODULE"] = "tambon.settings.test"
os.environ["DATABASE_URL"] = "sqlite:///{database}"
django.setup()
from tambon.stats.models import DailyVisits
row = DailyVisits.objects.get()
print(row.visits, row.page_views)
"""
    out = subprocess.run(
        [sys.executable, "-c", check], check=True, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.split() == ["10", "250"]
