"""Procurement belongs to an organization (issue 10): existing rows get one.

Upgrade in place: the rows of a database of the last release are given to its one organization
(tambon.core.migrating.owner_of_existing_rows); plan lines and bids take their parent's.
"""

from django.db import migrations
from django.db.models import OuterRef, Subquery

from tambon.core.migrating import owner_of_existing_rows

TOP_LEVEL = (
    "ProcurementPlan",
    "ProcurementProject",
    "ProcurementAnnouncement",
    "AnnualProcurementReport",
    "ImportJob",
)
# A child model, the foreign key to its parent.
CHILDREN = (("PlanLine", "plan"), ("Bid", "project"))


def assign_existing_rows(apps, schema_editor):
    models = [apps.get_model("procurement", name) for name in TOP_LEVEL]
    if not any(model.objects.exists() for model in models):
        return  # children have a parent: none without top-level rows
    organization = owner_of_existing_rows(apps)
    for model in models:
        model.objects.update(organization=organization)
    for name, parent in CHILDREN:
        model = apps.get_model("procurement", name)
        parent_model = model._meta.get_field(parent).related_model
        parents = parent_model.objects.filter(pk=OuterRef(parent)).values("organization")
        model.objects.update(organization=Subquery(parents[:1]))


class Migration(migrations.Migration):
    dependencies = [("procurement", "0002_organization")]

    operations = [migrations.RunPython(assign_existing_rows, migrations.RunPython.noop)]
