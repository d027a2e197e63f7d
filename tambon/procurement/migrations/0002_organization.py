"""Procurement belongs to an organization (issue 10): the key, empty at first.

Three migrations, so that on PostgreSQL the rows written by 0003 are checked when its transaction
ends, before 0004 alters the tables (PostgreSQL refuses to alter a table with checks pending)."""

import django.db.models.deletion
from django.db import migrations, models

MODELS = (
    "procurementplan",
    "planline",
    "procurementproject",
    "bid",
    "procurementannouncement",
    "annualprocurementreport",
    "importjob",
)


def owner_field(null):
    return models.ForeignKey(
        null=null,
        editable=False,
        on_delete=django.db.models.deletion.CASCADE,
        related_name="+",
        to="core.organization",
        verbose_name="organization",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_remove_organization_district_province"),
        ("procurement", "0001_initial"),
    ]

    operations = [
        migrations.AddField(model, "organization", owner_field(null=True)) for model in MODELS
    ]
