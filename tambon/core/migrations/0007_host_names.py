"""Extra host names of a site (core/hostnames.py): each leads to the site's main host name."""

import django.db.models.deletion
import tambon.core.models
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0006_existing_groups_join_the_organization'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='HostName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('hostname', models.CharField(error_messages={'unique': 'This host name is already another host name of a site.'}, help_text="For example: pong.go.th, when the site's own host name is www.pong.go.th", max_length=253, unique=True, validators=[tambon.core.models.validate_host_name], verbose_name='host name')),
                ('site', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='extra_host_names', to='wagtailcore.site', verbose_name='site')),
            ],
            options={
                'verbose_name': 'extra host name',
                'verbose_name_plural': 'extra host names',
                'ordering': ['hostname'],
            },
        ),
    ]
