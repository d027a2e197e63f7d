from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tambon.core import role_permissions as roles


class SearchConfig(AppConfig):
    name = "tambon.search"
    label = "search"
    verbose_name = _("Site search")
    # The organization's own words for the search (LocalWord), kept by its web editors.
    role_permissions = {
        role: roles.manage("search", "localword") for role in (roles.ADMINISTRATOR, roles.EDITOR)
    }
