"""Reads that tolerate a second of lag go to the streaming replica; everything else to the primary.

Django's routers decide per model, a page decides per request: a view that may be served from a
replica says so with ``@reads_from_replica``, or a page type with ``ServedFromReplica``: the news,
procurement and information-center pages (listings, their CSV/JSON open data, the procurement
summaries and yearly reports), search and the news feeds. Inside it,
``ReplicaRouter.db_for_read`` answers "replica" unless

- the request is not a GET or HEAD, or the view wrote rows already (then it sees its write);
- a ``transaction.atomic`` block is open on the primary;
- the model is one of PRIMARY_ONLY_APPS (sessions, sign-in, the limits table, tasks);
- the replica is resting: it failed lately.

Everything outside such a view reads the primary: a citizen's tracking page right after the
complaint, sign-in, the admin (an editor's preview of a listing too). No replica configured
(no "replica" in DATABASES): nothing changes.

When the replica fails (stopped, frozen: it gets ``connect_timeout`` seconds, see settings), the
view is run again on the primary, and this process leaves the replica alone for
TAMBON_REPLICA_REST_SECONDS: one outage costs one timeout per pause, not one per query (as
core/redis_cache.py does for Redis). Replication lag is not measured here: a listing may be up to
the replica's delay behind, which on a healthy replica is well under a second.
"""

import contextlib
import contextvars
import functools
import logging
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpRequest

logger = logging.getLogger(__name__)

REPLICA = "replica"
SAFE_METHODS = ("GET", "HEAD")
WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE ")
# Apps whose rows are read where freshness matters whatever the page: who is signed in, the
# session, the sign-in and tracking limits (DatabaseCache's model is "django_cache"), tasks.
PRIMARY_ONLY_APPS = frozenset(
    {
        "auth",
        "sessions",
        "contenttypes",
        "django_cache",
        "wagtailusers",
        "otp_totp",
        "django_tasks_database",
    }
)

_resting_until = 0.0  # monotonic time; module-level: one value for every thread of the process


class _Reading:
    """What one lag-tolerant view did so far."""

    __slots__ = ("used_replica", "wrote")

    def __init__(self):
        self.used_replica = False
        self.wrote = False

    def note_writes(self, execute, sql, params, many, context):
        """An execute_wrapper of the primary: a statement that changes rows was sent. (Not the
        router's db_for_write: get_or_create asks it before reading, and Wagtail's site
        settings are read that way on every page.)"""
        if sql.lstrip()[:6].upper() in WRITES:
            self.wrote = True
        return execute(sql, params, many, context)


_reading: contextvars.ContextVar = contextvars.ContextVar("tambon_replica_reading", default=None)


def replica_configured():
    return REPLICA in settings.DATABASES


def is_resting():
    return time.monotonic() < _resting_until


def rest(error):
    global _resting_until
    seconds = settings.TAMBON_REPLICA_REST_SECONDS
    if not is_resting():
        logger.warning(
            "The database replica failed (%s); reads go to the primary for %s s",
            type(error).__name__,
            seconds,
        )
    _resting_until = time.monotonic() + seconds
    with contextlib.suppress(Exception):  # a broken connection may fail to close; it is dropped
        connections[REPLICA].close()


def _in_own_atomic_block(alias=DEFAULT_DB_ALIAS):
    """A transaction.atomic of the code, not one a test case wraps each test in."""
    blocks = connections[alias].atomic_blocks
    return any(not getattr(block, "_from_testcase", False) for block in blocks)


def reads_from_replica(view):
    """For a view (a function, or a method whose first argument after self is the request)
    whose reads may be up to a second behind the primary."""

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        request = next(arg for arg in args if isinstance(arg, HttpRequest))
        if (
            not replica_configured()
            or request.method not in SAFE_METHODS
            or getattr(request, "is_preview", False)  # an editor's preview, in the admin
            or _reading.get() is not None
        ):
            return view(*args, **kwargs)
        state = _Reading()
        token = _reading.set(state)
        try:
            with connections[DEFAULT_DB_ALIAS].execute_wrapper(state.note_writes):
                return _rendered(view(*args, **kwargs))
        except (OperationalError, InterfaceError) as error:
            if not state.used_replica:
                raise
            rest(error)
        finally:
            _reading.reset(token)
        # The replica failed: the same view again, on the primary (nothing was written: a view
        # that writes reads the primary from then on).
        return view(*args, **kwargs)

    return wrapper


def _rendered(response):
    """A TemplateResponse runs its queries when rendered: render it while the view reads the
    replica, so that its queries are routed (and a failure caught) here."""
    render = getattr(response, "render", None)
    if render is not None and not getattr(response, "is_rendered", True):
        render()
    return response


class ReplicaRouter:
    """settings.DATABASE_ROUTERS; decides nothing unless a replica is configured."""

    def db_for_read(self, model, **hints):
        if not replica_configured():
            return None
        state = _reading.get()
        if (
            state is None
            or state.wrote
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or is_resting()
            or _in_own_atomic_block()
        ):
            return DEFAULT_DB_ALIAS
        state.used_replica = True
        return REPLICA

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS if replica_configured() else None

    def allow_relation(self, obj1, obj2, **hints):
        if not replica_configured():
            return None
        return {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA, None}

    def allow_migrate(self, db, app_label, **hints):
        if db == REPLICA:
            return False  # it follows the primary's schema
        return None


class ServedFromReplica:
    """For a page type whose every route is a lag-tolerant public read (a listing, its open-data
    downloads and reports); first among the bases, before RoutablePageMixin."""

    @reads_from_replica
    def serve(self, request, *args, **kwargs):
        return super().serve(request, *args, **kwargs)
