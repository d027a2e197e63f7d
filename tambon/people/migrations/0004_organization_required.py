"""Divisions and positions belong to an organization (issue 10): the key is required, and names
are unique per organization rather than across the deployment."""

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
    dependencies = [("people", "0003_organization_existing_rows")]

    operations = [
        migrations.AlterField("division", "organization", owner_field(null=False)),
        migrations.AlterField("position", "organization", owner_field(null=False)),
        migrations.AlterField(
            model_name="division",
            name="name",
            field=models.CharField(max_length=150, verbose_name="name"),
        ),
        migrations.AlterField(
            model_name="position",
            name="title",
            field=models.CharField(max_length=150, verbose_name="title"),
        ),
        migrations.AddConstraint(
            model_name="division",
            constraint=models.UniqueConstraint(
                fields=("organization", "name"), name="people_division_unique_name"
            ),
        ),
        migrations.AddConstraint(
            model_name="position",
            constraint=models.UniqueConstraint(
                fields=("organization", "title"), name="people_position_unique_title"
            ),
        ),
    ]
