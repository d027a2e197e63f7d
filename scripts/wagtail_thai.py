"""How much of Wagtail's admin reads Thai, and the catalogue that completes it.

    .venv/bin/python scripts/wagtail_thai.py coverage [--wagtail-only]
    .venv/bin/python scripts/wagtail_thai.py update

`coverage` counts, for each Wagtail catalogue the site uses, the strings that have Thai: in
Wagtail's own `th` catalogue, in ours (tambon/locale, read first) or in the Wagtail completion
catalogue (tambon/wagtail_locale, read before Wagtail's). `--wagtail-only` counts Wagtail's
own Thai alone (the figure before our catalogues).

`update` adds to tambon/wagtail_locale/th/LC_MESSAGES/{django,djangojs}.po every Wagtail string
that has no Thai yet (empty msgstr, to be translated) and drops entries Wagtail no longer has:
run it after each Wagtail upgrade (docs/admin-translation.md).
"""

import argparse
import ast
import subprocess
import sys
from pathlib import Path

import django
import taggit
import wagtail

REPO = Path(__file__).resolve().parents[1]
WAGTAIL = Path(wagtail.__file__).parent
TAGGIT = Path(taggit.__file__).parent
DJANGO = Path(django.__file__).parent
OURS = REPO / "tambon" / "locale" / "th" / "LC_MESSAGES" / "django.po"
COMPLETION = REPO / "tambon" / "wagtail_locale" / "th" / "LC_MESSAGES"

# The catalogues of what the admin shows: Wagtail's apps in INSTALLED_APPS, the tags, Django's.
PARTS = {
    "admin (editor, explorer, dashboard, menus)": WAGTAIL / "admin/locale/{}/LC_MESSAGES/django.po",
    "admin JavaScript (StreamField, choosers)": WAGTAIL / "admin/locale/{}/LC_MESSAGES/djangojs.po",
    "core (pages, workflows, privacy)": WAGTAIL / "locale/{}/LC_MESSAGES/django.po",
    "images": WAGTAIL / "images/locale/{}/LC_MESSAGES/django.po",
    "documents": WAGTAIL / "documents/locale/{}/LC_MESSAGES/django.po",
    "snippets": WAGTAIL / "snippets/locale/{}/LC_MESSAGES/django.po",
    "users": WAGTAIL / "users/locale/{}/LC_MESSAGES/django.po",
    "settings": WAGTAIL / "contrib/settings/locale/{}/LC_MESSAGES/django.po",
    "redirects": WAGTAIL / "contrib/redirects/locale/{}/LC_MESSAGES/django.po",
    "forms": WAGTAIL / "contrib/forms/locale/{}/LC_MESSAGES/django.po",
    "search": WAGTAIL / "search/locale/{}/LC_MESSAGES/django.po",
    "embeds": WAGTAIL / "embeds/locale/{}/LC_MESSAGES/django.po",
    "sites": WAGTAIL / "sites/locale/{}/LC_MESSAGES/django.po",
    "table block": WAGTAIL / "contrib/table_block/locale/{}/LC_MESSAGES/django.po",
    "typed table block": WAGTAIL / "contrib/typed_table_block/locale/{}/LC_MESSAGES/django.po",
    # django-taggit: the tag field of images, documents and news ("A comma-separated list...")
    "tags (django-taggit)": TAGGIT / "locale/{}/LC_MESSAGES/django.po",
    # Django's own words in the admin: form errors, "5 minutes ago", password rules
    "Django (forms, dates)": DJANGO / "conf/locale/{}/LC_MESSAGES/django.po",
    "Django users and passwords": DJANGO / "contrib/auth/locale/{}/LC_MESSAGES/django.po",
}


def parse_po(path):
    """{(msgctxt, msgid, msgid_plural): [msgstr, ...]} of a .po file, fuzzy entries left out."""
    entries = {}
    if not path.exists():
        return entries
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields, current, fuzzy = {}, None, False
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                fields[current] += ast.literal_eval(line)
            else:
                current, _, value = line.partition(" ")
                fields[current] = ast.literal_eval(value)
        if "msgid" not in fields or not fields["msgid"] or fuzzy:
            continue
        key = (fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural"))
        entries[key] = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
    return entries


def has_thai(strings):
    return bool(strings) and all(strings)


def coverage_rows(wagtail_only=False):
    """[(part, strings with Thai, all strings)] for each catalogue, then for all of them."""
    ours = {} if wagtail_only else parse_po(OURS)
    rows, total_thai, total = [], 0, 0
    for name, pattern in PARTS.items():
        english = parse_po(Path(str(pattern).format("en")))
        thai = parse_po(Path(str(pattern).format("th")))
        if not wagtail_only:
            completion = parse_po(COMPLETION / pattern.name)
            thai = {**thai, **{k: v for k, v in completion.items() if has_thai(v)}}
        translated = sum(1 for key in english if has_thai(ours.get(key)) or has_thai(thai.get(key)))
        rows.append((name, translated, len(english)))
        total_thai, total = total_thai + translated, total + len(english)
    return rows + [("all", total_thai, total)]


def untranslated(wagtail_only=False):
    """The msgids of PARTS that have no Thai, for the test that lists them."""
    ours = {} if wagtail_only else parse_po(OURS)
    missing = []
    for pattern in PARTS.values():
        thai = parse_po(Path(str(pattern).format("th")))
        if not wagtail_only:
            thai.update(
                {k: v for k, v in parse_po(COMPLETION / pattern.name).items() if has_thai(v)}
            )
        for key in parse_po(Path(str(pattern).format("en"))):
            if not (has_thai(ours.get(key)) or has_thai(thai.get(key))):
                missing.append(key[1])
    return missing


def coverage(wagtail_only):
    print("| catalogue | Thai / all strings | share |\n| --- | ---: | ---: |")
    for name, translated, count in coverage_rows(wagtail_only):
        print(f"| {name} | {translated} / {count} | {round(100 * translated / max(count, 1))} % |")


HEADER = """msgid ""
msgstr ""
"Project-Id-Version: tambon Wagtail Thai\\n"
"Language: th\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""


def gettext_tool(*args, stdin=None):
    # gettext's own tools, with the package catalogues and ours as arguments
    return subprocess.run(args, input=stdin, capture_output=True, check=True).stdout  # noqa: S603


def update():
    """Merge Wagtail's msgids into the completion catalogues with gettext's tools: our Thai
    first, then Wagtail's Thai, the rest empty (to translate)."""
    flags = ["--no-wrap", "--no-location"]
    for domain in ("django", "djangojs"):
        patterns = [str(p) for p in PARTS.values() if p.name == f"{domain}.po"]
        english = [p.format("en") for p in patterns]
        thai = [p.format("th") for p in patterns if Path(p.format("th")).exists()]
        target = COMPLETION / f"{domain}.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            target.write_text(HEADER, encoding="utf-8")
        work = target.with_suffix(".tmp")
        try:
            work.with_suffix(".pot").write_bytes(
                gettext_tool("msgcat", "--use-first", *flags, *english)
            )
            wagtail_thai = gettext_tool("msgcat", "--use-first", *flags, *thai)
            work.with_suffix(".wagtail").write_bytes(
                gettext_tool("msgattrib", "--translated", "--no-fuzzy", *flags, stdin=wagtail_thai)
            )
            work.with_suffix(".ours").write_bytes(
                gettext_tool("msgattrib", "--translated", "--no-fuzzy", *flags, str(target))
                or HEADER.encode()
            )
            merged = gettext_tool(
                "msgmerge",
                "--quiet",
                "--no-fuzzy-matching",
                *flags,
                f"--compendium={work.with_suffix('.wagtail')}",
                str(work.with_suffix(".ours")),
                str(work.with_suffix(".pot")),
            )
            target.write_bytes(gettext_tool("msgattrib", "--no-obsolete", *flags, stdin=merged))
        finally:
            for suffix in (".pot", ".wagtail", ".ours"):
                work.with_suffix(suffix).unlink(missing_ok=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["coverage", "update"])
    parser.add_argument("--wagtail-only", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "coverage":
        coverage(args.wagtail_only)
    else:
        update()


if __name__ == "__main__":
    main(sys.argv[1:])
