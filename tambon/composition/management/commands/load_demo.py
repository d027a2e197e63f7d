import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tambon.composition.demo import build_demo_site

DEMO_ADMIN_USERNAME = "admin"
DEMO_ADMIN_DEFAULT_PASSWORD = "pong-demo-2565"  # noqa: S105 - printed on purpose, dev only


class Command(BaseCommand):
    help = "Build the demo organization อบต.พงษ์ จังหวัดน่าน. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-admin",
            action="store_true",
            help="Also create the demo administrator (refused when DEBUG is off).",
        )

    def handle(self, *args, with_admin=False, **options):
        site = build_demo_site(today=timezone.localdate())
        if options["verbosity"] > 0:
            self.stdout.write(
                f"Demo organization ready: {site.site_name} ({site.root_page.url_path})"
            )
        if with_admin:
            self.create_demo_admin()

    def create_demo_admin(self):
        if not settings.DEBUG:
            raise CommandError("The demo administrator is only for development (DEBUG on).")
        chosen_password = os.environ.get("TAMBON_DEMO_ADMIN_PASSWORD")
        password = chosen_password or DEMO_ADMIN_DEFAULT_PASSWORD
        user_model = get_user_model()
        if not user_model.objects.filter(username=DEMO_ADMIN_USERNAME).exists():
            user_model.objects.create_superuser(
                DEMO_ADMIN_USERNAME, "admin@pong.example", password, first_name="ผู้ดูแลระบบ"
            )
        # A password someone chose is theirs: never echo it. The built-in demo one is public.
        shown = "(TAMBON_DEMO_ADMIN_PASSWORD)" if chosen_password else password
        self.stdout.write(
            f"Admin: http://127.0.0.1:8000/admin/  user: {DEMO_ADMIN_USERNAME}  password: {shown}"
        )
