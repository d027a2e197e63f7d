"""Upgrade in place (issue 10): the staff groups of a single-organization database become that
organization's role groups, and its images and documents move to the organization's collection.

- Wagtail's "Editors" become the editors and "Moderators" the administrators (the cases app
  does the same for its groups). Their page permissions move from the tree's root to the
  organization's home page, their collection permissions from the root collection to the
  organization's own one, where its images and documents now are.
- Other groups stay platform-wide, as before.
- A database no organization was ever set up in (a fresh one) is left alone: its groups have no
  members, and each new organization gets groups of its own.
"""

from django.db import migrations

from tambon.core.migrating import owner_of_existing_rows

ROLE_BY_WAGTAIL_GROUP = {"Editors": "editor", "Moderators": "administrator"}


def join_the_organization(apps, schema_editor):
    Organization = apps.get_model("core", "Organization")
    if not Organization.objects.exists():
        return
    organization = owner_of_existing_rows(apps)
    Group = apps.get_model("auth", "Group")
    OrganizationGroup = apps.get_model("core", "OrganizationGroup")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    collection = _organization_collection(apps, organization, Collection)
    for model in ("wagtailimages.Image", "wagtaildocs.Document"):
        apps.get_model(model).objects.filter(collection__depth=1).update(collection=collection)

    home_id = organization.site.root_page_id
    for group in Group.objects.filter(name__in=ROLE_BY_WAGTAIL_GROUP, organization_group=None):
        role = ROLE_BY_WAGTAIL_GROUP[group.name]
        OrganizationGroup.objects.create(organization=organization, group=group, role=role)
        GroupPagePermission.objects.filter(group=group, page__depth=1).update(page_id=home_id)
        GroupCollectionPermission.objects.filter(group=group, collection__depth=1).update(
            collection=collection
        )


def _organization_collection(apps, organization, Collection):
    """A child of the root collection (a treebeard node, added the way treebeard does)."""
    if organization.collection_id:
        return organization.collection
    root = Collection.objects.get(depth=1)
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    step = 4  # treebeard's steplen for Wagtail's collections
    number = int(last.path[step:], 36) + 1 if last else 1
    path = root.path + _base36(number).rjust(step, "0")
    collection = Collection.objects.create(
        name=organization.name or "organization", path=path, depth=2, numchild=0
    )
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    organization.collection = collection
    organization.save(update_fields=["collection"])
    return collection


def _base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_organization_groups"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(join_the_organization, migrations.RunPython.noop)]
