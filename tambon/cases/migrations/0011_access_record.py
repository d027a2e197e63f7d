"""The access trail (models/audit.py) replaces ReporterView: the showings of corruption
reporters logged so far are copied into it (0012 then drops ReporterView). They had no
address; the username is copied from the account."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models



def display_code(code):
    # As tambon.cases.tracking.display_code wrote it when this migration was made.
    return f"{code[:4]}-{code[4:]}" if len(code) == 8 else code


def copy_reporter_views(apps, schema_editor):
    ReporterView = apps.get_model("cases", "ReporterView")
    AccessRecord = apps.get_model("cases", "AccessRecord")
    AccessRecord.objects.bulk_create(
        AccessRecord(
            organization_id=view.organization_id,
            user_id=view.user_id,
            username=view.user.username if view.user_id else "",
            action="viewed_identity",
            case_code=display_code(view.case.tracking_code),
            created=view.viewed_at,
        )
        for view in ReporterView.objects.select_related("user", "case").order_by("pk")
    )


class Migration(migrations.Migration):

    dependencies = [
        ('cases', '0010_organization_required'),
        ('core', '0009_enrolment_codes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AccessRecord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('username', models.CharField(max_length=150, verbose_name='user')),
                ('action', models.CharField(choices=[('viewed_identity', 'Viewed who reported a case'), ('opened_file', 'Opened a case file'), ('downloaded_file', 'Downloaded a case file'), ('exported_register', 'Exported the register of information requests'), ('changed_case', 'Changed a case')], max_length=20, verbose_name='action')),
                ('case_code', models.CharField(blank=True, db_index=True, max_length=20, verbose_name='case')),
                ('detail', models.CharField(blank=True, max_length=64, verbose_name='detail')),
                ('address', models.GenericIPAddressField(blank=True, null=True, verbose_name='address')),
                ('created', models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name='when')),
                ('organization', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='core.organization', verbose_name='organization')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'access to personal data',
                'verbose_name_plural': 'access to personal data',
                'ordering': ['-created', '-pk'],
                'default_permissions': ('view',),
            },
        ),
        migrations.RunPython(copy_reporter_views, migrations.RunPython.noop),
    ]
