"""OrganizationSettings becomes Organization (its rows kept), with a kind and official area
codes next to the old free-text district and province; 0003 fills the codes from those."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.RenameModel("OrganizationSettings", "Organization"),
        migrations.AddField(
            model_name="organization",
            name="kind",
            field=models.CharField(
                choices=[
                    ("sao", "Subdistrict administrative organization"),
                    ("subdistrict-municipality", "Subdistrict municipality"),
                    ("town-municipality", "Town municipality"),
                    ("city-municipality", "City municipality"),
                    ("pao", "Provincial administrative organization"),
                ],
                default="sao",
                max_length=30,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="organization",
            name="province_code",
            field=models.CharField(blank=True, max_length=2, verbose_name="province code"),
        ),
        migrations.AddField(
            model_name="organization",
            name="district_code",
            field=models.CharField(blank=True, max_length=4, verbose_name="district code"),
        ),
        migrations.AddField(
            model_name="organization",
            name="subdistrict_code",
            field=models.CharField(
                blank=True,
                help_text="6 digits, for example 551103. The district and province are filled "
                "from it. A provincial administrative organization gives the province code only.",
                max_length=6,
                verbose_name="subdistrict code",
            ),
        ),
    ]
