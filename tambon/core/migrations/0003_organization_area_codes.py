"""Fill the new area codes of existing organizations from their old Thai names, via geothai.

A subdistrict organization is found by the place in its name ("องค์การบริหารส่วนตำบลพงษ์",
"อบต.พงษ์", "เทศบาลตำบล...") with its district and province names; a provincial one
("องค์การบริหารส่วนจังหวัดน่าน", "อบจ.น่าน") by its province name. Anything not found exactly
once keeps empty codes, for an administrator to enter: the upgrade never fails on a name.
The permissions of the renamed model get the new model name, so groups keep their rights.
"""

import geothai
from django.db import migrations

SUBDISTRICT_KINDS = {
    "องค์การบริหารส่วนตำบล": "sao",
    "อบต.": "sao",
    "เทศบาลตำบล": "subdistrict-municipality",
    "ทต.": "subdistrict-municipality",
}
PROVINCE_PREFIXES = ("องค์การบริหารส่วนจังหวัด", "อบจ.")


def place_after(prefixes, name):
    name = name.strip()
    for prefix in prefixes:
        if name.startswith(prefix):
            return name[len(prefix) :].strip()
    return ""


def area_of(organization):
    """(kind, subdistrict, district, province codes) found from the names, or None."""
    names = (organization.name, organization.short_name)
    province_name = organization.province.strip()
    if not province_name:
        return None
    for name in names:
        place = place_after(PROVINCE_PREFIXES, name)
        if place:
            written = place_after(("จังหวัด", "จ."), province_name) or province_name
            found = [p for p in geothai.provinces() if p.name_th == place == written]
            return ("pao", "", "", found[0].code) if found else None
    for name in names:
        for prefix, kind in SUBDISTRICT_KINDS.items():
            place = place_after([prefix], name)
            if not place:
                continue
            found = geothai.match(
                place, district=organization.district.strip() or None, province=province_name
            )
            if len(found) == 1:
                area = found[0]
                return kind, area.subdistrict.code, area.district.code, area.province.code
    return None


def fill_codes(apps, schema_editor):
    Organization = apps.get_model("core", "Organization")
    for organization in Organization.objects.all():
        try:
            found = area_of(organization)
        except Exception:  # a name geothai cannot read must not stop the upgrade
            found = None
        if found:
            kind, subdistrict, district, province = found
            Organization.objects.filter(pk=organization.pk).update(
                kind=kind,
                subdistrict_code=subdistrict,
                district_code=district,
                province_code=province,
            )


def fill_names(apps, schema_editor):
    """Back to the text fields (when migrating backwards)."""
    Organization = apps.get_model("core", "Organization")
    for organization in Organization.objects.all():
        district = geothai.district(organization.district_code or "")
        province = geothai.province(organization.province_code or "")
        Organization.objects.filter(pk=organization.pk).update(
            district=district.name_th if district else "",
            province=province.name_th if province else "",
        )


def rename_permissions(apps, schema_editor, old="organizationsettings", new="organization"):
    # The content type itself was renamed by Django after 0002's RenameModel.
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label="core", model="organization").first()
    if content_type is None:
        return
    for permission in Permission.objects.filter(
        content_type=content_type, codename__endswith=f"_{old}"
    ):
        codename = permission.codename[: -len(old)] + new
        if not Permission.objects.filter(content_type=content_type, codename=codename).exists():
            permission.codename = codename
            permission.save(update_fields=["codename"])


def unrename_permissions(apps, schema_editor):
    rename_permissions(apps, schema_editor, old="organization", new="organizationsettings")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_organization"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(fill_codes, fill_names),
        migrations.RunPython(rename_permissions, unrename_permissions),
    ]
