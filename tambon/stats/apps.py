from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tambon.core import role_permissions as roles


class StatsConfig(AppConfig):
    name = "tambon.stats"
    label = "stats"
    verbose_name = _("Visitor statistics")
    role_permissions = {roles.ADMINISTRATOR: ["stats.change_visitorcountersettings"]}
