"""manage.py restore: put back the database and the stored files of an archive made by
manage.py backup, once every member of it has been checked (docs/operations.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from tambon.composition import backup


class Command(BaseCommand):
    help = (
        "Replace the database and the stored files with those of a backup archive. Every member "
        "is checked against the archive's manifest first; a damaged archive changes nothing. "
        "Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The archive written by manage.py backup.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )
        parser.add_argument(
            "--verify-only",
            action="store_true",
            help="Check every member of the archive, and that it fits this site; change nothing.",
        )

    def handle(self, *args, archive, interactive=True, verify_only=False, **options):
        path = Path(archive)
        try:
            manifest = backup.verify(path)
            backup.check_fits(manifest)
            self.stdout.write(
                f"{path}: every member checked. A {manifest['engine']} backup made "
                f"{manifest['created']} by tambon {manifest['tambon']}."
            )
            if verify_only:
                return
            if interactive:
                answer = input(
                    "This replaces the whole database and every stored file of this site. "
                    "Type 'yes' to continue: "
                )
                if answer.strip() != "yes":
                    raise CommandError("Restore cancelled: nothing was changed.")
            counts = backup.restore_backup(path, manifest)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(backup.redact(f"The database did not answer: {error}")) from None
        self.stdout.write(
            f"Restored: the database, {counts['written']} files written, {counts['unchanged']} "
            f"already as in the backup, {counts['removed']} not in the backup removed."
        )
        pending = backup.unapplied_migrations()
        if pending:
            self.stdout.write(
                f"The backup predates {pending} migration(s) of this version: run "
                "`manage.py migrate` before starting the site."
            )
