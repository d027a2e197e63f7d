"""The area codes (0003) replace the free-text district and province."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0003_organization_area_codes")]

    operations = [
        migrations.RemoveField(model_name="organization", name="district"),
        migrations.RemoveField(model_name="organization", name="province"),
    ]
