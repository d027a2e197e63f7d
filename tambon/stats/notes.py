"""A worker's page views as notes in memory, and how counted notes reach the daily rows.

Shared by both counters (buffer.py's MemoryCounter for the embedded profile, redis_counter.py for
production); buffer.py starts whichever the settings ask for.
"""

import datetime
import threading
import time
from collections import Counter
from dataclasses import dataclass

from django.db import connection, transaction
from wagtail.models import Site

from tambon.core.models import Organization

from .models import DailyPageViews, DailyVisits
from .visitors import visitor_key

MAX_PATH_LENGTH = 500


@dataclass(frozen=True, slots=True)
class Note:
    visitor: str
    at_ms: int
    site_id: int
    day: datetime.date
    path: str


class NoteBook:
    """The page views a worker has seen since its last flush."""

    def __init__(self, visit_window_seconds):
        self.window_ms = int(visit_window_seconds * 1000)
        self._lock = threading.Lock()
        self._notes = []
        self._salts = {}

    def salt_for(self, day):
        raise NotImplementedError

    def record(self, site_id, day, path, ip, user_agent):
        salt = self._salts.get(day)
        if salt is None:
            salt = self._salts[day] = self.salt_for(day)
        note = Note(
            visitor=visitor_key(site_id, ip, user_agent, salt),
            at_ms=int(time.time() * 1000),
            site_id=site_id,
            day=day,
            path=path[:MAX_PATH_LENGTH],
        )
        with self._lock:
            self._notes.append(note)

    def take(self):
        with self._lock:
            notes, self._notes = self._notes, []
        return notes

    def put_back(self, notes):
        with self._lock:
            self._notes[:0] = notes


def count_notes(notes, last_seen, window_ms):
    """Visits, page views and page views per path of the notes, in time order. A note starts a
    visit when the visitor's last page view (`last_seen`, updated here) is older than the window."""
    visits, views, paths = Counter(), Counter(), Counter()
    for note in sorted(notes, key=lambda n: n.at_ms):
        last = last_seen.get(note.visitor)
        if last is None or note.at_ms - last > window_ms:
            visits[(note.site_id, note.day)] += 1
        if last is None or note.at_ms > last:
            last_seen[note.visitor] = note.at_ms
        views[(note.site_id, note.day)] += 1
        paths[(note.site_id, note.day, note.path)] += 1
    return visits, views, paths


def organizations_of_sites(site_ids):
    """{site id: its organization}. Notes name the site of the request's host (known without a
    query on the cached fast path); the counts belong to its organization. A site deleted since
    has none: its counts are dropped."""
    organizations = {
        organization.site_id: organization
        for organization in Organization.objects.filter(site_id__in=site_ids)
    }
    for site in Site.objects.filter(pk__in=set(site_ids) - set(organizations)):
        organizations[site.pk] = Organization.for_site(site)  # made on first use
    return organizations


def write_counts(visits, views, paths):
    """Add the counts to the daily rows of each site's organization, in one transaction and
    one statement per table, however many sites the notes name: a worker serving a thousand
    sites writes in one round trip what it would otherwise write in two thousand."""
    with transaction.atomic():
        owners = organizations_of_sites({site_id for site_id, *_ in [*visits, *views, *paths]})
        _add_up(
            DailyVisits,
            ("day",),
            ("visits", "page_views"),
            [
                (
                    owners[site_id].pk,
                    day,
                    visits.get((site_id, day), 0),
                    views.get((site_id, day), 0),
                )
                for site_id, day in set(visits) | set(views)
                if site_id in owners
            ],
        )
        _add_up(
            DailyPageViews,
            ("day", "path"),
            ("views",),
            [
                (owners[site_id].pk, day, path, count)
                for (site_id, day, path), count in paths.items()
                if site_id in owners
            ],
        )


def _add_up(model, keys, counts, rows):
    """INSERT each row (organization id, *keys, *counts), or add its counts to the row with the
    same organization and keys. Raw SQL because Django's bulk_create can replace a conflicting
    row's values but not add to them; ON CONFLICT ... DO UPDATE is the same in SQLite and
    PostgreSQL, and one statement cannot lose a concurrent worker's counts."""
    if not rows:
        return
    table = connection.ops.quote_name(model._meta.db_table)
    key_columns = [model._meta.get_field("organization").column] + [
        model._meta.get_field(name).column for name in keys
    ]
    count_columns = [model._meta.get_field(name).column for name in counts]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(column) for column in key_columns + count_columns)
    placeholders = ", ".join(["%s"] * (len(key_columns) + len(count_columns)))
    additions = ", ".join(
        f"{quote(column)} = {table}.{quote(column)} + EXCLUDED.{quote(column)}"
        for column in count_columns
    )
    conflict = ", ".join(quote(column) for column in key_columns)
    # Only table and column names of our own models go into the text; the values are parameters.
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES ({placeholders}) "  # noqa: S608
        f"ON CONFLICT ({conflict}) DO UPDATE SET {additions}"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)
