"""Divisions and positions belong to an organization (issue 10): existing rows get one.

Upgrade in place: the rows of a database of the last release are given to its one organization.
With several organizations (divisions were shared until now) they go to the default site's;
with none (settings never saved), one is made for the default site, only when there are rows.
"""

from django.db import migrations

from tambon.core.migrating import owner_of_existing_rows


def assign_existing_rows(apps, schema_editor):
    Division = apps.get_model("people", "Division")
    Position = apps.get_model("people", "Position")
    if not (Division.objects.exists() or Position.objects.exists()):
        return
    organization = owner_of_existing_rows(apps)
    Division.objects.update(organization=organization)
    Position.objects.update(organization=organization)


class Migration(migrations.Migration):
    dependencies = [("people", "0002_organization")]

    operations = [migrations.RunPython(assign_existing_rows, migrations.RunPython.noop)]
