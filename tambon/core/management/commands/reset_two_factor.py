from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tambon.core.two_factor import issue_enrolment_code


class Command(BaseCommand):
    help = (
        "Give a staff member a new one-time enrolment code, printed here only, to set up their "
        "authenticator app: a new member of staff, or a lost or new phone (the app set up "
        "before stops working)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        code, expires_at = issue_enrolment_code(user)
        until = timezone.localtime(expires_at).strftime("%Y-%m-%d %H:%M")
        self.stdout.write(
            f"{username}: enrolment code {code} (works once, until {until}; not shown again). "
            "Any authenticator app set up before no longer works."
        )
