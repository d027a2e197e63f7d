from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Forget a staff member's authenticator (a lost or new phone): at their next sign-in "
        "they set up a new one."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}.")
        removed, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"{username}: {removed} authenticator(s) removed.")
