"""The Thai catalogue (tambon/locale/th/LC_MESSAGES/django.po) matches the code, all in Thai.

Each test runs `make catalogue` on a copy of the project and compares the result with the
committed django.po. How to fix a failure is in docs/translation.md.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
CATALOGUE = Path("tambon", "locale", "th", "LC_MESSAGES", "django.po")
HOW_TO_FIX = "How to fix it: docs/translation.md."


def gettext_tool(name):
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: `make test` installs the Debian package gettext.")
    return path


def entries(po_text):
    """The message blocks of a .po file, its header (the one with Content-Type) left out."""
    blocks = po_text.strip().split("\n\n")
    return [b for b in blocks if "msgid" in b and '"Content-Type:' not in b]


def listed(blocks):
    return "\n\n".join(blocks[:20]) + (
        f"\n\n... and {len(blocks) - 20} more" if blocks[20:] else ""
    )


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory):
    """Run `make catalogue` on a copy of the project: django.po as the current code makes it."""
    gettext_tool("xgettext")
    work = tmp_path_factory.mktemp("catalogue")
    shutil.copy(REPO / "manage.py", work)
    shutil.copy(REPO / "Makefile", work)
    shutil.copytree(REPO / "tambon", work / "tambon", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(
        [shutil.which("make") or "/usr/bin/make", "--silent", "catalogue", f"PY={sys.executable}"],
        cwd=work,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "tambon.settings.test", "PATH": "/usr/bin:/bin"},
    )
    return work / CATALOGUE


def messages_flagged(catalogue, flag):
    """The entries of the catalogue that msgattrib selects with `flag`."""
    output = subprocess.run(
        [gettext_tool("msgattrib"), flag, "--no-wrap", str(catalogue)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return entries(output)


def test_no_string_lacks_a_thai_translation(fresh_catalogue):
    missing = messages_flagged(fresh_catalogue, "--untranslated")
    assert not missing, (
        "These strings of the code have no Thai. Run `make catalogue`, write their Thai in the "
        f"empty msgstr lines of {CATALOGUE}, then run `make messages`. {HOW_TO_FIX}\n\n"
        + listed(missing)
    )


def test_no_translation_is_left_fuzzy(fresh_catalogue):
    """gettext ignores a fuzzy entry: the page would show English."""
    fuzzy = messages_flagged(fresh_catalogue, "--only-fuzzy")
    assert not fuzzy, (
        f"These entries of {CATALOGUE} are marked fuzzy (a guess that gettext does not use). "
        "Check or correct each Thai msgstr, then delete its `#, fuzzy` flag and its `#|` lines. "
        f"{HOW_TO_FIX}\n\n" + listed(fuzzy)
    )


def test_no_obsolete_entry_is_left(fresh_catalogue):
    """Every entry of the committed catalogue is a string that the code still uses."""
    merged = subprocess.run(
        [
            gettext_tool("msgmerge"),
            "--quiet",
            "--no-fuzzy-matching",
            "--no-wrap",
            "--output-file=-",
            str(REPO / CATALOGUE),
            str(fresh_catalogue),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    obsolete = subprocess.run(
        [gettext_tool("msgattrib"), "--only-obsolete", "--no-wrap", "-"],
        input=merged,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    stale = entries(obsolete)
    assert not stale, (
        f"These entries of {CATALOGUE} are not in the code any more (or are left as `#~`). "
        "Run `make catalogue`, which removes them, or delete them by hand; if a string only "
        f"changed its wording or context, carry its Thai over to the new entry. {HOW_TO_FIX}\n\n"
        + listed(stale)
    )
