from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from tambon.infocenter.ita.loading import ItemListError, copy_year
from tambon.infocenter.management.organizations import add_domain_argument, organization_of


class Command(BaseCommand):
    help = (
        "Copy the ITA indicators and items (not the evidence) of one fiscal year of an "
        "organization to a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", type=int, help="fiscal year to copy from (B.E.)")
        parser.add_argument("target", type=int, help="new fiscal year (B.E.)")
        add_domain_argument(parser)

    def handle(self, *args, source, target, domain=None, **options):
        organization = organization_of(domain)
        try:
            year = copy_year(organization, source, target)
        except ItemListError as error:
            raise CommandError("\n".join(error.problems)) from None
        self.stdout.write(
            _("Fiscal year %(target)s: %(count)s items copied from %(source)s.")
            % {"target": target, "count": year.items.count(), "source": source}
        )
