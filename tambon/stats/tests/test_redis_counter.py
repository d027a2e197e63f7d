"""The production profile's counter, on a real Redis server: shared by workers, exact once."""

import datetime
import threading
import time
from collections import Counter

import pytest
import redis

from tambon.core.tests.loopback_proxy import LoopbackProxy
from tambon.stats.models import FlushedBatch
from tambon.stats.redis_counter import (
    BATCHES,
    FLUSH_LOCK,
    PENDING,
    PREFIX,
    RedisCounter,
    parse_batch,
)
from tambon.stats.tasks import write_counted_views
from tambon.stats.tests.factories import page_views_of, visits_of
from tambon.thai.dates import BANGKOK

pytestmark = pytest.mark.django_db
DAY = datetime.date(2026, 11, 24)
PHONE = "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile"


@pytest.fixture
def workers(redis_url, site):
    """Two counters on one Redis, as two worker processes would have."""
    redis.Redis.from_url(redis_url).flushdb()
    visits_of(site).filter(day=DAY).delete()
    page_views_of(site).filter(day=DAY).delete()
    return RedisCounter(redis_url, 30 * 60), RedisCounter(redis_url, 30 * 60)


def row(site):
    found = visits_of(site).filter(day=DAY).first()
    return (found.visits, found.page_views) if found else (0, 0)


def test_a_visitor_served_by_two_workers_is_one_visit(workers, site):
    first, second = workers
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    second.record(site.pk, DAY, "/news/", "203.0.113.5", PHONE)
    first.flush()
    second.flush()
    assert row(site) == (1, 2)
    assert page_views_of(site).get(day=DAY, path="/news/").views == 1


def test_pushed_but_unwritten_visits_of_all_workers_show_on_the_counter(workers, site):
    first, second = workers
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    second.record(site.pk, DAY, "/", "198.51.100.1", PHONE)
    first.push()
    second.push()
    assert first.pending_visits(site.pk) == {DAY: 2}


def test_a_sites_counter_shows_its_own_pending_visits_of_every_day_and_no_other_sites(
    workers, site
):
    first, second = workers
    other_site_id = site.pk + 1
    next_day = DAY + datetime.timedelta(days=1)
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    first.record(other_site_id, DAY, "/", "198.51.100.1", PHONE)
    second.record(site.pk, next_day, "/news/", "198.51.100.7", PHONE)
    first.push()
    second.push()
    assert first.pending_visits(site.pk) == {DAY: 1, next_day: 1}
    assert second.pending_visits(other_site_id) == {DAY: 1}
    assert first.pending_visits(other_site_id + 1) == {}
    # Many sites in one call (the counter blocks a worker makes together), each its own.
    assert second.pending_visits_of_sites([other_site_id + 1, other_site_id, site.pk]) == {
        other_site_id + 1: {},
        other_site_id: {DAY: 1},
        site.pk: {DAY: 1, next_day: 1},
    }


def test_a_flush_of_more_than_one_part_counts_thai_paths_and_every_visitor(workers, site):
    """Over ITEMS_PER_PART counts and visitors: the tally goes to Redis in several parts."""
    first, second = workers
    addresses = [f"198.51.{n // 250}.{n % 250}" for n in range(1200)]
    for address in addresses:
        first.record(site.pk, DAY, f"/ข่าว/{address}/", address, PHONE)
    first.record(site.pk, DAY, "/ข่าว/", addresses[0], PHONE)
    first.push()
    assert second.pending_visits(site.pk) == {DAY: 1200}
    second.write_batches()
    assert row(site) == (1200, 1201)
    assert page_views_of(site).get(day=DAY, path="/ข่าว/").views == 1
    assert page_views_of(site).get(day=DAY, path=f"/ข่าว/{addresses[-1]}/").views == 1


def test_page_views_apart_by_more_than_the_window_are_two_visits_across_workers(
    workers, site, time_machine
):
    first, second = workers
    time_machine.move_to(
        datetime.datetime.combine(DAY, datetime.time(9), tzinfo=BANGKOK), tick=False
    )
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    first.push()
    time_machine.shift(29 * 60)
    second.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    time_machine.shift(31 * 60)
    second.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    second.flush()
    assert row(site) == (2, 3)


def test_notes_not_sent_while_redis_is_away_are_sent_later(workers, site, monkeypatch):
    first, _ = workers
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    real_push = first._push

    def redis_away(**kwargs):
        raise redis.ConnectionError("connection refused")

    monkeypatch.setattr(first, "_push", redis_away)
    with pytest.raises(redis.ConnectionError):
        first.flush()
    monkeypatch.setattr(first, "_push", real_push)
    first.flush()
    assert row(site) == (1, 1)


def test_many_threads_on_two_workers_lose_and_double_nothing(workers, site):
    def visit(counter, thread):
        for i in range(250):
            counter.record(site.pk, DAY, "/", f"10.{thread}.0.{i % 25}", PHONE)

    # The day's salt is in the database, which these threads cannot reach: each worker first
    # serves one visitor in the test's own thread (one visit, two page views).
    for counter in workers:
        counter.record(site.pk, DAY, "/", "10.99.0.1", PHONE)
    threads = [threading.Thread(target=visit, args=(workers[t % 2], t)) for t in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    workers[0].flush()
    workers[1].flush()
    assert row(site) == (8 * 25 + 1, 8 * 250 + 2)


def test_a_batch_left_by_a_worker_that_died_after_writing_is_not_counted_again(
    workers, site, redis_url
):
    first, second = workers
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    first.flush()
    assert row(site) == (1, 1)
    # Replay the moment between the database commit and the delete: the batch is still in Redis.
    client = redis.Redis.from_url(redis_url)
    written_id = FlushedBatch.objects.latest("flushed_at").pk
    client.hset(f"{PREFIX}batch:{written_id}", f"p|{site.pk}|{DAY}", 1)
    client.sadd(BATCHES, written_id)
    second.flush()
    assert row(site) == (1, 1)
    assert not client.exists(f"{PREFIX}batch:{written_id}")


def test_a_batch_left_by_a_worker_that_died_before_writing_is_written_by_the_next(
    workers, site, redis_url
):
    first, second = workers
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    first.push()
    client = redis.Redis.from_url(redis_url)
    client.rename(PENDING, f"{PREFIX}batch:orphan")  # sealed, then the worker died
    client.sadd(BATCHES, "orphan")
    second.flush()
    assert row(site) == (1, 1)


def test_a_failed_database_write_keeps_the_batch_in_redis(workers, site, monkeypatch):
    first, _ = workers
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)

    def database_down(*args):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr("tambon.stats.redis_counter.write_counts", database_down)
    with pytest.raises(RuntimeError):
        first.flush()
    monkeypatch.undo()
    first.flush()
    assert row(site) == (1, 1)


def test_workers_stopping_together_write_every_page_view(workers, site, monkeypatch):
    """At shutdown every worker flushes at once; none may leave its counts behind in Redis.
    (Threads have no database here, so the batches are collected instead of written.)"""
    collected = Counter()
    collected_lock = threading.Lock()

    def collect(counter, batch_id):
        batch_key = f"{PREFIX}batch:{batch_id}"
        visits, views, _ = parse_batch(counter.redis.hgetall(batch_key))
        with collected_lock:
            collected["visits"] += sum(visits.values())
            collected["views"] += sum(views.values())
        counter.redis.delete(batch_key)
        counter.redis.srem(BATCHES, batch_id)

    monkeypatch.setattr(RedisCounter, "_write_batch", collect)
    first, second = workers
    for i in range(50):
        second.record(site.pk, DAY, "/", f"10.0.1.{i}", PHONE)
    # The first worker is in the middle of its own flush: it holds the lock.
    first.redis.set(FLUSH_LOCK, "first-worker")
    stopping = threading.Thread(target=second.flush)
    stopping.start()
    time.sleep(0.3)
    first.redis.delete(FLUSH_LOCK)  # the first worker is done
    stopping.join(timeout=15)
    assert (collected["visits"], collected["views"]) == (50, 50)
    assert not first.redis.exists(PENDING)


@pytest.fixture
def proxied(redis_url, site):
    """A worker's counter that reaches Redis through a loopback proxy, to give it faults."""
    redis.Redis.from_url(redis_url).flushdb()
    visits_of(site).filter(day=DAY).delete()
    target = redis.Redis.from_url(redis_url).connection_pool.connection_kwargs
    proxy = LoopbackProxy(target["host"], target["port"])
    yield proxy, RedisCounter(proxy.url(), 30 * 60)
    proxy.close()


def test_counts_whose_answer_was_lost_are_counted_once(proxied, site):
    proxy, counter = proxied
    counter.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    counter.flush()  # the scripts are known to Redis from here on
    counter.record(site.pk, DAY, "/news/", "198.51.100.1", PHONE)
    proxy.cut_next_answer_to(b"EVALSHA", b"EXEC")
    try:
        counter.flush()
    except redis.RedisError:
        counter.flush()  # the next flush interval
    assert proxy.answers_cut == 1
    assert row(site) == (2, 2)
    assert page_views_of(site).get(day=DAY, path="/news/").views == 1


def test_a_worker_counts_on_while_redis_is_down_and_sends_it_all_when_it_is_back(proxied, site):
    proxy, counter = proxied
    counter.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    proxy.go_down()
    with pytest.raises(redis.RedisError):
        counter.flush()
    assert counter.pending_visits(site.pk) == {}  # a page asking now is not kept waiting
    counter.record(site.pk, DAY, "/news/", "203.0.113.5", PHONE)
    proxy.freeze()
    with pytest.raises(redis.RedisError):
        counter.flush()
    counter.record(site.pk, DAY, "/news/", "198.51.100.1", PHONE)
    proxy.come_back()
    counter.flush()
    assert row(site) == (2, 3)


def test_web_workers_only_send_their_counts_and_the_background_task_writes_them(
    workers, site, settings, redis_url
):
    """Every flush interval a worker's thread sends its tally to Redis; the database rows are
    written by the task worker's write_counted_views, once, however often it runs."""
    first, second = workers
    first.record(site.pk, DAY, "/", "203.0.113.5", PHONE)
    second.record(site.pk, DAY, "/", "198.51.100.1", PHONE)
    second.record(site.pk, DAY, "/news/", "198.51.100.1", PHONE)
    first.tick()
    second.tick()
    assert row(site) == (0, 0)
    assert first.pending_visits(site.pk) == {DAY: 2}  # the counter on the page shows them already

    settings.REDIS_URL = redis_url  # the task worker's own counter reads the same Redis
    write_counted_views.enqueue()  # the unit tests' backend runs it at once
    assert row(site) == (2, 3)
    write_counted_views.enqueue()
    assert row(site) == (2, 3)
    assert first.pending_visits(site.pk) == {}
