"""What the data migrations that give existing rows an organization share (upgrade in place).

Only historical models (``apps.get_model``) are used, so a migration may call this at any point
of the history.
"""


def owner_of_existing_rows(apps):
    """The organization that the rows of a database of the last release belong to.

    That database has one organization: its rows go to it. With several (shared rows until now)
    they go to the default site's; with none (settings never saved), one is made for the
    default site. Call it only when there are rows to give.
    """
    Organization = apps.get_model("core", "Organization")
    Site = apps.get_model("wagtailcore", "Site")
    organizations = list(Organization.objects.order_by("pk")[:2])
    if len(organizations) == 1:
        return organizations[0]
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    if site is None:
        raise RuntimeError("Records exist but no Wagtail site does: add the site, then migrate.")
    organization = Organization.objects.filter(site=site).first()
    if organization is None and organizations:
        return organizations[0]
    return organization or Organization.objects.create(site=site)


def permission_for_role_holders(app_label, role_codename, model, codename, name):
    """Data-migration steps (forward, backward) that give, or take back, the permission
    ``app_label.codename`` on ``model`` to every group holding the role permission
    ``app_label.role_codename``, whatever the group is called.

    The permission is created on the way: Django's post-migrate signal would make it only after
    every migration has run."""

    def role_groups(apps):
        Group = apps.get_model("auth", "Group")
        return Group.objects.filter(
            permissions__content_type__app_label=app_label, permissions__codename=role_codename
        )

    def grant(apps, schema_editor):
        Permission = apps.get_model("auth", "Permission")
        ContentType = apps.get_model("contenttypes", "ContentType")
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        for group in role_groups(apps):
            group.permissions.add(permission)

    def revoke(apps, schema_editor):
        for group in role_groups(apps):
            group.permissions.remove(
                *group.permissions.filter(content_type__app_label=app_label, codename=codename)
            )

    return grant, revoke
