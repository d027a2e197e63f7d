from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tambon.core import role_permissions as roles


class ParticipationConfig(AppConfig):
    name = "tambon.participation"
    label = "participation"
    verbose_name = _("Community planning")
    role_permissions = {
        role: roles.manage(
            "participation",
            "village",
            "strategy",
            "category",
            "plancycle",
            "phase",
            "proposal",
            "planedition",
            "planproject",
            "projectupdate",
            "forum",
        )
        for role in (roles.ADMINISTRATOR, roles.EDITOR)
    }

    def ready(self):
        from .models import connect_purge_signals

        connect_purge_signals()

        from .progress import connect_signals

        connect_signals()
