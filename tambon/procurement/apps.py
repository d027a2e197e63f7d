from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcurementConfig(AppConfig):
    name = "tambon.procurement"
    label = "procurement"
    verbose_name = _("Procurement")

    def ready(self):
        from .models import connect_purge_signals

        connect_purge_signals()
