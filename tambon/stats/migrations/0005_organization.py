"""Visitor counts belong to an organization (issue 10) rather than to a Wagtail Site: the key,
empty at first.

Three migrations, so that on PostgreSQL the rows written by 0006 are checked when its transaction
ends, before 0007 alters the tables (PostgreSQL refuses to alter a table with checks pending)."""

import django.db.models.deletion
from django.db import migrations, models


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
        ("stats", "0004_shared_visitor_memory"),
    ]

    operations = [
        migrations.AddField("dailyvisits", "organization", owner_field(null=True)),
        migrations.AddField("dailypageviews", "organization", owner_field(null=True)),
    ]
