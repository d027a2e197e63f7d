from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tambon.core import role_permissions as roles


class PeopleConfig(AppConfig):
    name = "tambon.people"
    label = "people"
    verbose_name = _("People and organization")
    role_permissions = {
        roles.ADMINISTRATOR: roles.manage("people", "division", "position"),
        roles.EDITOR: roles.manage("people", "division", "position"),
    }
