"""Case submission benchmark: sustained complaints per second, and none lost or doubled.

    .venv/bin/python bench/cases_submit.py [--seconds 10] [--levels 1,4,16] [--skip-postgres]

For each database (SQLite, then a throw-away PostgreSQL started by scripts/with-postgres), a
fresh demo site behind the production server (granian, 2 workers, production settings, the
submission rate limit raised through the environment for the run), then for each level N:
N clients, each with its own session and keep-alive connection, repeat for a fixed time
GET /cases/new/complaint/ (form, CSRF token and cookie), POST a valid complaint, GET the
receipt, and keep the tracking code the receipt shows. Afterwards the server is stopped and
the database is read: every receipt must name a case that exists exactly once, with a
unique tracking code ("0 lost, 0 duplicated").

Loopback only, nothing downloaded, every wait bounded, every process started here stopped.
Exit code 0 when every accepted submission is present exactly once, 1 otherwise or when
something could not be measured.
"""

from __future__ import annotations

import argparse
import datetime
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

# The helpers of the homepage benchmark: processes, production environment, granian.
sys.path.insert(0, str(Path(__file__).resolve().parent))
from homepage import (  # noqa: E402
    REPO,
    BenchError,
    Processes,
    ServerError,
    django_env,
    git_commit,
    granian_server,
    log_tail,
    machine,
    progress,
    raise_keyboard_interrupt,
    run_django_snippet,
    run_measuring,
    set_up_site,
)

from serverkit.citizen import (  # noqa: E402
    FORM,
    HTTP_TIMEOUT,
    RECEIPT,
    Browser,
    ClientResult,
    submit_once,
)

WORKERS = 2
MARKER = "bench"  # every benchmark complaint's subject starts with it


@dataclass
class LevelResult:
    database: str
    clients: int
    seconds: float
    accepted: int
    refused: int
    errors: dict[str, int]

    @property
    def per_second(self) -> float:
        return self.accepted / self.seconds if self.seconds else 0.0


@dataclass
class Check:
    database: str
    receipts: int
    rows: int
    lost: int
    duplicated: int
    without_receipt: int
    locked_in_log: int


def one_client(port: int, level: int, number: int, deadline: float, out: ClientResult):
    browser = Browser(port)
    sequence = 0
    try:
        while time.monotonic() < deadline:
            sequence += 1
            try:
                submit_once(browser, f"{MARKER} L{level} c{number} n{sequence}", out)
            except (OSError, http.client.HTTPException) as exc:
                out.error(type(exc).__name__)
    finally:
        browser.close()


def run_level(port: int, database: str, clients: int, seconds: int) -> tuple[LevelResult, list]:
    progress(f"{database}: {clients} client(s) for {seconds} s")
    results = [ClientResult() for _ in range(clients)]
    start = time.monotonic()
    deadline = start + seconds
    threads = [
        threading.Thread(target=one_client, args=(port, clients, n, deadline, results[n]))
        for n in range(clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        # A request in flight at the deadline may take its own timeout to end.
        thread.join(timeout=seconds + HTTP_TIMEOUT * 4)
        if thread.is_alive():
            raise BenchError("a client did not finish within its time")
    elapsed = time.monotonic() - start
    errors: dict[str, int] = {}
    for result in results:
        for what, count in result.errors.items():
            errors[what] = errors.get(what, 0) + count
    receipts = [receipt for result in results for receipt in result.receipts]
    level = LevelResult(
        database=database,
        clients=clients,
        seconds=elapsed,
        accepted=len(receipts),
        refused=sum(result.refused for result in results),
        errors=errors,
    )
    return level, receipts


# Read back from the database, in a fresh process after the server stopped.
READ_CASES = """
import json
from tambon.cases.models import Case
cases = Case.objects.filter(subject__startswith="bench ")
rows = list(cases.values_list("subject", "tracking_code"))
print(json.dumps(rows))
"""


def verify(processes: Processes, env: dict, database: str, receipts: list, log: Path) -> Check:
    rows = run_django_snippet(processes, env, READ_CASES)
    server_log = log.read_text(encoding="utf-8", errors="replace")
    return compare(database, receipts, rows, server_log)


def compare(database: str, receipts: list, rows: list, server_log: str) -> Check:
    """What the citizens were shown (subject, tracking code on the receipt) against what the
    database holds (subject, tracking code)."""
    # The receipt shows the code grouped for reading (K7QM-4X9P); the database keeps it plain.
    shown = [(subject, code.replace("-", "")) for subject, code in receipts]
    stored: dict[str, list[str]] = {}
    for subject, code in rows:
        stored.setdefault(subject, []).append(code)
    lost = sum(1 for subject, code in shown if code not in stored.get(subject, []))
    doubled_subjects = sum(len(codes) - 1 for codes in stored.values() if len(codes) > 1)
    codes = [code for _, code in rows]
    doubled_codes = len(codes) - len(set(codes))
    receipt_codes = [code for _, code in shown]
    doubled_receipts = len(receipt_codes) - len(set(receipt_codes))
    with_receipt = {subject for subject, _ in shown}
    locked = server_log.count("database is locked")
    return Check(
        database=database,
        receipts=len(shown),
        rows=len(rows),
        lost=lost,
        duplicated=doubled_subjects + doubled_codes + doubled_receipts,
        without_receipt=sum(1 for subject in stored if subject not in with_receipt),
        locked_in_log=locked,
    )


def measure_database(
    processes: Processes, tmp: Path, database: str, levels: list[int], seconds: int, **env_extra
) -> tuple[list[LevelResult], Check]:
    env = django_env(
        tmp,
        # The limits of real citizens would stop the benchmark after 5 cases; raised here only.
        TAMBON_CASE_SUBMISSIONS_PER_HOUR="1000000000",
        TAMBON_PRIVATE_MEDIA_ROOT=str(tmp / "private"),
        **env_extra,
    )
    set_up_site(env, tmp)
    results, receipts = [], []
    with granian_server(processes, env, tmp, database, WORKERS) as (_, port):
        for clients in levels:
            level, got = run_level(port, database, clients, seconds)
            results.append(level)
            receipts.extend(got)
    log = tmp / f"granian-{database}.log"
    return results, verify(processes, env, database, receipts, log)


def child_postgres(args) -> int:
    """Run under scripts/with-postgres: measure the PostgreSQL it started, write JSON."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        print("--postgres-child needs DATABASE_URL from scripts/with-postgres", file=sys.stderr)
        return 1
    processes = Processes()
    tmp = Path(tempfile.mkdtemp(prefix="tambon-bench-pg-"))
    try:
        levels, result = measure_database(
            processes, tmp, "postgresql", args.levels, args.seconds, DATABASE_URL=url
        )
        Path(args.postgres_child).write_text(
            json.dumps({"levels": [asdict(x) for x in levels], "check": asdict(result)})
        )
        return 0
    except ServerError as exc:  # BenchError included
        print(f"bench/cases_submit.py (PostgreSQL): {exc}", file=sys.stderr)
        return 1
    finally:
        processes.stop_all()
        shutil.rmtree(tmp, ignore_errors=True)


def measure_postgres(processes: Processes, tmp: Path, args) -> tuple[list, Check]:
    out = tmp / "postgres.json"
    command = [str(REPO / "scripts" / "with-postgres"), sys.executable, __file__]
    command += ["--seconds", str(args.seconds), "--levels", ",".join(map(str, args.levels))]
    command += ["--postgres-child", str(out)]
    budget = 600 + len(args.levels) * (args.seconds + 4 * HTTP_TIMEOUT)
    progress("PostgreSQL: scripts/with-postgres (throw-away server on loopback)")
    # The child's progress goes to our stderr as it happens.
    process = subprocess.Popen(command, cwd=REPO, stdin=subprocess.DEVNULL, start_new_session=True)
    processes.running.append(process)
    try:
        process.wait(timeout=budget)
    except subprocess.TimeoutExpired:
        raise BenchError(f"the PostgreSQL run took longer than {budget} s") from None
    finally:
        processes.stop_measuring_group(process)
    if process.returncode != 0 or not out.exists():
        raise BenchError(f"the PostgreSQL run failed (exit code {process.returncode})")
    data = json.loads(out.read_text())
    return [LevelResult(**x) for x in data["levels"]], Check(**data["check"])


def print_report(started, args, levels: list[LevelResult], checks: list[Check]) -> None:
    bangkok = started.astimezone(datetime.timezone(datetime.timedelta(hours=7)))
    print("tambon case submission benchmark")
    print(f"date      {started:%Y-%m-%d %H:%M:%S} UTC ({bangkok:%Y-%m-%d %H:%M} Bangkok)")
    print(f"commit    {git_commit()}")
    print(f"machine   {machine()}")
    print(
        f"server    granian, {WORKERS} workers, production settings; each submission is "
        f"GET {FORM} + POST + GET {RECEIPT}; {args.seconds} s per level"
    )
    print()
    print(f"{'database':<12}{'clients':>8}{'accepted':>10}{'per s':>9}{'refused':>9}  errors")
    for level in levels:
        errors = ", ".join(f"{k} x{v}" for k, v in sorted(level.errors.items())) or "none"
        print(
            f"{level.database:<12}{level.clients:>8}{level.accepted:>10}"
            f"{level.per_second:>9.1f}{level.refused:>9}  {errors}"
        )
    print()
    for c in checks:
        print(
            f"{c.database}: {c.receipts} receipts, {c.rows} cases in the database: "
            f"{c.lost} lost, {c.duplicated} duplicated"
            f" ({c.without_receipt} accepted without a receipt read by the client;"
            f" 'database is locked' in the server log: {c.locked_in_log})"
        )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="duration of each level")
    parser.add_argument(
        "--levels",
        default="1,4,16",
        type=lambda text: [int(x) for x in text.split(",") if x.strip()],
        help="numbers of concurrent clients, e.g. 1,4,16",
    )
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument("--postgres-child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not 1 <= args.seconds <= 120:
        parser.error("--seconds must be between 1 and 120")
    if not args.levels or not all(1 <= n <= 64 for n in args.levels):
        parser.error("--levels are 1 to 64 clients each")
    return args


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGINT, raise_keyboard_interrupt)
    signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
    if args.postgres_child:
        try:
            return child_postgres(args)
        except KeyboardInterrupt:
            return 130
    started = datetime.datetime.now(datetime.UTC)
    processes = Processes()
    tmp = Path(tempfile.mkdtemp(prefix="tambon-bench-cases-"))
    levels: list[LevelResult] = []
    checks: list[Check] = []

    def work() -> None:
        sqlite_levels, sqlite_check = measure_database(
            processes, tmp, "sqlite", args.levels, args.seconds
        )
        levels.extend(sqlite_levels)
        checks.append(sqlite_check)
        if not args.skip_postgres:
            pg_levels, pg_check = measure_postgres(processes, tmp, args)
            levels.extend(pg_levels)
            checks.append(pg_check)

    def show_server_logs() -> None:
        for log in sorted(tmp.glob("granian-*.log")):
            print(f"--- {log.name} ---\n{log_tail(log)}", file=sys.stderr)

    failed = run_measuring(
        "bench/cases_submit.py", processes, tmp, work, on_failure=show_server_logs
    )
    if failed is not None:
        return failed
    print_report(started, args, levels, checks)
    lost = sum(c.lost for c in checks)
    duplicated = sum(c.duplicated for c in checks)
    print()
    print(f"SUMMARY: {lost} lost, {duplicated} duplicated")
    return 0 if lost == 0 and duplicated == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
