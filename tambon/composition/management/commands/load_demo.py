from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tambon.composition.demo import (
    build_demo_site,
    build_second_organization,
    ensure_demo_logins,
)
from tambon.core import two_factor
from tambon.core.models import Organization
from tambon.search.indexing import rebuild_organization


class Command(BaseCommand):
    help = (
        "Build the demo's two organizations: อบต.พงษ์ จังหวัดน่าน at 127.0.0.1:8000 and "
        "ทต.บ้านแฮด จังหวัดขอนแก่น at banhaet.localhost:8000. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Also create the demo sign-ins: an administrator of each organization and an "
            "operator (refused when DEBUG is off).",
        )

    def handle(self, *args, with_admin=False, **options):
        today = timezone.localdate()
        site = build_demo_site(today=today)
        second = build_second_organization(today=today)
        # The demo's search index, in one task: many of its rows were saved before its site
        # and organization existed, so the signals could not tell whose they were. (The
        # second organization's is enqueued by organizations.build.)
        rebuild_organization.enqueue(Organization.for_site(site).pk)
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Demo organizations ready: {site.site_name} ({site.root_page.url_path}), "
                f"{second.short_name} (http://{second.site.hostname}:{second.site.port}/)"
            )
        if with_admin:
            if not settings.DEBUG:
                raise CommandError("The demo sign-ins are only for development (DEBUG on).")
            logins = ensure_demo_logins(Organization.for_site(site), second)
            # A password someone chose is theirs: never echo it. The built-in demo ones are public.
            for label, url, username, shown in logins:
                line = f"{label}: {url}  user: {username}  password: {shown}"
                if two_factor.is_required():
                    line += f"  {second_factor(username)}"
                self.stdout.write(line)
            if not two_factor.is_required():
                self.stdout.write(
                    "Two-factor sign-in is off in this demo: the password alone opens the admin "
                    "(TAMBON_STAFF_2FA=1 make run asks for the enrolment code and the app's "
                    "code, as production does)."
                )


def second_factor(username):
    """How a demo sign-in gets past the second factor: the app it set up on an earlier run, or
    a new enrolment code (printed here, where the demo's passwords are)."""
    user = get_user_model().objects.get(username=username)
    if two_factor.confirmed_devices(user).exists():
        return "code: from the authenticator app set up before"
    code, _expires_at = two_factor.issue_enrolment_code(user)
    return f"enrolment code: {code}"
