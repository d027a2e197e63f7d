"""Cases and everything under them, categories, e-service types and the published Q&A belong
to an organization (issue 10): the key, empty at first.

Three migrations, so that on PostgreSQL the rows written by 0009 are checked when its transaction
ends, before 0010 alters the tables (PostgreSQL refuses to alter a table with checks pending)."""

import django.db.models.deletion
from django.db import migrations, models

OWNED = [
    "case",
    "reporter",
    "reporterview",
    "attachment",
    "caseevent",
    "category",
    "publishedquestion",
    "servicetype",
    "servicedocument",
    "servicefield",
]


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
        ("cases", "0007_case_admins_edit_case_rules"),
    ]

    operations = [
        migrations.AddField(model_name, "organization", owner_field(null=True))
        for model_name in OWNED
    ]
