"""Issue an Open311 API key for a client of the organization of a host, and print it once:
``python manage.py create_open311_key --domain HOST --name CLIENT``."""

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Site

from tambon.cases.models import issue_key
from tambon.core.models import Organization


class Command(BaseCommand):
    help = "Issue an Open311 API key for a client of the organization at --domain; printed once."

    def add_arguments(self, parser):
        parser.add_argument("--domain", required=True, help="The host name of the site.")
        parser.add_argument("--name", required=True, help="Who the key is for.")

    def handle(self, *args, domain, name, **options):
        site = Site.objects.filter(hostname__iexact=domain.strip()).first()
        if site is None:
            raise CommandError(f"No site has the host name {domain!r}.")
        name = " ".join(name.split())[:100]
        if not name:
            raise CommandError("Give the client's name with --name.")
        organization = Organization.for_site(site)
        row, key = issue_key(organization, name)
        self.stderr.write(f"Key for {row.name} at {site.hostname} (shown once, keep it safe):")
        self.stdout.write(key)
