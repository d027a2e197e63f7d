"""A worker's page views, added up in memory, and how they reach the daily rows.

Shared by both counters (buffer.py's MemoryCounter for the embedded profile, redis_counter.py for
production); buffer.py starts whichever the settings ask for.
"""

import json
import threading
import time
from collections import Counter

from django.db import IntegrityError, connection, transaction
from django.db.models.expressions import RawSQL
from wagtail.models import Site

from tambon.core.models import Organization
from tambon.core.pagecache import remember_many

from .models import DailyPageViews, DailySalt, DailyVisits
from .visitors import new_daily_salt, visitor_key

MAX_PATH_LENGTH = 500


class Tally:
    """The page views a worker has seen since its last flush, added up as they come, so that
    its size and the time a flush takes grow with the distinct visitors and pages, not with
    the requests: a busy worker sees a visitor's page thousands of times between two flushes.

    Whether a visitor's first view here starts a visit is decided at the flush, against the
    last view any worker saw (`decide`); a later view here starts one when it comes more than
    the window after the visitor's previous view (`visits_started`)."""

    def __init__(self):
        self.views = Counter()  # (site id, day, path) -> page views
        self.first_seen = {}  # visitor -> (ms, site id, day) of their first view here
        self.last_seen = {}  # visitor -> ms of their latest view here
        self.visits_started = Counter()  # (site id, day) -> visits begun after a gap here

    def __bool__(self):
        return bool(self.views or self.first_seen)

    def __repr__(self):
        return f"Tally({vars(self)!r})"

    def add(self, visitor, at_ms, site_id, day, path, window_ms):
        self.views[(site_id, day, path)] += 1
        self._see(visitor, at_ms, site_id, day, window_ms)

    def _see(self, visitor, at_ms, site_id, day, window_ms):
        last = self.last_seen.get(visitor)
        if last is None:
            self.first_seen[visitor] = (at_ms, site_id, day)
            self.last_seen[visitor] = at_ms
            return
        if at_ms - last > window_ms:
            self.visits_started[(site_id, day)] += 1
        if at_ms > last:
            self.last_seen[visitor] = at_ms

    def absorb(self, newer, window_ms):
        """Take in the views of a tally begun after this one (a flush failed, this one is
        kept): as if they had been added here one by one."""
        self.views.update(newer.views)
        self.visits_started.update(newer.visits_started)
        for visitor, (at_ms, site_id, day) in newer.first_seen.items():
            self._see(visitor, at_ms, site_id, day, window_ms)
            self.last_seen[visitor] = max(self.last_seen[visitor], newer.last_seen[visitor])

    def of_visitors(self, visitors):
        """A tally of these visitors' first and last views only (what is left to send)."""
        rest = Tally()
        for visitor in visitors:
            rest.first_seen[visitor] = self.first_seen[visitor]
            rest.last_seen[visitor] = self.last_seen[visitor]
        return rest

    def decide(self, last_seen, window_ms):
        """Visits, page views and page views per path. A visitor's first view here starts a
        visit when their last view seen by any worker (`last_seen`, updated here) is older
        than the window."""
        visits = Counter(self.visits_started)
        for visitor, (at_ms, site_id, day) in self.first_seen.items():
            before = last_seen.get(visitor)
            if before is None or at_ms - before > window_ms:
                visits[(site_id, day)] += 1
            latest = self.last_seen[visitor]
            if before is None or latest > before:
                last_seen[visitor] = latest
        views = Counter()
        for (site_id, day, _path), count in self.views.items():
            views[(site_id, day)] += count
        return visits, views, Counter(self.views)


class NoteBook:
    """The page views a worker has seen since its last flush."""

    def __init__(self, visit_window_seconds):
        self.window_ms = int(visit_window_seconds * 1000)
        self._lock = threading.Lock()
        self._tally = Tally()
        self._salts = {}

    def salt_for(self, day):
        """The day's salt, one for all workers (in the database, so that a Redis outage does
        not change who is a new visitor)."""
        salt = new_daily_salt()
        try:
            with transaction.atomic():
                stored, _ = DailySalt.objects.get_or_create(day=day, defaults={"salt": salt})
        except IntegrityError:  # another worker stored the day's salt a moment ago
            stored = DailySalt.objects.get(day=day)
        return bytes(stored.salt)

    def record(self, site_id, day, path, ip, user_agent):
        salt = self._salts.get(day)
        if salt is None:
            salt = self._salts[day] = self.salt_for(day)
        visitor = visitor_key(site_id, ip, user_agent, salt)
        at_ms = int(time.time() * 1000)
        with self._lock:
            self._tally.add(visitor, at_ms, site_id, day, path[:MAX_PATH_LENGTH], self.window_ms)

    def take(self):
        with self._lock:
            tally, self._tally = self._tally, Tally()
        return tally

    def tick(self):
        """What the flusher thread does every interval: here, the whole flush. A counter whose
        database writes are a background task's (RedisCounter) only sends its tally on."""
        self.flush()

    def put_back(self, tally):
        """A tally that could not be sent, kept ahead of what was noted since."""
        with self._lock:
            tally.absorb(self._tally, self.window_ms)
            self._tally = tally


def organization_ids_of_sites(site_ids):
    """{site id: its organization's id}. Page views name the site of the request's host (known
    without a query on the cached fast path); the counts belong to its organization. A site
    deleted since has none: its counts are dropped. Remembered until the next purge (saving an
    organization or a site purges), so a flush naming a thousand sites seldom asks."""
    found = remember_many([("organization-id", site_id) for site_id in site_ids], _look_up)
    return {site_id: organization_id for (_, site_id), organization_id in found.items()}


def _look_up(keys):
    site_ids = {site_id for _, site_id in keys}
    owners = dict(Organization.objects.filter(site_id__in=site_ids).values_list("site_id", "pk"))
    for site in Site.objects.filter(pk__in=site_ids - set(owners)):
        owners[site.pk] = Organization.for_site(site).pk  # made on first use
    return {("organization-id", site_id): pk for site_id, pk in owners.items()}


def write_counts(visits, views, paths):
    """Add the counts to the daily rows of each site's organization, in one transaction and
    one statement per table, however many sites the notes name: a worker serving a thousand
    sites writes in one round trip what it would otherwise write in two thousand. Rows in key
    order, as every worker writes them, so that two workers' flushes never deadlock."""
    with transaction.atomic():
        owners = organization_ids_of_sites({site_id for site_id, *_ in [*visits, *views, *paths]})
        upsert(
            DailyVisits,
            ("organization", "day"),
            ("visits", "page_views"),
            sorted(
                (
                    owners[site_id],
                    day,
                    visits.get((site_id, day), 0),
                    views.get((site_id, day), 0),
                )
                for site_id, day in set(visits) | set(views)
                if site_id in owners
            ),
            add=True,
        )
        upsert(
            DailyPageViews,
            ("organization", "day", "path"),
            ("views",),
            sorted(
                (owners[site_id], day, path, count)
                for (site_id, day, path), count in paths.items()
                if site_id in owners
            ),
            add=True,
        )


def upsert(model, keys, values, rows, *, add):
    """INSERT each row (*keys, *values); where a row with the same keys exists, add the values
    to it (`add`) or put them in place of its own. Raw SQL because Django's bulk_create can
    replace a conflicting row's values but not add to them, and builds an object per row; ON
    CONFLICT ... DO UPDATE is the same in SQLite and PostgreSQL, and one statement cannot lose
    a concurrent worker's counts.

    All rows go as one JSON text, unpacked by the database: a statement per row (executemany),
    or a parameter per value, cost a worker serving a thousand sites 40 ms of CPU per flush in
    the driver, every millisecond of it holding up the requests that worker serves meanwhile
    (docs/performance.md, "Many organizations")."""
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    fields = [model._meta.get_field(name) for name in (*keys, *values)]
    columns = [quote(field.column) for field in fields]
    key_columns = ", ".join(columns[: len(keys)])
    if add:
        updates = ", ".join(f"{c} = {table}.{c} + EXCLUDED.{c}" for c in columns[len(keys) :])
    else:
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns[len(keys) :])
    source, items = json_rows(fields)
    # Only table and column names and column types of our own models go into the text; the
    # values are the one parameter. (WHERE true: SQLite's grammar needs it before ON CONFLICT.)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) "  # noqa: S608
            f"SELECT {', '.join(items)} FROM {source} WHERE true "
            f"ON CONFLICT ({key_columns}) DO UPDATE SET {updates}",
            [json.dumps(rows, default=str)],
        )


def json_rows(fields):
    """The FROM source and the select items that read rows sent as one JSON array of arrays
    (dates as ISO text), typed as the fields' columns."""
    if connection.vendor == "postgresql":
        return "json_array_elements(%s::json) AS r", [
            f"(r->>{i})::{field.cast_db_type(connection)}" for i, field in enumerate(fields)
        ]
    return "json_each(%s) AS r", [f"json_extract(r.value, '$[{i}]')" for i in range(len(fields))]


def in_json(values):
    """The right-hand side of an `__in` lookup of many values, sent as one JSON parameter:
    a parameter per value costs the driver far more than the database."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT json_array_elements_text(%s::json)", [json.dumps(values)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(values)])
