"""ReporterView's rows are in the access trail since 0011."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("cases", "0011_access_record")]

    operations = [migrations.DeleteModel(name="ReporterView")]
