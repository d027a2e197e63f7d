"""The information center's rows belong to an organization (issue 10): existing rows get one.

Upgrade in place: the folders, records, files, court rulings, gift register and ITA lists of a
database of the last release are given to its one organization (see owner_of_existing_rows).

A new database has no organization yet, only the folders that 0004 pre-loaded: those are dropped,
since every organization now gets its own folders when it is created (infocenter/starter.py). A
database that has shown a page has an organization (every page names it), so a database without
one has had no clerk's folders either.
"""

from django.db import migrations

from tambon.core.migrating import owner_of_existing_rows

# The first of each group; the rows under them (files, indicators, items, evidence) follow.
TOP_LEVEL = ["InfoRecord", "CourtRuling", "GiftRegisterEntry", "ItaYear"]
UNDER = ["InfoRecordFile", "ItaIndicator", "ItaItem", "ItaEvidence"]


def assign_existing_rows(apps, schema_editor):
    def model(name):
        return apps.get_model("infocenter", name)

    folders = model("RecordCategory").objects.all()
    has_rows = any(model(name).objects.exists() for name in TOP_LEVEL)
    if not has_rows:
        if not folders.exists():
            return
        if not apps.get_model("core", "Organization").objects.exists():
            folders.delete()  # the pre-loaded folders of a new database (see above)
            return
    organization = owner_of_existing_rows(apps)
    # One organization owns everything, so each row under another has its parent's.
    for name in ["RecordCategory", *TOP_LEVEL, *UNDER]:
        model(name).objects.update(organization=organization)


class Migration(migrations.Migration):
    dependencies = [("infocenter", "0005_organization")]

    operations = [migrations.RunPython(assign_existing_rows, migrations.RunPython.noop)]
