"""The in-memory counter and its flush: visits, page views, privacy, concurrency, no loss."""

import datetime
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

from tambon.stats import buffer
from tambon.stats.buffer import Flusher, MemoryCounter
from tambon.stats.models import VisitorSeen
from tambon.stats.notes import Tally, write_counts
from tambon.stats.tests.factories import page_views_of, visits_of
from tambon.thai.dates import BANGKOK

DAY = datetime.date(2026, 11, 24)
WINDOW = 30 * 60
WINDOW_MS = WINDOW * 1000
PHONE = "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile"


def tally_of(*views, day=DAY):
    """A tally of (visitor, minute, path) page views on site 1, added in the order given."""
    tally = Tally()
    for visitor, minute, path in views:
        tally.add(visitor, int(minute * 60_000), 1, day, path, WINDOW_MS)
    return tally


def test_page_views_within_the_window_are_one_visit():
    # every 10 minutes for an hour: never a 30-minute gap
    tally = tally_of(*[("a", minute, "/") for minute in range(0, 60, 10)])
    visits, views, _ = tally.decide({}, WINDOW_MS)
    assert visits[(1, DAY)] == 1
    assert views[(1, DAY)] == 6


def test_a_gap_longer_than_the_window_starts_a_new_visit():
    visits, _, _ = tally_of(("a", 0, "/"), ("a", 31, "/")).decide({}, WINDOW_MS)
    assert visits[(1, DAY)] == 2


def test_notes_are_taken_in_time_order_whatever_order_they_arrive_in():
    tally = tally_of(("a", 40, "/"), ("a", 0, "/"), ("a", 20, "/"))
    visits, _, _ = tally.decide({}, WINDOW_MS)
    assert visits[(1, DAY)] == 1


def test_a_visitor_seen_recently_by_another_worker_is_not_a_new_visit():
    last_seen = {"a": 10 * 60_000}  # what the database says another worker saw
    visits, views, _ = tally_of(("a", 25, "/")).decide(last_seen, WINDOW_MS)
    assert visits[(1, DAY)] == 0
    assert views[(1, DAY)] == 1
    assert last_seen["a"] == 25 * 60_000


def test_pages_are_counted_per_path():
    tally = tally_of(("a", 0, "/"), ("a", 1, "/news/"), ("b", 2, "/"))
    _, _, paths = tally.decide({}, WINDOW_MS)
    assert paths[(1, DAY, "/")] == 2
    assert paths[(1, DAY, "/news/")] == 1


def test_a_worker_keeps_a_line_per_visitor_and_page_not_per_request():
    # A busy worker sees the same pages thousands of times between two flushes.
    tally = tally_of(*[(f"v{i % 3}", i / 1000, ("/", "/news/")[i % 2]) for i in range(10_000)])
    assert (len(tally.views), len(tally.first_seen)) == (2, 3)
    visits, views, _ = tally.decide({}, WINDOW_MS)
    assert (visits[(1, DAY)], views[(1, DAY)]) == (3, 10_000)


def test_a_tally_kept_after_a_failed_flush_counts_as_one_with_the_views_since():
    kept = tally_of(("a", 0, "/"))
    since = tally_of(("a", 31, "/"), ("b", 32, "/"), ("a", 33, "/news/"))
    kept.absorb(since, WINDOW_MS)
    visits, views, _ = kept.decide({}, WINDOW_MS)
    assert (visits[(1, DAY)], views[(1, DAY)]) == (3, 4)  # a twice (31 min apart), b once


@pytest.fixture
def today(site):
    visits_of(site).filter(day=DAY).delete()
    page_views_of(site).filter(day=DAY).delete()

    def row():
        found = visits_of(site).filter(day=DAY).first()
        return (found.visits, found.page_views) if found else (0, 0)

    return row


@pytest.mark.django_db
def test_two_browsers_behind_one_address_are_two_visitors(site, today):
    counter = MemoryCounter(WINDOW)
    counter.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    counter.record(site.pk, DAY, "/", "203.0.113.5", "Mozilla/5.0 (Windows NT 10.0) Firefox")
    counter.flush()
    assert today() == (2, 2)


@pytest.mark.django_db
def test_a_visitor_served_by_two_workers_is_one_visit(site, today):
    first, second = MemoryCounter(WINDOW), MemoryCounter(WINDOW)
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    second.record(site.pk, DAY, "/news/", "203.0.113.5", PHONE)
    first.flush()
    second.flush()
    assert today() == (1, 2)


@pytest.mark.django_db
def test_a_new_day_is_a_new_visit(site, time_machine):
    counter = MemoryCounter(WINDOW)
    tomorrow = DAY + datetime.timedelta(days=1)
    visits_of(site).filter(day__in=[DAY, tomorrow]).delete()
    midnight = datetime.datetime.combine(tomorrow, datetime.time(), tzinfo=BANGKOK)
    time_machine.move_to(midnight - datetime.timedelta(seconds=30), tick=False)
    counter.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    time_machine.shift(60)  # the same visitor a minute later, on the next day
    counter.record(site.pk, tomorrow, "/", "203.0.113.5", PHONE)
    counter.flush()
    assert visits_of(site).get(day=DAY).visits == 1
    assert visits_of(site).get(day=tomorrow).visits == 1


@pytest.mark.django_db
def test_the_raw_address_is_kept_nowhere(site, today):
    counter = MemoryCounter(WINDOW)
    counter.record(site.pk, DAY, "/", "198.51.100.77", PHONE)
    assert "198.51.100.77" not in repr(vars(counter))
    counter.flush()
    stored = repr(list(VisitorSeen.objects.values_list()))
    assert "198.51.100.77" not in stored


@pytest.mark.django_db
def test_many_threads_lose_and_double_nothing(site, today):
    counter = MemoryCounter(WINDOW)
    counter._salts[DAY] = counter.salt_for(DAY)  # from the database: fetched before the threads
    threads_count, per_thread = 8, 2000

    def visit(thread):
        for i in range(per_thread):
            counter.record(site.pk, DAY, "/", f"10.0.{thread}.{i % 50}", PHONE)

    threads = [threading.Thread(target=visit, args=(t,)) for t in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    counter.flush()
    assert today() == (threads_count * 50, threads_count * per_thread)


@pytest.mark.django_db
def test_writing_adds_to_the_rows_already_there(site):
    visits_of(site).filter(day=DAY).delete()
    page_views_of(site).filter(day=DAY).delete()
    visits_of(site).create(day=DAY, visits=10, page_views=20)
    key = (site.pk, DAY)
    write_counts(Counter({key: 2}), Counter({key: 5}), Counter({(*key, "/"): 5}))
    write_counts(Counter({key: 1}), Counter({key: 1}), Counter({(*key, "/"): 1}))
    row = visits_of(site).get(day=DAY)
    assert (row.visits, row.page_views) == (13, 26)
    assert page_views_of(site).get(day=DAY, path="/").views == 6


@pytest.mark.django_db
def test_one_flush_of_many_visitors_and_awkward_paths_counts_each_exactly(site, today):
    # A flush's rows reach the database as one text: quotes, commas, backslashes and Thai in a
    # path, and hundreds of visitors, must all come out as they went in.
    paths = ["/ข่าว/ประชาคม-2569/", '/search/?q=it\'s, \\"ok"', "/"]
    counter = MemoryCounter(WINDOW)
    for number in range(600):
        counter.record(site.pk, DAY, paths[number % 3], f"198.51.100.{number % 250}", f"B{number}")
    counter.flush()
    assert today() == (600, 600)
    assert {row.path: row.views for row in page_views_of(site).filter(day=DAY)} == dict.fromkeys(
        paths, 200
    )
    # The same visitors again within the window: page views, no new visits.
    for number in range(600):
        counter.record(site.pk, DAY, "/", f"198.51.100.{number % 250}", f"B{number}")
    counter.flush()
    assert today() == (600, 1200)


@pytest.mark.django_db
def test_a_failed_write_keeps_the_notes_for_the_next_flush(site, today, monkeypatch):
    counter = MemoryCounter(WINDOW)
    counter.record(site.pk, DAY, "/", "203.0.113.5", PHONE)

    def database_down(*args):
        raise RuntimeError("database is locked")

    monkeypatch.setattr("tambon.stats.buffer.write_tally", database_down)
    Flusher(counter, interval_seconds=60).flush()  # logs, keeps the notes
    monkeypatch.undo()
    counter.flush()
    assert today() == (1, 1)


def test_the_flusher_writes_within_its_interval_without_being_asked():
    """A crash loses at most one flush interval: the thread flushes on its own."""

    class Counting:
        flushes = 0

        def tick(self):
            self.flushes += 1

        def flush(self):  # at exit
            pass

    counter = Counting()
    flusher = Flusher(counter, interval_seconds=0.2)
    flusher.start()
    deadline = time.monotonic() + 5
    while counter.flushes == 0 and time.monotonic() < deadline:
        time.sleep(0.05)
    flusher._stop.set()
    assert counter.flushes >= 1, "no flush within 5 s"


def test_after_each_flush_the_thread_does_its_other_chores_even_when_one_fails(monkeypatch):
    """The counter blocks that requests found old are made in this thread (counter.py): a
    chore that fails is logged, and neither the flushes nor the next chores stop."""
    done = []

    class Counting:
        def tick(self):
            done.append("tick")

        def flush(self):  # at exit
            pass

    def failing():
        done.append("failing")
        raise RuntimeError("the database restarted")

    monkeypatch.setattr("tambon.stats.buffer._after_each_tick", [])
    buffer.after_each_tick(failing)
    buffer.after_each_tick(lambda: done.append("next"))
    buffer.after_each_tick(failing)  # once is enough
    flusher = Flusher(Counting(), interval_seconds=0.05)
    flusher.start()
    deadline = time.monotonic() + 5
    while done.count("next") < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    flusher._stop.set()
    assert done[:6] == ["tick", "failing", "next"] * 2


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
row = DailyVisits.objects.all_organizations().get()
print(row.visits, row.page_views)
"""
    out = subprocess.run(
        [sys.executable, "-c", check], check=True, capture_output=True, text=True, timeout=120
    )
    assert out.stdout.split() == ["10", "250"]
