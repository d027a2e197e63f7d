from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfocenterConfig(AppConfig):
    name = "tambon.infocenter"
    label = "infocenter"
    verbose_name = _("Information center and ITA")

    def ready(self):
        from .signals import connect_record_purges

        connect_record_purges()
