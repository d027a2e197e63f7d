"""Procurement belongs to an organization (issue 10): the key is required, and e-GP numbers and
the fiscal years of report texts are unique per organization rather than across the deployment."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0004_remove_organization_district_province'),
        ('people', '0004_organization_required'),
        ('procurement', '0003_organization_existing_rows'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='procurementproject',
            name='procurement_unique_egp_number',
        ),
        migrations.AlterField(
            model_name='annualprocurementreport',
            name='fiscal_year',
            field=models.PositiveSmallIntegerField(help_text='The Buddhist Era year the fiscal year ends in, for example 2568.', validators=[django.core.validators.MinValueValidator(2400)], verbose_name='fiscal year (B.E.)'),
        ),
        migrations.AlterField(
            model_name='annualprocurementreport',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='bid',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='importjob',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='planline',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='procurementannouncement',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='procurementplan',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AlterField(
            model_name='procurementproject',
            name='organization',
            field=models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization'),
        ),
        migrations.AddConstraint(
            model_name='annualprocurementreport',
            constraint=models.UniqueConstraint(fields=('organization', 'fiscal_year'), name='procurement_report_unique_fiscal_year', violation_error_message='There is already a report text for this fiscal year.'),
        ),
        migrations.AddConstraint(
            model_name='procurementproject',
            constraint=models.UniqueConstraint(condition=models.Q(('egp_number', ''), _negated=True), fields=('organization', 'egp_number'), name='procurement_unique_egp_number', violation_error_message='Another project already has this e-GP number.'),
        ),
    ]
