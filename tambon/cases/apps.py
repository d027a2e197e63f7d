from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "tambon.cases"
    label = "cases"
    verbose_name = _("Citizen cases")

    def ready(self):
        from . import ita, notify  # noqa: F401 (ita registers the ITA evidence finders)

        notify.connect()
