"""Upgrade in place from the last release (issue 10, item 8): a database built by that release's
own ``migrate`` and ``load_demo`` migrates to this code with every row kept and every
organization-owned row given to its one organization.

The release's code is taken from git (``git archive``) into a temporary folder and run there;
the database is a SQLite file, or, when the tests run on PostgreSQL, a database of its own on
the same server. Each step is a separate process, as an operator's upgrade would be.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
from io import BytesIO
from pathlib import Path

import dj_database_url
import pytest
from django.conf import settings
from django.db import connection

REPO = Path(settings.BASE_DIR)
# The last release before records belonged to organizations (main on 2026-12-02).
RELEASE = "b206f5a"

COUNT_ROWS = """
import json
from django.apps import apps
print(json.dumps({m._meta.label: m._base_manager.count() for m in apps.get_models()
                  if m._meta.app_label in {"core", "people", "cases", "infocenter",
                                           "procurement", "stats", "pages"}}))
"""

OWNERS = """
import json
from django.apps import apps
from tambon.core.models import Organization
from tambon.core.scoping import OrganizationOwned
owners = {m._meta.label: sorted(set(m.objects.all_organizations()
                                    .values_list("organization_id", flat=True)))
          for m in apps.get_models() if issubclass(m, OrganizationOwned)}
from django.contrib.auth.models import Group
administrators = Group.objects.get(name="Moderators")
print(json.dumps({"organizations": list(Organization.objects.values_list("pk", flat=True)),
                  "owners": owners,
                  "administrators may add staff":
                      administrators.permissions.filter(codename="add_user").exists()}))
"""


@pytest.fixture
def release_tree(tmp_path):
    archive = subprocess.run(
        [
            shutil.which("git") or "/usr/bin/git",
            "-C",
            str(REPO),
            "archive",
            "--format=tar",
            RELEASE,
        ],
        capture_output=True,
        check=False,
    )
    assert archive.returncode == 0, (
        f"git could not give the release {RELEASE} (a clone with its history is needed): "
        + archive.stderr.decode()
    )
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(tmp_path / "release", filter="data")
    return tmp_path / "release"


@pytest.fixture
def database_url(tmp_path):
    """A database of the upgrade's own, on the engine the tests run on."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'upgrade.sqlite3'}"
        return
    import psycopg

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = "tambon_upgrade_from_release"
    server = {key.lower(): config[key] for key in ("HOST", "PORT", "USER", "PASSWORD")}
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    yield os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# Tables a later migration folded into another: the rows are counted in the table they went to
# (cases 0011/0012: the views of corruption reporters became rows of the access trail).
MOVED = {"cases.ReporterView": "cases.AccessRecord"}


def manage(tree, database_url, *args, code=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tambon.settings.dev",
        "DATABASE_URL": database_url,
        # Beside the tree of the release, in this test's own folder.
        "TAMBON_PAGE_CACHE_GENERATION_FILE": str(Path(tree).parent / "page-cache-generation"),
    }
    command = [sys.executable, "manage.py", *args]
    if code is not None:
        command += ["-c", code]
    done = subprocess.run(
        command, cwd=tree, env=env, capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_a_database_of_the_last_release_upgrades_with_everything_given_to_its_organization(
    release_tree, database_url
):
    manage(release_tree, database_url, "migrate", "--no-input")
    manage(release_tree, database_url, "load_demo")
    before = json.loads(
        manage(release_tree, database_url, "shell", code=COUNT_ROWS).splitlines()[-1]
    )

    manage(REPO, database_url, "migrate", "--no-input")

    after = json.loads(manage(REPO, database_url, "shell", code=COUNT_ROWS).splitlines()[-1])
    kept = {label: after.get(MOVED.get(label, label)) for label in before}
    assert kept == before, "every row of the release is still there"
    assert before["cases.Case"] > 0 and before["infocenter.InfoRecord"] > 0  # a real demo

    found = json.loads(manage(REPO, database_url, "shell", code=OWNERS).splitlines()[-1])
    assert len(found["organizations"]) == 1
    only = found["organizations"]
    not_given = {
        label: owners for label, owners in found["owners"].items() if owners not in ([], only)
    }
    assert not_given == {}, "every organization-owned row belongs to the one organization"
    # Wagtail's Moderators became the administrators, with what administrators may do now.
    assert found["administrators may add staff"]
