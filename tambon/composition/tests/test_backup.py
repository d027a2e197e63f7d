"""Backup and restore (issue 11, item 4): ``manage.py backup`` then ``manage.py restore`` bring
back every case, attachment, page, document and image byte for byte, on SQLite and on a real
PostgreSQL server, whatever happened in between; a damaged archive or one of the other engine
changes nothing.

Each deployment is a database of its own (a SQLite file in WAL mode, or a database on a
PostgreSQL server from Debian's package started for this module) with its own media folders,
and every step is a separate ``manage.py`` process, as an operator runs them. Both engines are
tested in every run of the suite, whichever database the suite itself uses.
"""

import io
import json
import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings

from serverkit import ServerError
from serverkit.engines import PostgresServer

# The same test whichever database the suite uses: `make test` runs it with the SQLite suite only.
pytestmark = pytest.mark.own_databases

REPO = Path(settings.BASE_DIR)
PASSWORD = "s3cret-pass-word"  # noqa: S105 - the test server trusts loopback; it must never show

BUILD = """
from tambon.cases.tests import files
from tambon.cases.tests.factories import CaseFactory
from tambon.cases.uploads import check_upload
from tambon.core.tests.factories import ImageFactory
from tambon.infocenter.tests.factories import PdfDocumentFactory
from tambon.pages.tests.factories import (
    NewsIndexPageFactory, NewsPageFactory, StandardPageFactory, organization_site,
)

site = organization_site()
home = site.root_page.specific
StandardPageFactory(parent=home, title="เกี่ยวกับ อบต.ทดสอบ", slug="about")
news = NewsIndexPageFactory(parent=home)
NewsPageFactory(parent=news, title="ประชาคมหมู่บ้าน", cover_image=ImageFactory(title="ภาพปก"))
ImageFactory(title="ภาพนายก")
PdfDocumentFactory(title="ข้อบัญญัติงบประมาณ")
PdfDocumentFactory(title="แผนพัฒนาท้องถิ่น")
reporter = {"name": "สมชาย ใจดี", "citizen_id": "1103702071561", "phone": "0812345678"}
CaseFactory(
    reporter=reporter, files=[check_upload(files.pdf()), check_upload(files.jpeg_with_gps())]
)
CaseFactory(subject="ถนนชำรุด หมู่ 4", files=[check_upload(files.png())])
CaseFactory(subject="เรื่องไม่ระบุชื่อ")
"""

# Everything a person would miss, read back from the database and the folders.
FINGERPRINT = """
import hashlib, json, os
from pathlib import Path
from django.apps import apps
from django.conf import settings
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from tambon.cases import conf
from tambon.cases.models import Case

def sha(field):
    if not field.storage.exists(field.name):
        return None
    with field.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()

def mode(path):
    return None if not os.path.exists(path) else oct(os.stat(path).st_mode & 0o777)

def tree(root):
    root = Path(root)
    return {str(path.relative_to(root)): [mode(path)] + (
                [hashlib.sha256(path.read_bytes()).hexdigest()] if path.is_file() else [])
            for path in sorted(root.rglob("*"))} if root.exists() else None

cases = {}
for case in Case.objects.all_organizations().order_by("tracking_code"):
    reporter = getattr(case, "reporter", None)
    cases[case.tracking_code] = {
        "subject": case.subject, "state": case.state, "details": case.details,
        "reporter": [reporter.name, reporter.citizen_id, reporter.phone] if reporter else None,
        "events": case.events.count(),
        "attachments": [[a.original_name, a.size, a.content_type, sha(a.file), mode(a.file.path)]
                        for a in case.attachments.all()],
    }
print(json.dumps({
    "cases": cases,
    "pages": {p.url_path: [p.title, p.specific_class.__name__, p.live, p.latest_revision_id]
              for p in Page.objects.all()},
    "documents": {d.title: [d.file.name, sha(d.file)]
                  for d in get_document_model().objects.all()},
    "images": {i.title: [i.file.name, i.width, sha(i.file)]
               for i in get_image_model().objects.all()},
    "rows": {m._meta.label: m._base_manager.count() for m in apps.get_models()},
    "media": tree(settings.MEDIA_ROOT),
    "private": tree(conf.private_media_root()),
}, sort_keys=True))
"""

# A bad day after the backup: a case deleted with its files, a case file overwritten and made
# readable by all, a page renamed, a document deleted, an image's file lost, a new case filed.
ALTER = """
import os
from pathlib import Path
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from tambon.cases.models import Case
from tambon.cases.tests import files
from tambon.cases.tests.factories import CaseFactory
from tambon.cases.uploads import check_upload

first, second = Case.objects.all_organizations().filter(attachments__isnull=False).distinct()[:2]
for attachment in first.attachments.all():
    attachment.file.delete(save=False)
first.delete()
overwritten = second.attachments.first()
with open(overwritten.file.path, "wb") as handle:
    handle.write(b"not the citizen's file")
os.chmod(overwritten.file.path, 0o644)
about = Page.objects.get(slug="about")
about.title = "เปลี่ยนชื่อแล้ว"
about.save()
document = get_document_model().objects.first()
if document:
    document.file.delete(save=False)
    document.delete()
Path(get_image_model().objects.first().file.path).unlink(missing_ok=True)
CaseFactory(subject="เรื่องใหม่หลังสำรอง", files=[check_upload(files.pdf())])
"""


class Deployment:
    def __init__(self, engine, database_url, folder):
        self.engine = engine
        self.folder = folder
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tambon.settings.dev",
            "DATABASE_URL": database_url,
            "TAMBON_MEDIA_ROOT": str(folder / "media"),
            "TAMBON_PRIVATE_MEDIA_ROOT": str(folder / "private"),
            "TAMBON_BACKUP_DIR": str(folder / "backups"),
            "TAMBON_PAGE_CACHE_GENERATION_FILE": str(folder / "page-cache-generation"),
        }

    def manage(self, *args, code=None, answer=None, env=None):
        command = [sys.executable, "manage.py", *args] + (["-c", code] if code else [])
        return subprocess.run(
            command,
            cwd=REPO,
            env={**self.env, **(env or {})},
            input=answer,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    def ok(self, *args, **kwargs):
        done = self.manage(*args, **kwargs)
        assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        assert PASSWORD not in done.stdout + done.stderr
        return done.stdout

    def fingerprint(self):
        return json.loads(self.ok("shell", code=FINGERPRINT).splitlines()[-1])

    def backup(self, *args):
        written = re.search(r"Backup written: (\S+)", self.ok("backup", *args))
        return Path(written.group(1))


def deployment(engine, database_url, folder):
    built = Deployment(engine, database_url, folder)
    built.ok("migrate", "--no-input")
    built.ok("shell", code=BUILD)
    return built


@pytest.fixture(scope="module")
def sqlite_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite-site")
    return deployment("sqlite", f"sqlite:///{folder / 'db.sqlite3'}", folder)


@pytest.fixture(scope="module")
def postgres_site(tmp_path_factory):
    try:
        server = PostgresServer().create()
    except ServerError as error:
        pytest.fail(str(error))
    url = server.url.replace("tambon@", f"tambon:{PASSWORD}@")
    yield deployment("postgresql", url, tmp_path_factory.mktemp("postgres-site"))
    server.remove()


@pytest.fixture(params=["sqlite", "postgres"])
def deployed(request):
    return request.getfixturevalue(f"{request.param}_site")


def test_a_restore_brings_back_every_case_file_page_document_and_image_byte_for_byte(deployed):
    before = deployed.fingerprint()
    assert len(before["cases"]) == 3 and len(before["documents"]) == 2  # a real site
    assert sum(len(case["attachments"]) for case in before["cases"].values()) == 3
    case_files = [name for name, entry in before["private"].items() if len(entry) == 2]
    assert case_files and all(before["private"][name][0] == "0o600" for name in case_files)

    archive = deployed.backup()
    assert archive.parent == deployed.folder / "backups"
    assert re.fullmatch(r"tambon-\d{8}T\d{6}Z\.tar\.gz", archive.name)
    assert oct(archive.stat().st_mode & 0o777) == "0o600", "it holds personal data"

    checked = deployed.ok("restore", "--verify-only", str(archive))
    assert "every member checked" in checked and deployed.fingerprint() == before

    deployed.ok("shell", code=ALTER)
    assert deployed.fingerprint() != before

    restored = deployed.ok("restore", str(archive), answer="yes\n")
    assert "Restored" in restored

    assert deployed.fingerprint() == before


def test_a_damaged_archive_is_refused_and_nothing_changes(deployed):
    archive = deployed.backup("--no-compress")
    with tarfile.open(archive) as tar:
        case_file = next(m for m in tar if m.isfile() and m.name.startswith("private/cases/"))
    with open(archive, "r+b") as handle:  # one byte of a citizen's file, as a bad disk would
        handle.seek(case_file.offset_data + 10)
        byte = handle.read(1)
        handle.seek(-1, os.SEEK_CUR)
        handle.write(bytes([byte[0] ^ 0xFF]))
    deployed.ok("shell", code=ALTER)
    altered = deployed.fingerprint()

    assert deployed.manage("restore", "--verify-only", str(archive)).returncode != 0
    refused = deployed.manage("restore", "--noinput", str(archive))

    assert refused.returncode != 0
    assert f"Refused: {case_file.name} does not match its checksum" in refused.stderr
    assert "Nothing was changed" in refused.stderr and "Traceback" not in refused.stderr
    assert deployed.fingerprint() == altered


def test_a_backup_of_the_other_engine_is_refused(sqlite_site, postgres_site):
    before = postgres_site.fingerprint()

    refused = postgres_site.manage("restore", "--noinput", str(sqlite_site.backup()))

    assert refused.returncode != 0
    assert "this is a backup of a sqlite database and this site uses postgresql" in refused.stderr
    assert postgres_site.fingerprint() == before


def test_a_backup_of_a_newer_version_is_refused(sqlite_site):
    archive = sqlite_site.backup("--no-compress")
    newer = archive.with_name("newer.tar")
    with tarfile.open(archive) as old, tarfile.open(newer, "w", format=tarfile.PAX_FORMAT) as new:
        for member in old:
            data = old.extractfile(member).read() if member.isfile() else None
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["migrations"].append(["cases", "9999_from_a_later_release"])
                data = json.dumps(manifest).encode()
                member.size = len(data)
            new.addfile(member, io.BytesIO(data) if data is not None else None)
    sqlite_site.ok("shell", code=ALTER)
    altered = sqlite_site.fingerprint()

    refused = sqlite_site.manage("restore", "--noinput", str(newer))

    assert refused.returncode != 0
    assert "made by a newer version of tambon" in refused.stderr
    assert "cases.9999_from_a_later_release" in refused.stderr
    assert sqlite_site.fingerprint() == altered


def test_a_restore_asks_first_and_no_means_nothing_changes(sqlite_site):
    archive = sqlite_site.backup()
    sqlite_site.ok("shell", code=ALTER)
    altered = sqlite_site.fingerprint()

    cancelled = sqlite_site.manage("restore", str(archive), answer="no\n")

    assert cancelled.returncode != 0 and "nothing was changed" in cancelled.stderr
    assert sqlite_site.fingerprint() == altered


def test_the_database_password_never_shows_even_when_the_backup_fails(postgres_site):
    unreachable = re.sub(r":\d+/", ":1/", postgres_site.env["DATABASE_URL"])

    failed = postgres_site.manage("backup", env={"DATABASE_URL": unreachable})

    assert failed.returncode != 0
    assert "did not answer" in failed.stderr and "Traceback" not in failed.stderr
    assert PASSWORD not in failed.stdout + failed.stderr
    assert list((postgres_site.folder / "backups").glob("*.partial")) == []
