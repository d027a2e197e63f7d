"""Health probes for a load balancer and a monitor: /healthz and /readyz.

/healthz (liveness) says that this process answers; it touches nothing else. /readyz (readiness)
checks, each in a thread of its own with a deadline, so that the answer comes within about
DEADLINE_SECONDS even when a server is frozen:

- database: a new connection to the primary answers ``SELECT 1``;
- replica: when a ``replica`` database is configured, how many seconds its data is behind;
- redis: the Redis of the caches answers PING;
- tasks: when tasks wait in the database (the django-tasks-db backend), how many tasks wait to run.

Only the primary database makes the instance unready (503): without it no page can be made,
whereas the site is built to serve without the others (reads fall back to the primary, the
caches to the database and memory, tasks wait). Those make the answer "degraded" with 200, so
that a shared Redis that stops does not take every instance out of the load balancer at once;
``/readyz?all`` answers 503 for any failure, for a monitor that reads only the status code.

The answer names no host, version or error, only ok/fail per check and two numbers. It is given
before any other middleware: on any Host header (a load balancer probes by address), without a
session, a cookie, CSRF, the page cache or the visitor counter. ALLOWED_HOSTS still guards every
other address.
"""

import json
import threading
import time

import redis
from django.apps import apps
from django.conf import settings
from django.core.cache.backends.redis import RedisCache
from django.db import connections
from django.http import HttpResponse
from django.utils.module_loading import import_string

LIVE_PATH = "/healthz"
READY_PATH = "/readyz"
PATHS = (LIVE_PATH, READY_PATH)
DEADLINE_SECONDS = 1.5  # the whole check; each server's own timeout is shorter or equal
REDIS_TIMEOUT_SECONDS = 0.5
STATEMENT_TIMEOUT_MS = 1000
RETRY_AFTER_SECONDS = 5
REPLICA_ALIAS = "replica"

# Seconds the replica is behind the primary: 0 when it has replayed everything it received
# (an idle primary writes nothing, so the time of the last replayed change says nothing then),
# and 0 on a server that is not in recovery (a promoted replica, or the primary itself).
REPLICA_LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())
END
"""


def _settings_number(name, default):
    return getattr(settings, name, default)


# Checks -------------------------------------------------------------------------------------
# Each returns a dict with "ok" and maybe a number; an exception is a failure, reported without
# its text. Each runs in a thread of its own and closes the connections it opened.


def _with_cursor(alias, work):
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"SET statement_timeout = {int(STATEMENT_TIMEOUT_MS)}")
            return work(cursor)
    finally:
        connection.close()


def check_database():
    def select_one(cursor):
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1

    return {"ok": _with_cursor("default", select_one)}


def replica_configured():
    return REPLICA_ALIAS in settings.DATABASES


def check_replica():
    def lag(cursor):
        cursor.execute(REPLICA_LAG_SQL)
        value = cursor.fetchone()[0]
        return None if value is None else round(float(value), 1)

    seconds = _with_cursor(REPLICA_ALIAS, lag)
    limit = _settings_number("TAMBON_HEALTH_MAX_REPLICA_LAG_SECONDS", 30)
    return {"ok": seconds is not None and seconds <= limit, "lag_seconds": seconds}


def redis_addresses():
    """The Redis servers of the caches (their addresses stay here, never in the answer)."""
    addresses = []
    for options in settings.CACHES.values():
        backend = import_string(options["BACKEND"])
        if issubclass(backend, RedisCache):
            location = options["LOCATION"]
            for address in location if isinstance(location, list | tuple) else [location]:
                if address not in addresses:
                    addresses.append(address)
    return addresses


def check_redis():
    for address in redis_addresses():
        client = redis.Redis.from_url(
            address,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
        )
        try:
            client.ping()
        finally:
            client.close()
    return {"ok": True}


def tasks_configured():
    """Whether tasks wait in the database for a worker (every profile but the unit tests')."""
    backends = getattr(settings, "TASKS", {}).values()
    return apps.is_installed("django_tasks_db") and any(
        backend.get("BACKEND", "").startswith("django_tasks_db.") for backend in backends
    )


def check_tasks():
    from django_tasks_db.models import DBTaskResult

    def backlog(_cursor):
        # The library's table, not an organization's: the whole queue's tasks that are due.
        return DBTaskResult.objects.ready().count()

    count = _with_cursor("default", backlog)
    limit = _settings_number("TAMBON_HEALTH_MAX_TASK_BACKLOG", 1000)
    return {"ok": count <= limit, "backlog": count}


def checks():
    """name -> (check, whether its failure makes the instance unready)."""
    found = {"database": (check_database, True)}
    if replica_configured():
        found["replica"] = (check_replica, False)
    if redis_addresses():
        found["redis"] = (check_redis, False)
    if tasks_configured():
        found["tasks"] = (check_tasks, False)
    return found


# Running them -------------------------------------------------------------------------------

# A check still running from an earlier probe (its server frozen) is not started again: the
# probe reports it failed at once, and no threads pile up while a server does not answer.
_running = set()
_running_lock = threading.Lock()
# The last report and when it was made: probes from many load balancers within
# TAMBON_HEALTH_REUSE_SECONDS share it, so that /readyz costs the servers little however often
# it is asked.
_last = {"at": float("-inf"), "report": None}


def _run(name, check, results):
    try:
        results[name] = check()
    except Exception:  # a failure is reported as such; its text could name a host
        results[name] = {"ok": False}
    finally:
        with _running_lock:
            _running.discard(name)


def run_checks(deadline_seconds=DEADLINE_SECONDS):
    """{"status": "ok"|"degraded"|"unready", "checks": {name: {"ok": bool, ...}}}."""
    results = {}
    started = []
    found = checks()
    for name, (check, _required) in found.items():
        with _running_lock:
            if name in _running:
                results[name] = {"ok": False}
                continue
            _running.add(name)
        thread = threading.Thread(
            target=_run, args=(name, check, results), name=f"health-{name}", daemon=True
        )
        thread.start()
        started.append((name, thread))
    end = time.monotonic() + deadline_seconds
    for _name, thread in started:
        thread.join(max(0.0, end - time.monotonic()))
    report = {name: dict(results.get(name, {"ok": False})) for name in found}
    if not all(report[name]["ok"] for name, (_check, required) in found.items() if required):
        status = "unready"
    elif all(result["ok"] for result in report.values()):
        status = "ok"
    else:
        status = "degraded"
    return {"status": status, "checks": report}


def readiness():
    reuse = _settings_number("TAMBON_HEALTH_REUSE_SECONDS", 1.0)
    now = time.monotonic()
    if _last["report"] is None or now - _last["at"] >= reuse:
        _last["report"] = run_checks()
        _last["at"] = time.monotonic()
    return _last["report"]


def _json_response(body, status=200):
    response = HttpResponse(json.dumps(body), content_type="application/json", status=status)
    response["Cache-Control"] = "no-store"
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def health_response(request):
    if request.method not in ("GET", "HEAD"):
        response = _json_response({"status": "method not allowed"}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    if request.path == LIVE_PATH:
        return _json_response({"status": "ok"})
    report = readiness()
    strict = "all" in request.GET
    failed = report["status"] == "unready" or (strict and report["status"] != "ok")
    return _json_response(report, status=503 if failed else 200)


class HealthMiddleware:
    """First middleware: answers the health paths before the host checks, sessions, CSRF, the
    page cache and the visitor counter see the request (none of them runs for it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info in PATHS:
            return health_response(request)
        return self.get_response(request)
