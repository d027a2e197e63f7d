"""manage.py backup: the database and every stored file in one archive (docs/operations.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from tambon.composition import backup


class Command(BaseCommand):
    help = (
        "Write the database and the stored files (images, documents, case files) to one archive, "
        "readable by this account only. Default: var/backups/tambon-<UTC time>.tar.gz."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="The archive's path, or a folder to write it in (default var/backups)."
        )
        parser.add_argument(
            "--no-compress", action="store_true", help="A plain .tar, without gzip (faster)."
        )

    def handle(self, *args, output=None, no_compress=False, **options):
        try:
            path, manifest, skipped = backup.create_backup(output, compress=not no_compress)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        except DatabaseError as error:
            raise CommandError(backup.redact(f"The database did not answer: {error}")) from None
        files = sum(1 for entry in manifest["members"].values() if entry["type"] == "file") - 1
        for left_out in skipped:
            self.stderr.write(f"Left out (not a regular file, or deleted meanwhile): {left_out}")
        self.stdout.write(
            f"Backup written: {path} ({manifest['engine']} database and {files} files, "
            f"{path.stat().st_size} bytes)"
        )
