"""Visitor counts belong to an organization (issue 10): the key is required and replaces the
site; one row per organization and day (and path)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_remove_organization_district_province'),
        ('stats', '0006_organization_existing_rows'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='dailypageviews',
            name='one_row_per_site_day_and_path',
        ),
        migrations.RemoveConstraint(
            model_name='dailyvisits',
            name='one_row_per_site_and_day',
        ),
        migrations.RemoveIndex(
            model_name='dailypageviews',
            name='stats_daily_site_id_eaf1e4_idx',
        ),
        migrations.RemoveField(
            model_name='dailypageviews',
            name='site',
        ),
        migrations.RemoveField(
            model_name='dailyvisits',
            name='site',
        ),
        migrations.AlterField(
            model_name='dailypageviews',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='dailyvisits',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AddIndex(
            model_name='dailypageviews',
            index=models.Index(fields=['organization', 'day'], name='stats_views_org_day'),
        ),
        migrations.AddConstraint(
            model_name='dailypageviews',
            constraint=models.UniqueConstraint(fields=('organization', 'day', 'path'), name='one_row_per_organization_day_and_path'),
        ),
        migrations.AddConstraint(
            model_name='dailyvisits',
            constraint=models.UniqueConstraint(fields=('organization', 'day'), name='one_row_per_organization_and_day'),
        ),
    ]
