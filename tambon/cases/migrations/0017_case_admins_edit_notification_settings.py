"""The case administrators' group may choose the SMS provider and type its account (their
organization's own settings). The group is the one holding the case-administrator role permission."""

from django.db import migrations

from tambon.core.migrating import permission_for_role_holders

grant, revoke = permission_for_role_holders(
    "cases",
    "role_admin",
    "notificationsettings",
    "change_notificationsettings",
    "Can change citizen notifications",
)


class Migration(migrations.Migration):
    dependencies = [("cases", "0016_notificationsettings")]

    operations = [migrations.RunPython(grant, revoke)]
