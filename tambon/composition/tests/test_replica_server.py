"""A real streaming replica of the test PostgreSQL server (serverkit.engines.PostgresReplica):
public listings read from it, see the primary's rows once replayed, and keep answering from
the primary, without an error, while it is stopped or frozen. Only in the PostgreSQL run
(conftest.py deselects these tests elsewhere).

The rows are committed (transactional tests): a replica sees nothing of a test's transaction.
That empties the database after each test: conftest.py runs these before the other tests
without the demo, and the module fixture puts the migrations' rows back at the end.
"""

import time

import pytest
from django.conf import settings
from django.db import connections

from serverkit.engines import PostgresReplica
from tambon.core import replica as replica_routing
from tambon.core.pagecache import purge
from tambon.pages.tests.factories import NewsPageFactory

from .test_replica_routing import FIRST_POST, Reads

pytestmark = [
    pytest.mark.postgres_replica,
    pytest.mark.django_db(
        transaction=True, serialized_rollback=True, databases=["default", "replica"]
    ),
]

REPLAY_WAIT = 20  # seconds for a row to reach the replica


@pytest.fixture(scope="module")
def replica_server(django_db_setup, django_db_blocker):
    """The replica, and the "replica" alias on it as settings/base.py makes it (1 s to connect,
    a test mirror of default); made before the tests' database set-up, which must know it."""
    default = connections["default"].settings_dict
    server = PostgresReplica(int(default["PORT"])).create()
    settings.DATABASES["replica"] = {
        **default,
        "HOST": "127.0.0.1",
        "PORT": server.port,
        "OPTIONS": {"connect_timeout": 1},
        "TEST": {**default["TEST"], "MIRROR": "default"},
    }
    yield server
    connections["replica"].close()
    del connections["replica"]
    del settings.DATABASES["replica"]
    server.remove()
    # The last test's flush emptied the database: the migrations' rows back (as Django puts
    # them back before a serialized_rollback test), for the tests that run after these.
    with django_db_blocker.unblock():
        connection = connections["default"]
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture
def replica(replica_server, monkeypatch):
    """After a failure the replica rests for 2 s here; each test starts with it not resting."""
    monkeypatch.setattr(replica_routing, "_resting_until", 0.0)
    monkeypatch.setattr(settings, "TAMBON_REPLICA_REST_SECONDS", 2.0, raising=False)
    yield replica_server
    replica_server.thaw()
    if not (replica_server.data / "postmaster.pid").exists():
        replica_server.start()


def replayed(sql):
    """Wait until the replica answers the query with a row."""
    deadline = time.monotonic() + REPLAY_WAIT
    while time.monotonic() < deadline:
        with connections["replica"].cursor() as cursor:
            cursor.execute(sql)
            if cursor.fetchone():
                return
        time.sleep(0.1)
    raise AssertionError(f"not replayed in {REPLAY_WAIT} s: {sql}")


def news_post(title):
    return f"SELECT 1 FROM wagtailcore_page WHERE title = '{title}'"  # noqa: S608 - the tests' own


def listing(client, news):
    """The news listing, rendered now (not from the page cache), and where it read."""
    purge()
    started = time.monotonic()
    with Reads() as reads:
        response = client.get(news.url)
    reads.seconds = time.monotonic() - started
    assert response.status_code == 200
    return response.content.decode(), reads


def test_a_listing_reads_the_replica_which_shows_a_post_once_replayed(client, news, replica):
    replayed(news_post(FIRST_POST))
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    NewsPageFactory(parent=news, title="ประชุมสภา อบต. สมัยที่สอง")
    html, reads = listing(client, news)
    # Written on the primary, not yet replayed: the listing, read on the replica, lags.
    assert FIRST_POST in html
    assert "ประชุมสภา อบต. สมัยที่สอง" not in html
    assert reads.on_replica("pages_newspage")
    assert not reads.on_primary("pages_newspage")

    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_resume()")
    replayed(news_post("ประชุมสภา อบต. สมัยที่สอง"))
    html, reads = listing(client, news)
    assert "ประชุมสภา อบต. สมัยที่สอง" in html
    assert reads.on_replica("pages_newspage")


def test_a_stopped_or_frozen_replica_leaves_the_listing_to_the_primary_then_serves_again(
    client, news, replica
):
    replayed(news_post(FIRST_POST))
    html, reads = listing(client, news)
    assert reads.on_replica("pages_newspage")

    replica.stop()  # its open connection ends with it
    html, reads = listing(client, news)
    assert FIRST_POST in html  # no error: read again on the primary
    assert reads.on_primary("pages_newspage")
    html, reads = listing(client, news)
    assert reads.replica.captured_queries == []  # resting: not even tried
    assert reads.on_primary("pages_newspage")

    replica.start()
    time.sleep(2.5)  # the rest after the failure is over
    html, reads = listing(client, news)
    assert reads.on_replica("pages_newspage")

    # Frozen: a new connection waits its connect_timeout (1 s), once; the next listings do not
    # ask the replica while it rests and answer at once from the primary.
    connections["replica"].close()
    replica.freeze()
    html, reads = listing(client, news)
    assert FIRST_POST in html
    assert reads.seconds >= 1
    for _ in range(3):
        html, reads = listing(client, news)
        assert FIRST_POST in html
        assert reads.seconds < 1
        assert reads.on_primary("pages_newspage")

    replica.thaw()
    time.sleep(2.5)
    html, reads = listing(client, news)
    assert reads.on_replica("pages_newspage")
