"""Search benchmark: tambon's Thai search against two baselines, on SQLite and PostgreSQL.

    .venv/bin/python bench/search.py [--docs 50000] [--queries FILE] [--json] [--skip-postgres]

Quality: the 2,355 distinct articles of ../shared/data/thai-news-dailynews-2017.jsonl.gz
indexed as documents (key = the article's id, stray markup removed), and the query set
bench/search_queries.jsonl (another file of the same format with --queries), plus the
regression set bench/search_regression.jsonl (target: 100%). recall@10 counts the relevant
articles in the first 10 results out of min(10, number of relevant ones); MRR is 1/rank of the
first relevant result in the first 10 (0 when none), averaged over the queries.

Speed: a second index of --docs documents (at least 50,000 for the targets) cut from the same
articles' text (bench/search_corpus.speed_corpus: stretches of 40+ characters cut at spaces,
titled with their article's title): index build time, index size, and p50/p95 latency of the
queries of both sets (after a warm-up with 10 of them, 3 rounds in a shuffled order, or fewer
when --latency-seconds is spent: the number of timed searches is printed).

Engines: `tambon` (tambon/search/engine.py), `like` (LIKE '%q%' on title and body, title
matches first) and `fts_unsegmented` (SQLite FTS5 with its default tokenizer, PostgreSQL
to_tsvector('simple') with a GIN index, on the raw unsegmented text, ranked by bm25/ts_rank).
When tambon answers nothing but offers "did you mean", the suggestion is followed once, as a
reader would click it (the time of both searches counts).

Each (database, corpus) runs in a fresh process on a fresh database migrated from scratch:
SQLite in a temporary folder, PostgreSQL a throw-away server from Debian's packages on
loopback (serverkit.engines.PostgresServer), removed at the end. Every wait is bounded.
Exit code 0 when every target is met, 1 otherwise or when something could not be measured.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from search_corpus import REPO, load_articles, speed_corpus  # noqa: E402

sys.path.insert(0, str(REPO))

HERE = Path(__file__).resolve().parent
QUERIES = HERE / "search_queries.jsonl"
REGRESSION = HERE / "search_regression.jsonl"
ENGINES = ("tambon", "like", "fts_unsegmented")
DATABASES = ("sqlite", "postgresql")
CHILD_TIMEOUT = 1800  # seconds for one (database, corpus) run, migrations included
TARGET_P95_MS = 50
TARGET_DOCS_PER_S = 500
TARGET_SPEED_DOCS = 50_000


# ---- evaluation (pure functions; tambon/search/tests/test_bench_search.py runs them) --------


def read_queries(path: Path) -> list[dict]:
    queries = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if not isinstance(row.get("query"), str) or not isinstance(row.get("relevant"), list):
            raise ValueError(f"{path}:{number}: needs a string query and a list relevant")
        queries.append(
            {
                "query": row["query"],
                "relevant": [str(x) for x in row["relevant"]],
                "kind": row.get("kind", ""),
            }
        )
    return queries


def recall_at_10(found: list[str], relevant: list[str]) -> float:
    if not relevant:
        return 1.0
    return len(set(found[:10]) & set(relevant)) / min(10, len(set(relevant)))


def reciprocal_rank(found: list[str], relevant: list[str]) -> float:
    wanted = set(relevant)
    for rank, key in enumerate(found[:10], 1):
        if key in wanted:
            return 1.0 / rank
    return 0.0


def evaluate(queries: list[dict], results: dict[str, list[str]]) -> dict:
    """recall@10 and MRR over the queries, overall and by kind; results: query -> keys."""
    by_kind: dict[str, list[tuple[float, float]]] = {}
    scores = []
    for q in queries:
        found = results.get(q["query"], [])
        pair = (recall_at_10(found, q["relevant"]), reciprocal_rank(found, q["relevant"]))
        scores.append(pair)
        by_kind.setdefault(q["kind"] or "-", []).append(pair)

    def mean(pairs, i):
        return sum(p[i] for p in pairs) / len(pairs) if pairs else 0.0

    return {
        "recall_at_10": mean(scores, 0),
        "mrr": mean(scores, 1),
        "kinds": {
            k: {"recall_at_10": mean(v, 0), "mrr": mean(v, 1), "queries": len(v)}
            for k, v in sorted(by_kind.items())
        },
        "missed": [q["query"] for q, s in zip(queries, scores, strict=True) if s[0] < 1.0],
    }


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


# ---- engines (on a Django database alias) --------------------------------------------------


def _vendor(alias):
    from django.db import connections

    return connections[alias].vendor


def _sqlite_bytes(cursor, names_like: str) -> int:
    cursor.execute("SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE %s", [names_like])
    return int(cursor.fetchone()[0])


def _pg_bytes(cursor, table: str) -> int:
    cursor.execute("SELECT pg_total_relation_size(%s)", [table])
    return int(cursor.fetchone()[0])


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class LikeEngine:
    """LIKE '%q%' over title and body, no index; title matches first, then newest."""

    name = "like"
    table = "bench_like"

    def __init__(self, alias="default", organization_id=None):
        self.alias = alias

    def cursor(self):
        from django.db import connections

        return connections[self.alias].cursor()

    def build(self, documents) -> int:
        from django.db import transaction

        with transaction.atomic(using=self.alias), self.cursor() as c:
            c.execute(f"DROP TABLE IF EXISTS {self.table}")
            c.execute(
                f"CREATE TABLE {self.table} (key varchar(40) PRIMARY KEY, title text, "
                "body text, date varchar(10))"
            )
            rows = [(d.id, d.title, d.body, d.date) for d in documents]
            c.executemany(f"INSERT INTO {self.table} VALUES (%s, %s, %s, %s)", rows)
        return len(rows)

    def search(self, query: str) -> list[str]:
        pattern = f"%{_escape_like(query)}%"
        with self.cursor() as c:
            c.execute(
                f"SELECT key FROM {self.table} WHERE title LIKE %s ESCAPE '\\' "
                f"OR body LIKE %s ESCAPE '\\' "
                f"ORDER BY CASE WHEN title LIKE %s ESCAPE '\\' THEN 0 ELSE 1 END, date DESC, key "
                "LIMIT 10",
                [pattern, pattern, pattern],
            )
            return [row[0] for row in c.fetchall()]

    def index_bytes(self) -> int:
        with self.cursor() as c:
            if _vendor(self.alias) == "sqlite":
                return _sqlite_bytes(c, self.table + "%")
            return _pg_bytes(c, self.table)

    def drop(self):
        with self.cursor() as c:
            c.execute(f"DROP TABLE IF EXISTS {self.table}")


class UnsegmentedFtsEngine(LikeEngine):
    """The database's own full-text search on the raw text: FTS5 (unicode61) or
    to_tsvector('simple'), both of which take an unspaced Thai run for one word."""

    name = "fts_unsegmented"
    table = "bench_fts"

    def build(self, documents) -> int:
        from django.db import transaction

        rows = [(d.id, d.title, d.body, d.date) for d in documents]
        with transaction.atomic(using=self.alias), self.cursor() as c:
            c.execute(f"DROP TABLE IF EXISTS {self.table}")
            if _vendor(self.alias) == "sqlite":
                c.execute(
                    f"CREATE VIRTUAL TABLE {self.table} USING fts5(key UNINDEXED, title, "
                    "body, date UNINDEXED)"
                )
                c.executemany(f"INSERT INTO {self.table} VALUES (%s, %s, %s, %s)", rows)
            else:
                c.execute(
                    f"CREATE TABLE {self.table} (key varchar(40) PRIMARY KEY, title text, "
                    "body text, date varchar(10), document tsvector GENERATED ALWAYS AS "
                    "(setweight(to_tsvector('simple', title), 'A') || "
                    "to_tsvector('simple', body)) STORED)"
                )
                c.executemany(
                    f"INSERT INTO {self.table} (key, title, body, date) VALUES (%s, %s, %s, %s)",
                    rows,
                )
                c.execute(f"CREATE INDEX {self.table}_gin ON {self.table} USING gin (document)")
        return len(rows)

    def search(self, query: str) -> list[str]:
        with self.cursor() as c:
            if _vendor(self.alias) == "sqlite":
                # Each space-separated word as a quoted FTS5 string: all of them, any order.
                words = [w for w in query.split() if w.replace('"', "")]
                if not words:
                    return []
                match = " ".join('"' + w.replace('"', '""') + '"' for w in words)
                c.execute(
                    f"SELECT key FROM {self.table} WHERE {self.table} MATCH %s "
                    f"ORDER BY bm25({self.table}, 0, 2.0, 1.0, 0) LIMIT 10",
                    [match],
                )
            else:
                c.execute(
                    f"SELECT key FROM {self.table}, plainto_tsquery('simple', %s) q "
                    "WHERE document @@ q ORDER BY ts_rank(document, q) DESC, date DESC LIMIT 10",
                    [query],
                )
            return [row[0] for row in c.fetchall()]

    def index_bytes(self) -> int:
        with self.cursor() as c:
            if _vendor(self.alias) == "sqlite":
                return _sqlite_bytes(c, self.table + "%")  # the FTS5 shadow tables
            return _pg_bytes(c, self.table)


class TambonEngine:
    """tambon/search/engine.py through its interface (docs: /notes search-api)."""

    name = "tambon"

    def __init__(self, alias="default", organization_id=None):
        from tambon.search import engine

        self.engine = engine
        self.alias = alias
        self.organization_id = organization_id
        self.followed_suggestions = 0

    def build(self, documents) -> int:
        from tambon.core.searching import SearchDocument

        def as_documents():
            for d in documents:
                yield SearchDocument(
                    key=d.id,
                    organization_id=self.organization_id,
                    kind="news",
                    title=d.title,
                    url=f"/news/{d.id}/",
                    body=d.body,
                    date=datetime.date.fromisoformat(d.date) if d.date else None,
                )

        return self.engine.index_documents(as_documents(), using=self.alias)

    def search(self, query: str) -> list[str]:
        results = self.engine.search(self.organization_id, query, limit=10, using=self.alias)
        if results.corrected:  # the engine followed its own suggestion
            self.followed_suggestions += 1
        elif not results.hits and results.suggestion:
            self.followed_suggestions += 1
            results = self.engine.search(
                self.organization_id, results.suggestion, limit=10, using=self.alias
            )
        return [hit.key for hit in results.hits]

    def index_bytes(self) -> int:
        return self.engine.index_size_bytes(using=self.alias)


ENGINE_CLASSES = {
    "tambon": TambonEngine,
    "like": LikeEngine,
    "fts_unsegmented": UnsegmentedFtsEngine,
}


def tambon_available() -> str | None:
    """None when tambon's engine can be measured, else why not."""
    try:
        from tambon.search import engine
    except ImportError as exc:
        return f"tambon.search.engine cannot be imported ({exc})"
    missing = [
        n for n in ("index_documents", "search", "index_size_bytes") if not hasattr(engine, n)
    ]
    return f"tambon.search.engine lacks {', '.join(missing)}" if missing else None


def time_queries(
    engine, queries: list[str], rounds: int, budget_s: float | None = None, results=True
) -> tuple[dict, list[float]]:
    """With `results`, the results of every query (untimed, which warms up caches, statements
    and pages); else a warm-up with 10 of them. Then `rounds` timed passes over the queries in a
    shuffled order, stopped when `budget_s` is spent (after at least 10 searches): latencies, ms."""
    began = time.perf_counter()
    found = {}
    for query in queries if results else queries[:10]:
        if not results and budget_s is not None and time.perf_counter() - began > budget_s / 4:
            break  # a slow engine's warm-up takes at most a quarter of the budget
        found[query] = engine.search(query)
    order = list(queries)
    random.Random(13).shuffle(order)
    latencies: list[float] = []
    began = time.perf_counter()
    for query in order * rounds:
        if budget_s is not None and len(latencies) >= 10 and time.perf_counter() - began > budget_s:
            break
        start = time.perf_counter()
        engine.search(query)
        latencies.append((time.perf_counter() - start) * 1000)
    return found, latencies


def measure(
    engine, documents, queries: list[str], rounds: int, budget_s=None, results=True
) -> dict:
    start = time.perf_counter()
    count = engine.build(documents)
    build_s = time.perf_counter() - start
    results, latencies = time_queries(engine, queries, rounds, budget_s, results)
    return {
        "docs": len(documents),
        "indexed": count,
        "build_s": build_s,
        "index_bytes": engine.index_bytes(),
        "results": results,
        "latencies_ms": latencies,
        "followed_suggestions": getattr(engine, "followed_suggestions", 0),
    }


# ---- the child process: one database, one corpus -------------------------------------------


def child(args) -> int:
    import django

    django.setup()
    from django.core.management import call_command
    from wagtail.models import Site

    from tambon.core.models import Organization

    out: dict = {"engines": {}, "errors": {}}
    call_command("migrate", verbosity=0, interactive=False)
    site = Site.objects.get(is_default_site=True)
    organization = Organization.objects.create(
        site=site, name="องค์การบริหารส่วนตำบลทดสอบ", short_name="อบต.ทดสอบ"
    )
    articles = load_articles()
    documents = articles if args.child_corpus == "quality" else speed_corpus(articles, args.docs)
    queries = json.loads(Path(args.child_queries).read_text(encoding="utf-8"))
    # The quality index answers each query once (untimed); the speed index is timed.
    quality = args.child_corpus == "quality"
    rounds, budget = (0, None) if quality else (3, args.latency_seconds)
    for name in args.engines:
        if name == "tambon" and (why := tambon_available()):
            out["errors"][name] = why
            continue
        progress(f"{args.child_database}, {args.child_corpus} ({len(documents)} documents): {name}")
        try:
            engine = ENGINE_CLASSES[name](alias="default", organization_id=organization.pk)
            measured = measure(engine, documents, queries, rounds, budget, results=quality)
            out["engines"][name] = measured
            latencies = measured["latencies_ms"]
            progress(
                f"  {name}: built in {measured['build_s']:.1f} s"
                + (
                    f", {len(latencies)} searches timed: p50 {percentile(latencies, 0.5):.1f} ms,"
                    f" p95 {percentile(latencies, 0.95):.1f} ms"
                    if latencies
                    else ""
                )
            )
        except Exception as exc:  # one engine's failure is reported, the others still run
            out["errors"][name] = f"{type(exc).__name__}: {exc}"
            progress(f"  {name} failed: {out['errors'][name]}")
    Path(args.child_out).write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    return 0


# ---- the parent: databases, children, report ----------------------------------------------


def progress(message: str) -> None:
    stamp = time.strftime("%H:%M:%S", time.gmtime())
    print(f"[search bench {stamp} UTC] {message}", file=sys.stderr, flush=True)


def child_env(tmp: Path, database_url: str) -> dict:
    from serverkit import production_env

    return production_env(tmp, None, DATABASE_URL=database_url, TAMBON_DB_CONN_MAX_AGE="0")


def run_child(tmp, args, database, database_url, corpus, queries_file) -> dict:
    out = tmp / f"{database}-{corpus}.json"
    command = [
        sys.executable,
        __file__,
        "--child-database",
        database,
        "--child-corpus",
        corpus,
        "--child-out",
        str(out),
        "--child-queries",
        str(queries_file),
        "--docs",
        str(args.docs),
        "--engines",
        ",".join(args.engines),
        "--latency-seconds",
        str(args.latency_seconds),
    ]
    process = subprocess.Popen(
        command,
        cwd=REPO,
        env=child_env(tmp, database_url),
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        process.wait(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        raise RuntimeError(f"{database} {corpus} took longer than {CHILD_TIMEOUT} s") from None
    except BaseException:
        process.kill()
        process.wait()
        raise
    if process.returncode != 0 or not out.exists():
        raise RuntimeError(f"{database} {corpus} failed (exit code {process.returncode})")
    return json.loads(out.read_text(encoding="utf-8"))


def measure_database(tmp, args, database, url_for, queries_file) -> dict:
    return {
        corpus: run_child(tmp, args, database, url_for(corpus), corpus, queries_file)
        for corpus in ("quality", "speed")
    }


def run_all(args, tmp: Path, query_texts: list[str]) -> dict:
    queries_file = tmp / "queries.json"
    queries_file.write_text(json.dumps(query_texts, ensure_ascii=False), encoding="utf-8")
    raw = {
        "sqlite": measure_database(
            tmp, args, "sqlite", lambda corpus: f"sqlite:///{tmp / corpus}.sqlite3", queries_file
        )
    }
    if not args.skip_postgres:
        from serverkit.engines import PostgresServer

        progress("PostgreSQL: a throw-away server from Debian's packages on loopback")
        server = PostgresServer().create()
        try:
            for corpus in ("quality", "speed"):
                server._run(
                    "createdb",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(server.port),
                    "-U",
                    "tambon",
                    f"bench_{corpus}",
                )
            base = server.url.rsplit("/", 1)[0]
            raw["postgresql"] = measure_database(
                tmp, args, "postgresql", lambda corpus: f"{base}/bench_{corpus}", queries_file
            )
        finally:
            server.remove()
    return raw


def figures(raw: dict, queries: list[dict], regression: list[dict]) -> dict:
    table: dict = {}
    for database, corpora in raw.items():
        for name in ENGINES:
            quality = corpora["quality"]["engines"].get(name)
            speed = corpora["speed"]["engines"].get(name)
            if not quality or not speed:
                continue
            q = evaluate(queries, quality["results"])
            r = evaluate(regression, quality["results"])
            table.setdefault(name, {})[database] = {
                "recall_at_10": round(q["recall_at_10"], 4),
                "mrr": round(q["mrr"], 4),
                "p50_ms": round(percentile(speed["latencies_ms"], 0.5), 2),
                "p95_ms": round(percentile(speed["latencies_ms"], 0.95), 2),
                "timed_searches": len(speed["latencies_ms"]),
                "build_s": round(speed["build_s"], 2),
                "index_bytes": speed["index_bytes"],
                "speed_docs": speed["docs"],
                "build_docs_per_s": round(speed["docs"] / speed["build_s"], 1),
                "regression_recall_at_10": round(r["recall_at_10"], 4),
                "quality_build_s": round(quality["build_s"], 2),
                "kinds": q["kinds"],
                "missed_regression": r["missed"],
                "followed_suggestions": quality["followed_suggestions"],
            }
    return table


def targets(table: dict, docs: int, databases=DATABASES) -> list[tuple[str, bool | None]]:
    checks: list[tuple[str, bool | None]] = []
    for database in databases:
        ours = table.get("tambon", {}).get(database)
        if ours is None:
            checks.append((f"{database}: tambon measured", False))
            continue
        for base in ("like", "fts_unsegmented"):
            theirs = table.get(base, {}).get(database)
            if theirs:
                checks.append(
                    (
                        f"{database}: tambon MRR {ours['mrr']:.3f} > {base} {theirs['mrr']:.3f}",
                        ours["mrr"] > theirs["mrr"],
                    )
                )
        checks.append(
            (
                f"{database}: regression set recall@10 "
                f"{ours['regression_recall_at_10']:.0%} = 100%",
                ours["regression_recall_at_10"] >= 1.0,
            )
        )
        checks.append(
            (
                f"{database}: build {ours['build_docs_per_s']:.0f} docs/s > {TARGET_DOCS_PER_S}",
                ours["build_docs_per_s"] > TARGET_DOCS_PER_S,
            )
        )
    sqlite = table.get("tambon", {}).get("sqlite")
    if sqlite:
        ok = sqlite["p95_ms"] < TARGET_P95_MS and docs >= TARGET_SPEED_DOCS
        checks.append(
            (
                f"sqlite: tambon p95 {sqlite['p95_ms']:.1f} ms < {TARGET_P95_MS} ms at "
                f"{docs:,} documents (target at {TARGET_SPEED_DOCS:,})",
                ok,
            )
        )
    return checks


def human_bytes(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def print_report(started, args, table, checks, raw, n_queries, n_regression) -> None:
    bangkok = started.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    print("tambon search benchmark")
    print(f"date      {started:%Y-%m-%d %H:%M:%S} UTC ({bangkok:%Y-%m-%d %H:%M} Bangkok)")
    print(f"commit    {git_commit()}")
    print(
        f"quality   2,355 Thai news articles (../shared/data, Daily News 2017), "
        f"{n_queries} queries of {args.queries}, {n_regression} of the regression set"
    )
    print(
        f"speed     {args.docs:,} documents cut from the same articles' text (stretches of "
        "40+ characters at spaces, with their article's title), not new text; latency over "
        f"the {n_queries + n_regression} queries, 3 rounds or {args.latency_seconds:.0f} s "
        "(searches timed: the last column)"
    )
    print()
    header = (
        f"{'engine':<17}{'database':<11}{'recall@10':>10}{'MRR':>7}{'regr.':>7}"
        f"{'p50 ms':>9}{'p95 ms':>9}{'build s':>9}{'docs/s':>8}{'index':>10}{'timed':>7}"
    )
    print(header)
    for name in ENGINES:
        for database in DATABASES:
            row = table.get(name, {}).get(database)
            if row is None:
                continue
            print(
                f"{name:<17}{database:<11}{row['recall_at_10']:>10.3f}{row['mrr']:>7.3f}"
                f"{row['regression_recall_at_10']:>7.0%}{row['p50_ms']:>9.2f}"
                f"{row['p95_ms']:>9.2f}{row['build_s']:>9.1f}"
                f"{row['build_docs_per_s']:>8.0f}{human_bytes(row['index_bytes']):>10}"
                f"{row['timed_searches']:>7}"
            )
    print()
    for database in DATABASES:
        ours = table.get("tambon", {}).get(database)
        if not ours:
            continue
        for base in ("like", "fts_unsegmented"):
            theirs = table.get(base, {}).get(database)
            if theirs:
                print(
                    f"{database}: tambon / {base}: MRR x{ratio(ours['mrr'], theirs['mrr'])}, "
                    f"recall@10 x{ratio(ours['recall_at_10'], theirs['recall_at_10'])}, "
                    f"p95 x{ratio(ours['p95_ms'], theirs['p95_ms'])}, "
                    f"index size x{ratio(ours['index_bytes'], theirs['index_bytes'])}"
                )
    kinds = sorted({k for e in table.values() for row in e.values() for k in row["kinds"]})
    if kinds:
        print()
        print("MRR by kind of query (sqlite; postgresql in brackets where it differs)")
        print(f"{'engine':<17}" + "".join(f"{k:>16}" for k in kinds))
        for name in ENGINES:
            rows = table.get(name, {})
            if "sqlite" not in rows:
                continue
            cells = []
            for k in kinds:
                a = rows["sqlite"]["kinds"].get(k, {}).get("mrr", 0)
                b = rows.get("postgresql", {}).get("kinds", {}).get(k, {}).get("mrr", a)
                cells.append(f"{a:.2f}" + (f" ({b:.2f})" if abs(a - b) > 0.005 else ""))
            print(f"{name:<17}" + "".join(f"{c:>16}" for c in cells))
    for database, row in table.get("tambon", {}).items():
        if row["missed_regression"]:
            print(
                f"{database}: tambon missed in the regression set: "
                + ", ".join(row["missed_regression"])
            )
        if row["followed_suggestions"]:
            print(
                f"{database}: tambon's 'did you mean' followed for "
                f"{row['followed_suggestions']} queries"
            )
    for database, corpora in raw.items():
        for corpus, data in corpora.items():
            for name, why in data["errors"].items():
                print(f"{database} {corpus}: {name} not measured: {why}")
    print()
    for text, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {text}")


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}" if b else "inf"


def git_commit() -> str:
    try:
        return (
            subprocess.run(
                ["git", "rev-parse", "--short", "HEAD"],
                cwd=REPO,
                text=True,
                capture_output=True,
                timeout=10,
            ).stdout.strip()
            or "?"
        )
    except (OSError, subprocess.SubprocessError):
        return "?"


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--queries",
        type=Path,
        default=QUERIES,
        help="JSON lines {query, relevant}: the quality query set",
    )
    parser.add_argument(
        "--regression",
        type=Path,
        default=REGRESSION,
        help="JSON lines, the regression set (target 100%%)",
    )
    parser.add_argument(
        "--docs",
        type=int,
        default=TARGET_SPEED_DOCS,
        help="documents of the speed corpus (quick run: 5000)",
    )
    parser.add_argument(
        "--engines", default=",".join(ENGINES), type=lambda text: [x for x in text.split(",") if x]
    )
    parser.add_argument(
        "--latency-seconds",
        type=float,
        default=120,
        help="time budget of the timed searches of each engine and database (3 rounds at most)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--skip-postgres", action="store_true")
    for name in ("database", "corpus", "out", "queries"):
        parser.add_argument(f"--child-{name}", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not 100 <= args.docs <= 500_000:
        parser.error("--docs must be between 100 and 500,000")
    if unknown := set(args.engines) - set(ENGINES):
        parser.error(f"unknown engines: {', '.join(sorted(unknown))}")
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.child_out:
        return child(args)
    started = datetime.datetime.now(datetime.UTC)
    try:
        queries = read_queries(args.queries)
        regression = read_queries(args.regression)
    except (OSError, ValueError) as exc:
        print(f"bench/search.py: {exc}", file=sys.stderr)
        return 1
    texts = list(dict.fromkeys(q["query"] for q in queries + regression))
    tmp = Path(tempfile.mkdtemp(prefix="tambon-bench-search-"))
    try:
        raw = run_all(args, tmp, texts)
    except (RuntimeError, OSError) as exc:
        print(f"bench/search.py: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = figures(raw, queries, regression)
    checks = targets(table, args.docs, [d for d in DATABASES if d in raw])
    if args.json:
        keys = (
            "recall_at_10",
            "mrr",
            "p50_ms",
            "p95_ms",
            "build_s",
            "index_bytes",
            "speed_docs",
            "build_docs_per_s",
            "regression_recall_at_10",
        )
        print(
            json.dumps(
                {
                    e: {d: {k: row[k] for k in keys} for d, row in dbs.items()}
                    for e, dbs in table.items()
                }
            )
        )
    else:
        print_report(started, args, table, checks, raw, len(queries), len(regression))
    return 0 if checks and all(ok for _, ok in checks) else 1


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    sys.exit(main())
