"""Upgrade-in-place tests migrate the test database back to an old release and forward again,
inside the test's own transaction (rolled back like any test's). The fixture
``schema_changes_in_a_test`` (root conftest.py) must come before ``db``."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrate the database to ``targets``; the models of that state.

    Forwards, one migration at a time: rows written by a test or by a data migration reach
    their foreign keys' checks before the next schema change, since PostgreSQL refuses to alter
    a table while checks are still pending in the transaction."""
    plan = MigrationExecutor(connection).migration_plan(targets)
    if all(not backwards for _, backwards in plan):
        steps = [[(migration.app_label, migration.name)] for migration, _ in plan]
    else:
        steps = [targets]
    for step in steps:
        connection.check_constraints()
        MigrationExecutor(connection).migrate(step)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def default_site_id(apps):
    """The default site of a database in the state `apps` describes."""
    return apps.get_model("wagtailcore", "Site").objects.get(is_default_site=True).pk


def another_organization(apps):
    """A second organization, on a second site, beside the upgraded database's own (for the
    tests that uniqueness after an upgrade is per organization)."""
    from tambon.core.models import Organization

    Site = apps.get_model("wagtailcore", "Site")
    root_id = apps.get_model("wagtailcore", "Page").objects.get(depth=1).pk
    other_site = Site.objects.create(hostname="other.example", port=80, root_page_id=root_id)
    return Organization.objects.create(site_id=other_site.pk, name="อื่น", short_name="อื่น")
