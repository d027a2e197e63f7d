"""Every string of ours that a person reads has a Thai translation."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


def gettext_tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: `make test` installs the Debian package gettext.")
    return path


def entries(po_text):
    """The message blocks of a .po file, its header (the one with Content-Type) left out."""
    blocks = po_text.strip().split("\n\n")
    return [b for b in blocks if "msgid" in b and '"Content-Type:' not in b]


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    """Extract the strings of the current code into a copy of the project, merged with ours."""
    gettext_tool("xgettext")
    work = tmp_path_factory.mktemp("catalogue")
    shutil.copy(REPO / "manage.py", work)
    shutil.copytree(REPO / "tambon", work / "tambon", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "th", "--no-location", "-v", "0"],
        cwd=work,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "tambon.settings.test", "PATH": "/usr/bin:/bin"},
    )
    return work / "tambon" / "locale" / "th" / "LC_MESSAGES" / "django.po"


def messages_flagged(catalogue, flag):
    """The entries of the catalogue that msgattrib selects with `flag`."""
    output = subprocess.run(
        [gettext_tool("msgattrib"), flag, "--no-obsolete", str(catalogue)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return entries(output)


def test_no_string_lacks_a_thai_translation(fresh_catalogue):
    missing = messages_flagged(fresh_catalogue, "--untranslated")
    assert not missing, (
        "Add their Thai to scripts/th_translations.py and run scripts/update_catalogue.py:\n"
        + "\n\n".join(missing[:20])
    )


def test_no_translation_is_left_fuzzy(fresh_catalogue):
    fuzzy = messages_flagged(fresh_catalogue, "--only-fuzzy")
    assert not fuzzy, "\n\n".join(fuzzy[:20])
