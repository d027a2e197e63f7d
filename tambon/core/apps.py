from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tambon.core"
    label = "core"
    verbose_name = _("Site settings and shared blocks")

    def ready(self):
        from . import throttle  # noqa: F401  (connects the sign-in failure counters)
        from .pagecache import connect_purge_signals

        connect_purge_signals()
        # Each app's ita_evidence.py registers the evidence finders of the ITA topics it answers
        # (the contract is core/ita/evidence.py), so no module lists the apps.
        autodiscover_modules("ita_evidence")
