"""The case administrators' group may edit the case rules (deadlines, retention, closed days):
they are the organization's own data, not the operator's. The group is the one holding the
case-administrator role permission, whatever it is called."""

from django.db import migrations

from tambon.core.migrating import permission_for_role_holders

grant, revoke = permission_for_role_holders(
    "cases", "role_admin", "casesettings", "change_casesettings", "Can change case rules"
)


class Migration(migrations.Migration):
    dependencies = [("cases", "0006_case_settings")]

    operations = [migrations.RunPython(grant, revoke)]
