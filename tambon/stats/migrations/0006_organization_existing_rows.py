"""Visitor counts belong to an organization (issue 10): each site's counts go to the
organization of that site (one is made for a site that has counts but no organization yet)."""

from django.db import migrations


def assign_existing_rows(apps, schema_editor):
    Organization = apps.get_model("core", "Organization")
    for model_name in ("DailyVisits", "DailyPageViews"):
        model = apps.get_model("stats", model_name)
        site_ids = model.objects.values_list("site_id", flat=True).distinct().order_by()
        for site_id in list(site_ids):
            organization, _ = Organization.objects.get_or_create(site_id=site_id)
            model.objects.filter(site_id=site_id).update(organization=organization)


class Migration(migrations.Migration):
    dependencies = [("stats", "0005_organization")]

    operations = [migrations.RunPython(assign_existing_rows, migrations.RunPython.noop)]
