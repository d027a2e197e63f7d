"""Staff belong to organizations, with a role in each.

A membership is a user in one of the organization's role groups (``OrganizationGroup``): plain
Wagtail groups, so Wagtail's page and collection permissions work unchanged. Each organization
gets its own groups, named after it, whose page permissions sit on its home page and whose
collection permissions on its own collection: nothing in them reaches another organization's
tree. Model permissions (``cases.role_clerk``, ``core.change_organization``...) count only in
the organization the request is for (tambon/core/permissions.py), so a clerk of A who
administers B is a clerk on A's site and an administrator on B's.

What each role may do with an app's models is that app's word: its AppConfig's
``role_permissions`` (role -> "app_label.codename" list); core gathers them.
"""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.utils import translation
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Site,
)

from .models import Organization, OrganizationGroup, Role

# Page permissions on the organization's home page, by role.
PAGE_PERMISSIONS = {
    Role.ADMINISTRATOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    Role.EDITOR: ["add_page", "change_page"],
}

# Permissions on the organization's collection of images and documents, by role. Everyone on
# the staff may choose a document (a case reply attaches one).
_EDIT_MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]
COLLECTION_PERMISSIONS = {
    Role.ADMINISTRATOR: _EDIT_MEDIA,
    Role.EDITOR: _EDIT_MEDIA,
    Role.CLERK: ["wagtaildocs.choose_document"],
    Role.DIVISION_HEAD: ["wagtaildocs.choose_document"],
    Role.EXECUTIVE: ["wagtaildocs.choose_document"],
    Role.INTEGRITY_OFFICER: ["wagtaildocs.choose_document"],
    Role.OPERATOR: [],
}


def model_permissions(role):
    """The "app_label.codename" permissions every app gives `role`."""
    names = []
    for config in apps.get_app_configs():
        names.extend(getattr(config, "role_permissions", {}).get(Role(role), ()))
    return names


def _permissions(names):
    """The permissions named "app_label.codename", in one query (a new organization asks for
    hundreds), with their content types; Permission.DoesNotExist names any that is missing."""
    wanted = {tuple(name.split(".")) for name in names}
    if not wanted:
        return []
    condition = Q()
    for app_label, codename in wanted:
        condition |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(condition).select_related("content_type"))
    missing = wanted - {(p.content_type.app_label, p.codename) for p in found}
    if missing:
        names = ", ".join(sorted(".".join(name) for name in missing))
        raise Permission.DoesNotExist(f"No such permission: {names}")
    return found


def _is_site_setting(permission):
    model = permission.content_type.model_class()
    return model is not None and issubclass(model, BaseSiteSetting)


def ensure_collection(organization):
    """The organization's own collection (made once, under the root collection)."""
    if organization.collection_id:
        return organization.collection
    collection = Collection.get_first_root_node().add_child(
        name=organization.name or organization.site.hostname
    )
    Organization.objects.filter(pk=organization.pk).update(collection=collection)
    organization.collection = collection
    return collection


def _group_name(organization, role):
    """A Thai name (it is data, shown to administrators whatever their language)."""
    with translation.override("th"):
        name = f"{organization.short_name or organization.site.hostname}: {Role(role).label}"
    if Group.objects.filter(name=name).exclude(organization_group__organization=organization):
        name = f"{name} ({organization.site.hostname})"
    return name[:150]


def role_group(organization, role):
    """The organization's group for `role`, made with the role's permissions when missing."""
    role = Role(role)
    found = (
        OrganizationGroup.objects.for_organization(organization)
        .filter(role=role)
        .select_related("group")
        .order_by("pk")
        .first()
    )
    if found:
        return found.group
    group = Group.objects.create(name=_group_name(organization, role))
    OrganizationGroup.objects.for_organization(organization).create(group=group, role=role)
    grant_role_permissions(organization, role, group)
    return group


def grant_role_permissions(organization, role, group):
    """Give `group` what `role` may do in the organization; what it has already stays."""
    site = Site.objects.select_related("root_page").get(pk=organization.site_id)
    model_wide = []
    for permission in _permissions(model_permissions(role)):
        if _is_site_setting(permission):
            # A per-site setting's permission is given on the organization's site only, or the
            # settings admin would open every site's (Wagtail's GroupSitePermission).
            GroupSitePermission.objects.get_or_create(group=group, site=site, permission=permission)
        else:
            model_wide.append(permission)
    group.permissions.add(*model_wide)
    page_permissions = [f"wagtailcore.{codename}" for codename in PAGE_PERMISSIONS.get(role, ())]
    for permission in _permissions(page_permissions):
        GroupPagePermission.objects.get_or_create(
            group=group, page=site.root_page, permission=permission
        )
    collection = ensure_collection(organization)
    for permission in _permissions(COLLECTION_PERMISSIONS[role]):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def top_up_role_groups():
    """After each migrate: every organization's role groups get what their role may do now (a
    new release may give a role more). Nothing is taken away: an administrator may have given
    a group more by hand, and taking rights away is a decision, not an upgrade."""
    links = OrganizationGroup.objects.all_organizations().select_related("organization", "group")
    for link in links:
        grant_role_permissions(link.organization, link.role, link.group)


def ensure_role_groups(organization):
    """Every role's group of the organization (idempotent): {role: group}."""
    return {role: role_group(organization, role) for role in Role}


def add_member(user, organization, role):
    user.groups.add(role_group(organization, role))


def remove_member(user, organization, role=None):
    """Take `user` out of one role of the organization, or out of all of them."""
    groups = groups_of(organization)
    if role is not None:
        groups = groups.filter(organization_group__role=role)
    user.groups.remove(*groups)


def groups_of(organization):
    return Group.objects.filter(organization_group__organization=organization)


def roles_in(user, organization):
    """The roles `user` holds in `organization`."""
    return {
        Role(role)
        for role in user.groups.filter(organization_group__organization=organization)
        .values_list("organization_group__role", flat=True)
        .distinct()
    }


def organizations_of(user):
    """The organizations `user` holds a role in, by name."""
    return Organization.objects.filter(
        pk__in=user.groups.filter(organization_group__isnull=False).values(
            "organization_group__organization"
        )
    ).order_by("name")


def members_of(organization, roles=None):
    """The users who hold a role (one of `roles`, if given) in the organization."""
    groups = groups_of(organization)
    if roles is not None:
        groups = groups.filter(organization_group__role__in=[Role(role) for role in roles])
    return get_user_model().objects.filter(groups__in=groups).distinct()
