"""The load balancer's probes: /healthz and /readyz answer on any host, quickly, and say only
ok/fail per check (core/health.py)."""

import json
import time

import pytest
from django.db import connections
from django.test import Client

from serverkit import ServerError
from serverkit.engines import PostgresServer, RedisServer
from tambon.core.redis_cache import embedded_caches, shared_caches
from tambon.settings.base import LIMITS_TABLE


@pytest.fixture(autouse=True)
def fresh_report(settings):
    """Each test makes its own report (probes within a second otherwise share one), in the
    embedded profile unless it starts its own Redis (the PostgreSQL run of `make test` gives
    the suite a Redis)."""
    settings.TAMBON_HEALTH_REUSE_SECONDS = 0
    settings.CACHES = embedded_caches(LIMITS_TABLE)


def probe(path, host="10.0.0.7", client=None):
    """As a load balancer asks: by the instance's address, not a site's host name."""
    return (client or Client()).get(path, HTTP_HOST=host)


def test_liveness_answers_on_any_host_and_sets_nothing(db):
    response = probe("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    # The same unknown host is still refused everywhere else.
    assert probe("/").status_code == 400


def test_readiness_reports_the_database_and_only_what_is_configured(db):
    response = probe("/readyz")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    # Neither a replica, nor Redis, nor the task queue in the test settings.
    assert json.loads(response.content) == {"status": "ok", "checks": {"database": {"ok": True}}}


def test_a_database_that_does_not_answer_makes_the_instance_unready(db, monkeypatch):
    # New connections (the probe's) go to a database that is not there.
    monkeypatch.setitem(connections.settings["default"], "NAME", "/nonexistent/tambon/db")
    response = probe("/readyz")
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    body = response.content.decode()
    assert json.loads(body) == {"status": "unready", "checks": {"database": {"ok": False}}}
    assert "nonexistent" not in body


def test_other_methods_are_refused(db):
    response = Client().post("/readyz", HTTP_HOST="10.0.0.7")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# Redis ---------------------------------------------------------------------------------------


@pytest.fixture
def redis_server(tmp_path):
    try:
        server = RedisServer(tmp_path / "redis", durable=False).start()
    except ServerError as error:
        pytest.fail(str(error))
    yield server
    server.stop()


def test_a_frozen_redis_degrades_within_the_deadline(db, settings, redis_server):
    settings.CACHES = shared_caches(redis_server.url, 0.5, 2, settings.CACHES["limits"])
    response = probe("/readyz")
    assert json.loads(response.content)["checks"]["redis"] == {"ok": True}
    assert response.status_code == 200

    redis_server.freeze()
    try:
        started = time.monotonic()
        response = probe("/readyz")
        took = time.monotonic() - started
        strict = probe("/readyz?all")
    finally:
        redis_server.thaw()
    assert took < 2
    # The site serves without Redis: still in the load balancer, but "degraded".
    assert response.status_code == 200
    body = response.content.decode()
    assert json.loads(body) == {
        "status": "degraded",
        "checks": {"database": {"ok": True}, "redis": {"ok": False}},
    }
    assert str(redis_server.port) not in body
    # A monitor that reads only the status code asks for every check.
    assert strict.status_code == 503
    assert strict["Retry-After"] == "5"


# The replica -----------------------------------------------------------------------------------


@pytest.fixture
def postgres():
    try:
        server = PostgresServer().create()
    except ServerError as error:
        pytest.fail(str(error))
    yield server
    server.remove()


def test_replica_lag_is_reported_and_a_stopped_replica_only_degrades(
    django_db_setup, django_db_blocker, settings, monkeypatch, postgres
):
    # Outside a test's transaction: Django's test case refuses an alias it did not set up.
    import dj_database_url

    replica = dj_database_url.parse(postgres.url)
    replica["OPTIONS"] = {"connect_timeout": 5}
    for name, value in connections.settings["default"].items():
        replica.setdefault(name, value)
    settings.DATABASES = {**settings.DATABASES, "replica": replica}
    monkeypatch.setitem(connections.settings, "replica", replica)

    # A server that is not in recovery (here a primary; in production a promoted replica) is
    # not behind: 0 s.
    with django_db_blocker.unblock():
        response = probe("/readyz")
    assert json.loads(response.content)["checks"]["replica"] == {"ok": True, "lag_seconds": 0.0}
    assert response.status_code == 200

    postgres.stop()
    with django_db_blocker.unblock():
        response = probe("/readyz")
    assert response.status_code == 200  # reads fall back to the primary
    assert json.loads(response.content) == {
        "status": "degraded",
        "checks": {"database": {"ok": True}, "replica": {"ok": False}},
    }
