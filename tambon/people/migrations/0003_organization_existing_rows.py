"""Divisions and positions belong to an organization (issue 10): existing rows get one.

Upgrade in place: the rows of a database of the last release are given to its one organization.
With several organizations (divisions were shared until now) they go to the default site's;
with none (settings never saved), one is made for the default site, only when there are rows.
"""

from django.db import migrations


def owner_of_existing_rows(apps):
    Organization = apps.get_model("core", "Organization")
    Site = apps.get_model("wagtailcore", "Site")
    organizations = list(Organization.objects.order_by("pk")[:2])
    if len(organizations) == 1:
        return organizations[0]
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    if site is None:
        raise RuntimeError(
            "Divisions or positions exist but no Wagtail site does: add the site, then migrate."
        )
    organization = Organization.objects.filter(site=site).first()
    if organization is None and organizations:
        return organizations[0]
    return organization or Organization.objects.create(site=site)


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
