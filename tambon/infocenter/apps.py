from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from tambon.core import role_permissions as roles


class InfocenterConfig(AppConfig):
    name = "tambon.infocenter"
    label = "infocenter"
    verbose_name = _("Information center and ITA")
    role_permissions = {
        roles.ADMINISTRATOR: [
            *roles.manage(
                "infocenter",
                "inforecord",
                "recordcategory",
                "courtruling",
                "giftregisterentry",
                "itayear",
                "itaevidence",
            ),
            "infocenter.change_itasettings",
        ],
        roles.EDITOR: roles.manage(
            "infocenter", "inforecord", "recordcategory", "courtruling", "giftregisterentry"
        ),
    }

    def ready(self):
        from .signals import connect_record_purges

        connect_record_purges()
