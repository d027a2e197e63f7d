from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tambon.core import role_permissions as roles


class CasesConfig(AppConfig):
    name = "tambon.cases"
    label = "cases"
    verbose_name = _("Citizen cases")
    role_permissions = {
        roles.ADMINISTRATOR: [
            "cases.role_admin",
            "cases.change_casesettings",
            # The organization's SMS provider and account (models/notify_settings.py).
            "cases.change_notificationsettings",
            # The trail of staff access to personal data (models/audit.py): reading only.
            "cases.view_accessrecord",
            *roles.manage("cases", "category", "servicetype", "apikey"),
        ],
        roles.CLERK: ["cases.role_clerk"],
        roles.DIVISION_HEAD: ["cases.role_division_head"],
        roles.EXECUTIVE: ["cases.role_executive"],
        roles.INTEGRITY_OFFICER: ["cases.role_integrity"],
    }

    def ready(self):
        from . import audit, notify

        notify.connect()
        audit.connect()
        self.lend_the_sms_settings()
        self.purge_page_cache_with_the_q_and_a()

    def lend_the_sms_settings(self):
        """Other apps send texts (participation's one-time codes) with the provider each
        organization chose here, through core/sms.py."""
        from tambon.core import sms

        from .models import NotificationSettings

        sms.register_sender_lookup(NotificationSettings.sender_of_organization)

    def purge_page_cache_with_the_q_and_a(self):
        """The Q&A page shows published questions: a change to one is a change of the page."""
        from django.db.models.signals import post_delete, post_save

        from tambon.core.pagecache import purge

        from .models import PublishedQuestion

        for name, signal in (("saved", post_save), ("deleted", post_delete)):
            signal.connect(purge, sender=PublishedQuestion, dispatch_uid=f"cases-qa-purge-{name}")
