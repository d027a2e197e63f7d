from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tambon.core import role_permissions as roles


class ProcurementConfig(AppConfig):
    name = "tambon.procurement"
    label = "procurement"
    verbose_name = _("Procurement")
    role_permissions = {
        role: roles.manage(
            "procurement",
            "procurementplan",
            "procurementproject",
            "procurementannouncement",
            "annualprocurementreport",
            "importjob",
        )
        for role in (roles.ADMINISTRATOR, roles.EDITOR)
    }

    def ready(self):
        from .models import connect_purge_signals

        connect_purge_signals()
