"""The case administrators' group may choose the SMS provider and type its account (their
organization's own settings). The group is the one holding the case-administrator role permission."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    settings_type, _ = ContentType.objects.get_or_create(app_label="cases", model="notificationsettings")
    # Created here: the post-migrate signal would create it only after every migration.
    change, _ = Permission.objects.get_or_create(
        content_type=settings_type,
        codename="change_notificationsettings",
        defaults={"name": "Can change citizen notifications"},
    )
    for group in Group.objects.filter(
        permissions__content_type__app_label="cases", permissions__codename="role_admin"
    ):
        group.permissions.add(change)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(
        permissions__content_type__app_label="cases", permissions__codename="role_admin"
    ):
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label="cases", codename="change_notificationsettings"
            )
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0016_notificationsettings")]

    operations = [migrations.RunPython(grant, revoke)]
