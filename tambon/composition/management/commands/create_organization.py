from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _

from tambon.composition import organizations
from tambon.core.models import Organization


class Command(BaseCommand):
    help = (
        "Create a new organization: its site at the domain, standard pages, settings, groups and "
        "first administrator (docs/operations.md). Running it again changes nothing."
    )
    # Django's system checks (a second and more) run at each deployment (`check --deploy`); an
    # operator adding organizations one after another need not wait for them each time.
    requires_system_checks = []

    def add_arguments(self, parser):
        # Checked by the command rather than argparse, so that a mistake gets a Thai message.
        parser.add_argument("--domain", help="Host name of the site (HOST or HOST:PORT).")
        parser.add_argument(
            "--subdistrict",
            help="Official 6-digit subdistrict code; for kind pao the 2-digit province code "
            "(or any district or subdistrict code of the province).",
        )
        parser.add_argument(
            "--kind",
            default=Organization.Kind.SUBDISTRICT_ADMINISTRATIVE_ORGANIZATION,
            help=f"One of {', '.join(Organization.Kind.values)} (default sao).",
        )
        parser.add_argument("--admin-username", default="", help="The first administrator.")
        parser.add_argument(
            "--admin-password-file",
            default="",
            help="A file whose first line is the administrator's password (never printed).",
        )

    def handle(self, *args, **options):
        password = self.read_password(options["admin_password_file"])
        try:
            new = organizations.check(
                options["domain"],
                options["subdistrict"],
                options["kind"],
                admin_username=options["admin_username"],
                admin_password=password,
            )
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        built = organizations.build(new, today=timezone.localdate())
        words = {"name": built.organization.name, "domain": new.domain}
        if built.new_rows == 0:
            self.stdout.write(_("%(name)s at %(domain)s already exists: nothing changed.") % words)
            return
        self.stdout.write(_("%(name)s is ready at %(domain)s.") % words)
        if new.admin_username:
            self.stdout.write(
                _("Administrator: %(username)s (sign in at %(domain)s/admin/)")
                % {"username": new.admin_username, "domain": new.domain}
            )

    def read_password(self, path):
        if not path:
            return ""
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise CommandError(
                _("Cannot read the password file %(path)s.") % {"path": path}
            ) from None
        if not lines or not lines[0]:
            raise CommandError(_("The password file %(path)s is empty.") % {"path": path})
        return lines[0]
