"""Cases, categories, e-service types and the published Q&A belong to an organization
(issue 10): existing rows get one.

Upgrade in place: the rows of a database of the last release are given to its one organization
(tambon.core.migrating.owner_of_existing_rows); a row under another (a reporter, a file, an
event, a published answer under its case; a document or a field under its e-service type) takes
its parent's."""

from django.db import migrations
from django.db.models import OuterRef, Subquery

from tambon.core.migrating import owner_of_existing_rows

OWNERS = ["Case", "Category", "ServiceType"]
# model: its parent's foreign key and model
CHILDREN = {
    "Reporter": ("case", "Case"),
    "ReporterView": ("case", "Case"),
    "Attachment": ("case", "Case"),
    "CaseEvent": ("case", "Case"),
    "PublishedQuestion": ("case", "Case"),
    "ServiceDocument": ("service_type", "ServiceType"),
    "ServiceField": ("service_type", "ServiceType"),
}


def assign_existing_rows(apps, schema_editor):
    owners = [apps.get_model("cases", name) for name in OWNERS]
    if not any(model.objects.exists() for model in owners):
        return  # no parent rows, so no children either
    organization = owner_of_existing_rows(apps)
    for model in owners:
        model.objects.update(organization=organization)
    for name, (key, parent_name) in CHILDREN.items():
        parent = apps.get_model("cases", parent_name)
        parents_organization = parent.objects.filter(pk=OuterRef(key)).values("organization")
        apps.get_model("cases", name).objects.update(
            organization=Subquery(parents_organization[:1])
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0008_organization")]

    operations = [migrations.RunPython(assign_existing_rows, migrations.RunPython.noop)]
