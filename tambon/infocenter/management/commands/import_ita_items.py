from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tambon.infocenter.ita.loading import ItemListError, import_items


class Command(BaseCommand):
    help = (
        "Load a new fiscal year's ITA items from a CSV file (columns: indicator_code, "
        "indicator_title, code, title, needs_current_year, required_elements, optional guide). "
        "All rows or none are loaded."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int, help="fiscal year (B.E.)")
        parser.add_argument("path", help="the CSV file (UTF-8)")

    def handle(self, *args, year, path, **options):
        try:
            loaded = import_items(year, path)
        except ItemListError as error:
            problems = "\n".join(error.problems)
            raise CommandError(
                _("Nothing was loaded:\n%(problems)s") % {"problems": problems}
            ) from None
        self.stdout.write(
            _("Fiscal year %(year)s: %(count)s items loaded.")
            % {"year": year, "count": loaded.items.count()}
        )
