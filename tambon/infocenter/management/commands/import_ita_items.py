from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tambon.infocenter.ita.loading import ItemListError, import_items
from tambon.infocenter.management.organizations import add_domain_argument, organization_of


class Command(BaseCommand):
    help = (
        "Load a new fiscal year's ITA items of an organization from a CSV file (columns: "
        "indicator_code, indicator_title, code, title, needs_current_year, required_elements, "
        "optional guide). "
        "All rows or none are loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="fiscal year (B.E.)")
        parser.add_argument("path", help="the CSV file (UTF-8)")
        add_domain_argument(parser)

    def handle(self, *args, year, path, domain=None, **options):
        organization = organization_of(domain)
        try:
            loaded = import_items(organization, year, path)
        except ItemListError as error:
            problems = "\n".join(error.problems)
            raise CommandError(
                _("Nothing was loaded:\n%(problems)s") % {"problems": problems}
            ) from None
        self.stdout.write(
            _("Fiscal year %(year)s: %(count)s items loaded.")
            % {"year": year, "count": loaded.items.count()}
        )
