"""A worker's page views as notes in memory, and how counted notes reach the daily rows.

Shared by both counters (buffer.py's MemoryCounter for the embedded profile, redis_counter.py for
production); buffer.py starts whichever the settings ask for.
"""

import datetime
import threading
import time
from collections import Counter
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
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
            visitor=visitor_key(ip, user_agent, salt),
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
    """Add the counts to the daily rows of each site's organization, in one transaction."""
    with transaction.atomic():
        owners = organizations_of_sites({site_id for site_id, *_ in [*visits, *views, *paths]})
        for site_id, day in set(visits) | set(views):
            if site_id in owners:
                _add(
                    DailyVisits,
                    owners[site_id],
                    {"day": day},
                    visits=visits.get((site_id, day), 0),
                    page_views=views.get((site_id, day), 0),
                )
        for (site_id, day, path), count in paths.items():
            if site_id in owners:
                _add(DailyPageViews, owners[site_id], {"day": day, "path": path}, views=count)


def _add(model, organization, keys, **increments):
    increments = {field: n for field, n in increments.items() if n}
    if not increments:
        return
    rows = model.objects.for_organization(organization).filter(**keys)
    updated = rows.update(**{field: F(field) + n for field, n in increments.items()})
    if updated:
        return
    try:
        with transaction.atomic():
            model.objects.for_organization(organization).create(**keys, **increments)
    except IntegrityError:  # another process created the row a moment ago
        rows.update(**{field: F(field) + n for field, n in increments.items()})
