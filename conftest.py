"""Test set-up shared by every app.

Each test runs inside a transaction that is rolled back afterwards, and builds the data it
needs itself, with the factories of the apps (``tambon/<app>/tests/factories.py``). The
``site`` and ``home`` fixtures give a small organization site made by those factories.

The whole demo organization (``load_demo``) is for the few tests whose subject it is: they ask
for the ``demo`` fixture (or ``demo_site``/``demo_home``). It is built once, the first time a
test asks for it, outside any test's transaction, so it stays in the test database until the
end of the session. That is why ``pytest_collection_modifyitems`` below runs every test that
uses it after all tests that do not: a test without ``demo`` always starts from a clean
database (the migrations' rows and nothing else).
"""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

E2E_DIR = Path(__file__).resolve().parent / "e2e"


def pytest_collection_modifyitems(config, items):
    """Unit tests that use the demo run after those that do not, and the browser tests (e2e/)
    after every unit test: Playwright leaves an event loop in the main thread, in which Django
    refuses to touch the database, and the demo is built lazily. The tests with a real replica
    come first, on the fresh database that their serialized_rollback copied (after another
    transactional test's flush, the content types are made again under other keys, and the
    copy would clash); they commit, and their module puts the migrations' rows back at its end.
    A stable sort keeps the order within each group."""
    items.sort(
        key=lambda item: (
            item.path.is_relative_to(E2E_DIR),
            "demo" in getattr(item, "fixturenames", ()),
            item.get_closest_marker("postgres_replica") is None,
        )
    )
    # Tests marked postgres_replica start a streaming replica of the test server: they belong
    # to the PostgreSQL run (make test) and are reported as deselected in the SQLite one.
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        deselected = [item for item in items if item.get_closest_marker("postgres_replica")]
        if deselected:
            config.hook.pytest_deselected(items=deselected)
            items[:] = [item for item in items if item not in deselected]


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The demo organization, built on first use and kept until the session ends."""
    with django_db_blocker.unblock():
        call_command("load_demo", verbosity=0)


@pytest.fixture
def demo_site(demo, db):
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


@pytest.fixture
def demo_home(demo_site):
    return demo_site.root_page.specific


@pytest.fixture
def site(db):
    """A small organization made by factories: the default Site, its HomePage and settings."""
    from tambon.pages.tests.factories import organization_site

    return organization_site()


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test rolls its changes back; what the cache remembered of them must go too."""
    from wagtail.models import Site

    from tambon.core.pagecache import purge
    from tambon.stats.counter import forget_rendered_blocks

    purge()
    forget_rendered_blocks()
    # Wagtail keeps the sites' root paths in the cache; a rolled-back second site would stay.
    Site.clear_site_root_paths_cache()


@pytest.fixture(autouse=True)
def empty_redis():
    """With TAMBON_REDIS_URL (make test's PostgreSQL run: serverkit/with_engines.py) the caches
    live in one Redis for the whole session: each test starts without the values and limits of
    the tests before it (a sign-in limit counted in one test must not pause the next), as with
    the in-process caches. Not a FLUSHDB: the page cache's generation must keep counting up,
    or values remembered under an earlier test's generation would be taken as current."""
    from django.conf import settings

    if settings.REDIS_URL:
        import redis

        client = redis.Redis.from_url(settings.REDIS_URL)
        for alias in ("default", "limits"):  # each alias's KEY_PREFIX (core/redis_cache.py)
            keys = list(client.scan_iter(f"{alias}:*"))
            if keys:
                client.delete(*keys)
        client.close()


@pytest.fixture(autouse=True)
def drop_unwritten_counts():
    """Page views a test's requests noted but did not write belong to its rolled-back sites:
    written in a later test, they would point at a site that no longer exists (and at the end
    of the session, the test database is gone: nothing is left for the exit flush)."""
    yield
    from tambon.stats import buffer

    if buffer._counter is not None:
        buffer._counter.take()


@pytest.fixture
def schema_changes_in_a_test(django_db_setup, django_db_blocker):
    """For upgrade tests (tambon/core/tests/upgrade.py); ask for it before ``db``. SQLite's
    foreign-key checks are off for the test (its schema editor cannot switch them inside the
    test's transaction), on again after."""
    from django.db import connection

    sqlite = connection.vendor == "sqlite"
    if sqlite:
        with django_db_blocker.unblock():
            connection.disable_constraint_checking()
    yield
    if sqlite:
        with django_db_blocker.unblock():
            connection.enable_constraint_checking()


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A real Redis server on loopback for the tests of the production profile."""
    from serverkit import ServerError
    from serverkit.engines import RedisServer

    try:
        server = RedisServer(tmp_path_factory.mktemp("redis"), durable=False).start()
    except ServerError as error:
        pytest.fail(str(error))
    yield server.url
    server.stop()


@pytest.fixture
def database_tasks(settings):
    """Tasks are kept in the database until a worker runs them, as in every profile but the
    tests' (run them with tambon.core.tests.worker.run_ready_tasks)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
