"""The table of the "limits" cache in the embedded profile (settings: CACHES): counts of wrong
passwords and tracking tries that every worker shares. Made whatever the profile, so that a
site moved from Redis to the embedded profile finds it."""

from django.core.management.commands.createcachetable import Command as CreateCacheTable
from django.db import migrations

TABLE = "tambon_limits"


def create(apps, schema_editor):
    command = CreateCacheTable()
    command.verbosity = 0
    command.create_table(schema_editor.connection.alias, TABLE, dry_run=False)


def drop(apps, schema_editor):
    schema_editor.execute(f"DROP TABLE IF EXISTS {schema_editor.quote_name(TABLE)}")


class Migration(migrations.Migration):
    dependencies = [("core", "0007_host_names")]

    operations = [migrations.RunPython(create, drop)]
