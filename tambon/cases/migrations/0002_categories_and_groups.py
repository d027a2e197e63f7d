"""The staff groups of the case workflow. Their names are Thai data; migration 0005 gives each
its role permission, and the code finds roles by those permissions (tambon/cases/roles.py),
never by these names.

Until issue 10 this migration also made the complaint categories. Categories now belong to an
organization: a new one gets them from tambon.cases.starter, and a database that ran this
migration before keeps its categories (0009 gives them to its organization)."""

from django.db import migrations

GROUPS = {
    "clerk": "เจ้าหน้าที่รับเรื่อง",
    "division_head": "หัวหน้าส่วน",
    "executive": "ผู้บริหาร",
    "integrity": "เจ้าหน้าที่ตรวจสอบการทุจริต",
    "admin": "ผู้ดูแลระบบงานเรื่องร้องเรียน",
}


def create(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    access_admin = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    category_type, _ = ContentType.objects.get_or_create(app_label="cases", model="category")
    category_permissions = [
        Permission.objects.get_or_create(
            content_type=category_type,
            codename=f"{action}_category",
            defaults={"name": f"Can {action} case category"},
        )[0]
        for action in ("add", "change", "delete", "view")
    ]
    for role, name in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        if access_admin is not None:
            group.permissions.add(access_admin)
        if role == "admin":
            group.permissions.add(*category_permissions)


def remove(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS.values()).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create, remove)]
