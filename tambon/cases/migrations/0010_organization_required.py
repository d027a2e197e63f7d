"""Cases, categories, e-service types and the published Q&A belong to an organization
(issue 10): the key is required; category names and e-service addresses are unique per
organization rather than across the deployment."""

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
    dependencies = [("cases", "0009_organization_existing_rows")]

    operations = [
        *(
            migrations.AlterField(model_name, "organization", owner_field(null=False))
            for model_name in OWNED
        ),
        migrations.RemoveConstraint(model_name="category", name="cases_category_unique_name"),
        migrations.AddConstraint(
            model_name="category",
            constraint=models.UniqueConstraint(
                fields=("organization", "kind", "name"), name="cases_category_unique_name"
            ),
        ),
        migrations.AlterField(
            model_name="servicetype",
            name="slug",
            field=models.SlugField(
                help_text="Latin letters, digits and hyphens; it appears in the form's address.",
                max_length=60,
                verbose_name="address name",
            ),
        ),
        migrations.AddConstraint(
            model_name="servicetype",
            constraint=models.UniqueConstraint(
                fields=("organization", "slug"), name="cases_servicetype_unique_slug"
            ),
        ),
    ]
