"""The information center's rows belong to an organization (issue 10): the key is required, and
folder address names and ITA fiscal years are unique per organization rather than across the
deployment."""

import django.db.models.deletion
from django.db import migrations, models

OWNED = [
    "recordcategory",
    "inforecord",
    "inforecordfile",
    "courtruling",
    "giftregisterentry",
    "itayear",
    "itaindicator",
    "itaitem",
    "itaevidence",
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
    dependencies = [("infocenter", "0006_organization_existing_rows")]

    operations = [
        *(migrations.AlterField(model, "organization", owner_field(null=False)) for model in OWNED),
        migrations.AlterField(
            model_name="recordcategory",
            name="slug",
            field=models.SlugField(
                help_text=(
                    "Latin letters, digits and hyphens; part of the folder's address, so keep it "
                    "once published."
                ),
                max_length=80,
                verbose_name="address name",
            ),
        ),
        migrations.AlterField(
            model_name="itayear",
            name="fiscal_year",
            field=models.PositiveSmallIntegerField(
                help_text="The Buddhist-Era year in which the fiscal year ends, for example 2568.",
                verbose_name="fiscal year (B.E.)",
            ),
        ),
        migrations.AddConstraint(
            model_name="recordcategory",
            constraint=models.UniqueConstraint(
                fields=("organization", "slug"), name="infocenter_category_unique_slug"
            ),
        ),
        migrations.AddConstraint(
            model_name="itayear",
            constraint=models.UniqueConstraint(
                fields=("organization", "fiscal_year"), name="infocenter_ita_year_unique"
            ),
        ),
    ]
