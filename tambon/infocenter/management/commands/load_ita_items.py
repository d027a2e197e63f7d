from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tambon.infocenter.ita.loading import load_ita_items


class Command(BaseCommand):
    help = "Load the built-in ITA item lists (FY 2564, 2565, 2568); existing years are left alone."

    def handle(self, *args, **options):
        for fiscal_year, loaded in load_ita_items().items():
            if loaded:
                message = _("Fiscal year %(year)s: items loaded.")
            else:
                message = _("Fiscal year %(year)s: already has items, left unchanged.")
            self.stdout.write(message % {"year": fiscal_year})
