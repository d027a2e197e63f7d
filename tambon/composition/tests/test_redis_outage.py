"""The production profile's caches with Redis gone or frozen (through a loopback proxy in front
of a real Redis): pages, sign-in limits, complaints and tracking keep working, a frozen Redis does
not make every visitor wait, and nothing changed meanwhile is served stale once Redis is back."""

import pytest
import redis
from django.contrib.auth import get_user_model
from django.test import Client

from tambon.cases.models import Case
from tambon.cases.tests.test_public_forms import complaint_data
from tambon.core import pagecache, redis_cache
from tambon.core.redis_cache import shared_caches
from tambon.core.tests.loopback_proxy import LoopbackProxy
from tambon.core.tests.test_pagecache import get

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tax_notice")]
PASSWORD = "correct-horse-battery"
REST_SECONDS = 5


@pytest.fixture
def proxy(redis_url):
    server = redis.Redis.from_url(redis_url)
    server.flushdb()
    target = server.connection_pool.connection_kwargs
    proxy = LoopbackProxy(target["host"], target["port"])
    yield proxy
    proxy.close()


@pytest.fixture(autouse=True)
def production_caches(settings, proxy, monkeypatch):
    """The caches as production has them, in the Redis behind the proxy; every worker's memory
    of Redis's health and of the page generation starts afresh."""
    settings.CACHES = shared_caches(proxy.url(), 0.5, REST_SECONDS, settings.CACHES["limits"])
    monkeypatch.setattr(pagecache, "GENERATION_POLL_SECONDS", 0)
    monkeypatch.setattr(
        pagecache, "_polled_generation", {"at": float("-inf"), "value": 0, "missed": False}
    )
    monkeypatch.setattr(redis_cache, "_resting_until", {})
    pagecache._local_pages.clear()


def redis_answers_again(proxy, monkeypatch):
    proxy.come_back()
    monkeypatch.setattr(redis_cache, "_resting_until", {})  # as when the pause has run out


def test_pages_sign_in_complaints_and_tracking_work_while_redis_is_down(
    app, proxy, starter_categories
):
    proxy.go_down()
    for _ in range(2):
        status, headers, body = get(app)
        assert status == "200 OK"
        assert "ประชาสัมพันธ์การชำระภาษี" in body
        assert "X-Cache" not in headers  # rendered each time, not served from a dead cache

    get_user_model().objects.create_user("clerk", password=PASSWORD, is_staff=True)
    staff = Client()
    for _ in range(5):
        wrong = staff.post("/admin/login/", {"username": "clerk", "password": "wrong"})
        assert wrong.status_code == 200
    # The wrong passwords were still counted, in the database, shared by every worker.
    right = staff.post("/admin/login/", {"username": "clerk", "password": PASSWORD})
    assert right.status_code == 429

    citizen = Client()
    sent = citizen.post("/cases/new/complaint/", complaint_data())
    assert sent.status_code == 302
    assert Case.objects.all_organizations().filter(subject="ถนนหมู่ 3 เป็นหลุมลึก").exists()
    tracked = citizen.post("/cases/track/", {"action": "open", "code": "AAAA-BBBB", "secret": "1"})
    assert tracked.status_code == 200


def test_a_frozen_redis_is_asked_once_per_pause_not_once_per_page(app, proxy):
    proxy.freeze()
    for _ in range(10):
        status, _, body = get(app)
        assert status == "200 OK"
        assert "ประชาสัมพันธ์การชำระภาษี" in body
    # One visitor waited for Redis's timeout (a connection's greeting and one question, at
    # most); the nine after were not made to wait for it.
    assert 1 <= proxy.requests_unanswered <= 2


def test_a_page_changed_while_redis_was_down_is_not_served_stale_once_it_is_back(
    app, proxy, tax_notice, monkeypatch
):
    get(app)
    assert get(app)[1]["X-Cache"] == "hit"  # kept in Redis, for every worker
    old_generation = pagecache._polled_generation["value"]

    proxy.go_down()
    tax_notice.title = "ประกาศแก้ไขระหว่างที่ Redis หยุด"
    tax_notice.save_revision().publish()  # the editor's publish does not fail
    assert "ประกาศแก้ไขระหว่างที่ Redis หยุด" in get(app)[2]

    redis_answers_again(proxy, monkeypatch)
    assert "ประกาศแก้ไขระหว่างที่ Redis หยุด" in get(app)[2]
    # Another worker, which saw nothing of the outage, still knows the old generation and
    # the page kept under it: it must not show that page.
    monkeypatch.setattr(
        pagecache,
        "_polled_generation",
        {"at": float("-inf"), "value": old_generation, "missed": False},
    )
    pagecache._local_pages.clear()
    assert "ประกาศแก้ไขระหว่างที่ Redis หยุด" in get(app)[2]
