from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InfocenterConfig(AppConfig):
    name = "tambon.infocenter"
    label = "infocenter"
    verbose_name = _("Information center and ITA")

    def ready(self):
        # Each app's ita_evidence.py registers the evidence finders of the topics it answers.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("ita_evidence")
        from .signals import connect_record_purges

        connect_record_purges()
