from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _

from . import role_permissions as roles

MEDIA = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtailimages.delete_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
    "wagtaildocs.delete_document",
]


class CoreConfig(AppConfig):
    name = "tambon.core"
    label = "core"
    verbose_name = _("Site settings and shared blocks")
    # What each role may do here (tambon/core/memberships.py): everyone on the staff enters the
    # admin; images and documents are further limited to the organization's collection. The
    # administrator and the operator manage the organization's staff (tambon/core/staff_admin.py
    # limits the users admin to its members); nobody but a superuser manages groups.
    role_permissions = {
        **{
            role: ["wagtailadmin.access_admin", "wagtaildocs.choose_document"]
            for role in (
                roles.CLERK,
                roles.DIVISION_HEAD,
                roles.EXECUTIVE,
                roles.INTEGRITY_OFFICER,
            )
        },
        roles.ADMINISTRATOR: [
            "wagtailadmin.access_admin",
            "core.change_organization",
            "core.change_footersettings",
            *MEDIA,
            *roles.manage("auth", "user"),
        ],
        roles.EDITOR: ["wagtailadmin.access_admin", *MEDIA],
        roles.OPERATOR: [
            "wagtailadmin.access_admin",
            "core.change_organization",
            "core.change_footersettings",
            *roles.manage("auth", "user"),
        ],
    }

    def ready(self):
        from django.db.models.signals import post_migrate

        post_migrate.connect(top_up_role_groups_after_migrate, sender=self)
        from . import throttle  # noqa: F401  (connects the sign-in failure counters)
        from .pagecache import connect_purge_signals

        connect_purge_signals()
        from .document_text import connect_signals as read_saved_documents

        read_saved_documents()
        from .exports import neutralise_wagtail_csv

        neutralise_wagtail_csv()
        from .admin_dates import use_thai_dates_in_admin

        use_thai_dates_in_admin()
        # Each app's ita_evidence.py registers the evidence finders of the ITA topics it answers
        # (the contract is core/ita/evidence.py), so no module lists the apps.
        autodiscover_modules("ita_evidence")
        # Each app's search_sources.py registers what it offers to the site search
        # (the contract is core/searching.py).
        autodiscover_modules("search_sources")


def top_up_role_groups_after_migrate(sender, using, **kwargs):
    """Every app's permissions first (Django makes them app by app, after this one's), then the
    organizations' role groups get what their roles may do now (core/memberships.py)."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    from .memberships import top_up_role_groups

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0, using=using)
    top_up_role_groups()
