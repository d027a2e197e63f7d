"""Backup and restore of a whole deployment: the database and every stored file (docs/operations.md,
"Backup and restore"). Here in composition because it covers every app: the public media
(Wagtail's images and documents) and the cases' private files.

An archive is one tar file (gzip-compressed unless asked otherwise), written 0600:

    database/tambon.sqlite3 | database/tambon.pgdump   the database, first
    media/...                                          MEDIA_ROOT
    private/...                                        the cases' private files
    manifest.json                                      last: format, engine, migrations, and the
                                                       size, mode and SHA-256 of every member

The database is a consistent snapshot (SQLite's online backup API, or pg_dump's snapshot);
the files are copied after it. Stored files are never rewritten in place (each upload gets a new
random name), so every file the snapshot names is in the archive unless it was deleted between
the two, which only the nightly purges do: schedule the backup away from them. (The cleaning of
a citizen's photo deletes its original too; a restored row that names it finds its cleaned copy:
cases/cleaning.py.)

Restore reads the whole archive and checks every member against the manifest before it changes
anything; then it replaces the database in one transaction and brings each folder to the
archive's content (same bytes, same modes; files not in the archive are removed).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from tambon.cases import conf as cases_conf
from tambon.core.pagecache import purge

FORMAT = "tambon-backup"
VERSION = 1
MANIFEST = "manifest.json"
DATABASE_MEMBER = {"sqlite": "database/tambon.sqlite3", "postgresql": "database/tambon.pgdump"}
CHUNK = 1024 * 1024
# libpq's environment variables for the connection options tambon's settings may carry.
PG_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}
# Before the dump's SQL, in the same transaction: every table, view and sequence of the schema
# goes, so that the database is exactly the dump's, with no table of a later version left over.
DROP_EVERYTHING = """
DO $$
DECLARE item record;
BEGIN
    FOR item IN
        SELECT c.relname, c.relkind FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        ORDER BY c.relkind = 'S'  -- a table's own sequences go with it
    LOOP
        EXECUTE format(
            CASE item.relkind
                WHEN 'v' THEN 'DROP VIEW IF EXISTS public.%I CASCADE'
                WHEN 'm' THEN 'DROP MATERIALIZED VIEW IF EXISTS public.%I CASCADE'
                WHEN 'S' THEN 'DROP SEQUENCE IF EXISTS public.%I CASCADE'
                ELSE 'DROP TABLE IF EXISTS public.%I CASCADE'
            END,
            item.relname
        );
    END LOOP;
END $$;
"""


class BackupError(Exception):
    """A refusal or failure, told to the operator; never carries the database password."""


def file_roots() -> dict[str, Path]:
    """The folders an archive holds, by the name of their folder in the archive."""
    return {
        "media": Path(settings.MEDIA_ROOT).resolve(),
        "private": cases_conf.private_media_root().resolve(),
    }


def current_engine() -> str:
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBER:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def default_folder() -> Path:
    configured = os.environ.get("TAMBON_BACKUP_DIR")
    return Path(configured) if configured else Path(settings.BASE_DIR) / "var" / "backups"


def redact(text: str) -> str:
    password = settings.DATABASES["default"].get("PASSWORD") or ""
    return text.replace(password, "********") if password else text


# --- PostgreSQL tools ----------------------------------------------------------------------------


def pg_tool(name: str) -> str:
    """The Debian package's tool for the server's major version (or the nearest newer one)."""
    connection.ensure_connection()
    major = connection.pg_version // 10000
    installed = sorted(
        int(path.parent.parent.name)
        for path in Path("/usr/lib/postgresql").glob(f"*/bin/{name}")
        if path.parent.parent.name.isdigit()
    )
    fitting = [version for version in installed if version >= major]
    if not fitting:
        raise BackupError(
            f"{name} for PostgreSQL {major} is missing: install the Debian package "
            f"postgresql-client-{major}."
        )
    return f"/usr/lib/postgresql/{fitting[0]}/bin/{name}"


def pg_environment() -> dict[str, str]:
    """The connection for libpq's tools, in their environment: nothing on a command line
    (which any user of the machine may read with ps)."""
    database = settings.DATABASES["default"]
    env = {**os.environ, "PGDATABASE": database["NAME"], "PGAPPNAME": "tambon-backup"}
    for key, variable in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    for option, variable in PG_OPTIONS.items():
        if option in database.get("OPTIONS", {}):
            env[variable] = str(database["OPTIONS"][option])
    return env


def run_pg(command: list[str], **kwargs) -> None:
    # The command is one of PostgreSQL's own tools with arguments built here, no shell.
    done = subprocess.run(  # noqa: S603
        command, env=pg_environment(), capture_output=True, text=True, check=False, **kwargs
    )
    if done.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(redact(f"{tool} failed:\n{done.stderr.strip()[-2000:]}"))


# --- Backup --------------------------------------------------------------------------------------


def applied_migrations() -> list[list[str]]:
    return sorted([app, name] for app, name in MigrationRecorder(connection).applied_migrations())


def dump_database(engine: str, target: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        try:
            connection.connection.backup(copy)  # one consistent snapshot, WAL included
        finally:
            copy.close()
    else:
        run_pg([pg_tool("pg_dump"), "--format=custom", f"--file={target}"])


class HashingReader:
    """Hands a file to tarfile and hashes what it read."""

    def __init__(self, handle):
        self.handle = handle
        self.sha256 = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.sha256.update(data)
        return data


@dataclass
class ArchiveWriter:
    tar: tarfile.TarFile
    members: dict = field(default_factory=dict)
    skipped: list = field(default_factory=list)

    def add_file(self, path: Path, name: str) -> None:
        with open(path, "rb") as handle:
            info = self.tar.gettarinfo(arcname=name, fileobj=handle)
            info.uname = info.gname = ""
            reader = HashingReader(handle)
            self.tar.addfile(info, reader)
        self.members[name] = {
            "type": "file",
            "size": info.size,
            "mode": f"{info.mode & 0o777:04o}",
            "sha256": reader.sha256.hexdigest(),
        }

    def add_folder(self, path: Path, name: str) -> None:
        info = self.tar.gettarinfo(str(path), arcname=name)
        info.uname = info.gname = ""
        self.tar.addfile(info)
        self.members[name] = {"type": "dir", "mode": f"{info.mode & 0o777:04o}"}

    def add_tree(self, root: Path, prefix: str, leave_out: set[Path]) -> None:
        """Every folder and regular file under root; the roots of other trees are left out."""
        self.add_folder(root, prefix)
        for folder, folders, files in os.walk(root):
            here = Path(folder)
            folders[:] = sorted(name for name in folders if here / name not in leave_out)
            for name in folders:
                path = here / name
                if path.is_symlink():
                    self.skipped.append(str(path))
                    continue
                self.add_folder(path, f"{prefix}/{path.relative_to(root).as_posix()}")
            for name in sorted(files):
                path = here / name
                if path.is_symlink() or not path.is_file():
                    self.skipped.append(str(path))
                    continue
                try:
                    self.add_file(path, f"{prefix}/{path.relative_to(root).as_posix()}")
                except FileNotFoundError:
                    # Deleted while the backup ran (a purge): not in the snapshot's world either.
                    self.skipped.append(str(path))

    def add_manifest(self, manifest: dict) -> None:
        data = json.dumps(manifest, indent=1, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size = len(data)
        info.mode = 0o600
        info.mtime = int(timezone.now().timestamp())
        with tempfile.SpooledTemporaryFile() as buffer:
            buffer.write(data)
            buffer.seek(0)
            self.tar.addfile(info, buffer)


def archive_path(output: str | None, compress: bool) -> Path:
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    name = f"tambon-{stamp}.tar{'.gz' if compress else ''}"
    if not output:
        return default_folder() / name
    path = Path(output)
    return path / name if path.is_dir() else path


def create_backup(output: str | None = None, compress: bool = True) -> tuple[Path, dict, list]:
    """Write an archive; returns its path, its manifest and the files left out."""
    engine = current_engine()
    target = archive_path(output, compress)
    if target.exists():
        raise BackupError(f"{target} exists already: give another --output.")
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = target.with_name(target.name + ".partial")
    # 0600 from its first byte: the archive holds citizens' personal data.
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with (
            os.fdopen(descriptor, "wb") as raw,
            # Beside the archive, where there is room for it (/tmp may be a small tmpfs).
            tempfile.TemporaryDirectory(prefix=".tambon-backup-", dir=target.parent) as staging,
        ):
            options = {"mode": "w:gz", "compresslevel": 6} if compress else {"mode": "w"}
            with tarfile.open(fileobj=raw, format=tarfile.PAX_FORMAT, **options) as tar:
                writer = ArchiveWriter(tar)
                dump = Path(staging) / "database"
                migrations = applied_migrations()
                dump_database(engine, dump)
                os.chmod(dump, 0o600)
                writer.add_file(dump, DATABASE_MEMBER[engine])
                roots = file_roots()
                for prefix, root in roots.items():
                    if root.is_dir():
                        writer.add_tree(root, prefix, leave_out=set(roots.values()) - {root})
                manifest = {
                    "format": FORMAT,
                    "version": VERSION,
                    "created": timezone.now().isoformat(),
                    "engine": engine,
                    "server_version": (
                        connection.pg_version if engine == "postgresql" else sqlite3.sqlite_version
                    ),
                    "tambon": metadata.version("tambon"),
                    "migrations": migrations,
                    "members": writer.members,
                }
                writer.add_manifest(manifest)
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target, manifest, writer.skipped


# --- Restore -------------------------------------------------------------------------------------


def safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or name != path.as_posix():
        return False
    return name == MANIFEST or path.parts[0] in ("database", "media", "private")


def member_digest(tar: tarfile.TarFile, member: tarfile.TarInfo) -> str:
    digest = hashlib.sha256()
    handle = tar.extractfile(member)
    while chunk := handle.read(CHUNK):
        digest.update(chunk)
    return digest.hexdigest()


def open_archive(path: Path) -> tarfile.TarFile:
    try:
        return tarfile.open(path, "r:*")
    except FileNotFoundError:
        raise BackupError(f"{path} does not exist.") from None
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"{path} is not a tambon backup ({error}).") from None


def verify(path: Path) -> dict:
    """The archive's manifest, once every member has been read and found as the manifest says;
    BackupError otherwise. Changes nothing."""
    found, manifest = {}, None
    try:
        with open_archive(path) as tar:
            for member in tar:
                if not safe_member_name(member.name) or member.name in found:
                    raise BackupError(f"The archive holds an unexpected member {member.name!r}.")
                if member.name == MANIFEST:
                    manifest = json.loads(tar.extractfile(member).read())
                    found[member.name] = None
                elif member.isfile():
                    found[member.name] = {
                        "type": "file",
                        "size": member.size,
                        "sha256": member_digest(tar, member),
                    }
                elif member.isdir():
                    found[member.name] = {"type": "dir"}
                else:
                    raise BackupError(f"The archive holds an unexpected member {member.name!r}.")
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        raise BackupError(f"{path} is damaged or cut short ({error}).") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BackupError(f"{path} is not a tambon backup (no manifest).")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{path} is a backup of format {manifest.get('version')}; this version of tambon "
            f"reads format {VERSION}."
        )
    found.pop(MANIFEST)
    expected = manifest.get("members", {})
    for name in sorted(set(expected) | set(found)):
        want, got = expected.get(name), found.get(name)
        if want is None or got is None:
            missing = "is missing from the archive" if got is None else "is not in the manifest"
            raise BackupError(f"Refused: {name} {missing}. Nothing was changed.")
        if any(want.get(key) != value for key, value in got.items()):
            raise BackupError(
                f"Refused: {name} does not match its checksum (the archive is damaged or was "
                "altered). Nothing was changed."
            )
    return manifest


def check_fits(manifest: dict) -> None:
    """The archive can be restored here: same engine, and no migration this code lacks."""
    engine = current_engine()
    if manifest.get("engine") != engine:
        raise BackupError(
            f"Refused: this is a backup of a {manifest.get('engine')} database and this site "
            f"uses {engine}. Nothing was changed."
        )
    databases = {name for name in manifest.get("members", {}) if name.startswith("database/")}
    if databases != {DATABASE_MEMBER[engine]}:
        raise BackupError("Refused: the archive does not hold one database. Nothing was changed.")
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    newer = sorted(
        f"{app}.{name}" for app, name in manifest.get("migrations", []) if (app, name) not in known
    )
    if newer:
        raise BackupError(
            f"Refused: the backup was made by a newer version of tambon (migrations unknown to "
            f"this one: {', '.join(newer[:5])}). Install that version first. Nothing was changed."
        )


def restore_database(engine: str, dump: Path, staging: Path) -> None:
    if engine == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            # Page by page into the live file, under SQLite's own locks: readers elsewhere see
            # the old database or the new one, never a mixture.
            source.backup(connection.connection)
        finally:
            source.close()
        connection.close()
        return
    script = staging / "restore.sql"
    run_pg([pg_tool("pg_restore"), "--no-owner", "--no-privileges", f"--file={script}", str(dump)])
    connection.close()  # this process's own connection must not hold a table the restore drops
    env_options = "-c lock_timeout=30s"
    psql = [
        pg_tool("psql"),
        "--no-psqlrc",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        f"--command={DROP_EVERYTHING}",
        f"--file={script}",
    ]
    done = subprocess.run(  # noqa: S603 - as in run_pg
        psql,
        env={**pg_environment(), "PGOPTIONS": env_options},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise BackupError(
            redact(
                "The database could not be restored and was left as it was (one transaction). "
                "Is the site stopped? psql said:\n" + done.stderr.strip()[-2000:]
            )
        )


def write_member(tar, member, target: Path, mode: int, sha256: str) -> bool:
    """The member's bytes at target, replaced in one step; False if they were already there."""
    if target.is_file() and not target.is_symlink():
        with open(target, "rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        if digest == sha256:
            os.chmod(target, mode)
            return False
    elif target.exists() or target.is_symlink():
        remove(target)
    descriptor, temporary = tempfile.mkstemp(prefix=".restore-", dir=target.parent)
    try:
        digest = hashlib.sha256()
        with os.fdopen(descriptor, "wb") as out:
            source = tar.extractfile(member)
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
        if digest.hexdigest() != sha256:
            raise BackupError(f"{member.name} changed while it was restored: run restore again.")
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def restore_backup(path: Path, manifest: dict) -> dict:
    """Restore a verified archive (verify() and check_fits() first). Returns counts."""
    engine = current_engine()
    members = manifest["members"]
    roots = file_roots()
    kept = {prefix: set() for prefix in roots}
    counts = {"written": 0, "unchanged": 0, "removed": 0}
    folder_modes = {}
    with (
        tempfile.TemporaryDirectory(prefix="tambon-restore-") as staging,
        open_archive(path) as tar,
    ):
        for member in tar:
            if member.name == MANIFEST:
                continue
            entry = members[member.name]
            mode = int(entry["mode"], 8)
            if member.name == DATABASE_MEMBER[engine]:
                dump = Path(staging) / "database"
                write_member(tar, member, dump, 0o600, entry["sha256"])
                restore_database(engine, dump, Path(staging))
                continue
            prefix, _, relative = member.name.partition("/")
            target = roots[prefix] / relative if relative else roots[prefix]
            kept[prefix].add(target)
            if member.isdir():
                if target.is_symlink() or (target.exists() and not target.is_dir()):
                    remove(target)
                target.mkdir(parents=True, exist_ok=True, mode=0o700)
                folder_modes[target] = mode  # set at the end: a read-only folder is filled first
            elif write_member(tar, member, target, mode, entry["sha256"]):
                counts["written"] += 1
            else:
                counts["unchanged"] += 1
    # What the archive does not hold goes: the folders are now exactly the archive's.
    for prefix, root in roots.items():
        others = set(roots.values()) - {root}
        for folder, folders, files in os.walk(root, topdown=False):
            here = Path(folder)
            for name in files + folders:
                path = here / name
                if path in kept[prefix] or any(
                    other.is_relative_to(path) or path.is_relative_to(other) for other in others
                ):
                    continue  # in the archive, or another tree's (or on the way to it)
                if path.is_dir() and not path.is_symlink() and any(path.iterdir()):
                    continue
                remove(path)
                counts["removed"] += 1
    for folder, mode in sorted(folder_modes.items(), reverse=True):
        os.chmod(folder, mode)
    purge()  # pages cached from the database as it was
    return counts


def unapplied_migrations() -> int:
    """How many migrations of this code the (restored) database has not had yet."""
    executor = MigrationExecutor(connection)
    return len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
