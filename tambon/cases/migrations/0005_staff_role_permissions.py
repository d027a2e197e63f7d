"""Roles by permission: one permission per staff role on Case, granted to the groups that
migration 0002 created. Those groups are found by the names they were given there, here
only; from now on a group's name is data an administrator may change."""

from django.db import migrations

# The names migration 0002 gave the groups, and the role each stood for.
GROUP_ROLES = {
    "เจ้าหน้าที่รับเรื่อง": "clerk",
    "หัวหน้าส่วน": "division_head",
    "ผู้บริหาร": "executive",
    "เจ้าหน้าที่ตรวจสอบการทุจริต": "integrity",
    "ผู้ดูแลระบบงานเรื่องร้องเรียน": "admin",
}
# As Case.Meta.permissions declares them (the post-migrate signal would create them only
# after every migration has run, too late for the grants below).
PERMISSIONS = {
    "clerk": "Acts as case clerk",
    "division_head": "Acts as division head for cases",
    "executive": "Acts as executive for cases",
    "integrity": "Acts as integrity officer for corruption complaints",
    "admin": "Acts as case administrator",
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    case_type, _ = ContentType.objects.get_or_create(app_label="cases", model="case")
    permissions = {
        role: Permission.objects.get_or_create(
            content_type=case_type, codename=f"role_{role}", defaults={"name": name}
        )[0]
        for role, name in PERMISSIONS.items()
    }
    for group in Group.objects.filter(name__in=GROUP_ROLES):
        group.permissions.add(permissions[GROUP_ROLES[group.name]])


def revoke(apps, schema_editor):
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="cases", codename__in=[f"role_{r}" for r in PERMISSIONS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0004_service_types_and_information_register"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="case",
            options={
                "ordering": ["-created"],
                "permissions": [(f"role_{role}", name) for role, name in PERMISSIONS.items()],
                "verbose_name": "case",
                "verbose_name_plural": "cases",
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
