from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from tambon.infocenter.ita.loading import load_ita_items
from tambon.infocenter.management.organizations import add_domain_argument, organization_of


class Command(BaseCommand):
    help = (
        "Load the built-in ITA item lists (FY 2564, 2565, 2568) for an organization; existing "
        "years are left alone."
    )

    def add_arguments(self, parser):
        add_domain_argument(parser)

    def handle(self, *args, domain=None, **options):
        for fiscal_year, loaded in load_ita_items(organization_of(domain)).items():
            if loaded:
                message = _("Fiscal year %(year)s: items loaded.")
            else:
                message = _("Fiscal year %(year)s: already has items, left unchanged.")
            self.stdout.write(message % {"year": fiscal_year})
