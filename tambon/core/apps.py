from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "tambon.core"
    label = "core"
    verbose_name = _("Site settings and shared blocks")

    def ready(self):
        from . import throttle  # noqa: F401  (connects the sign-in failure counters)
        from .pagecache import connect_purge_signals

        connect_purge_signals()
