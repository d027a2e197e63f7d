"""Homepage benchmark: the project against the physical limit, in one run.

    .venv/bin/python bench/homepage.py [--seconds 10] [--connections 32]

Measures, with the same wrk settings for every server:

- "nginx static": nginx serving a saved copy of the homepage (the physical limit of this machine);
- "cached": the production server (granian, 2 workers) with the page cache on;
- "uncached": the same server with TAMBON_PAGE_CACHE=0 (a full render per request);
- SQL queries per uncached render (Django's test client, same settings);
- counting accuracy: a fixed number of browser-like requests from a fixed number of visitors,
  then what DailyVisits recorded (with 2 workers and with 1).

Everything runs on 127.0.0.1 in a temporary directory; nothing is downloaded. Every wait has a
deadline, and every process started here is stopped (its whole process group) on the way out,
also on Ctrl-C or SIGTERM. Exit code 0 when everything was measured (whether or not a target is
met), 1 when something could not be measured, 2 when nginx or wrk is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import http.client
import json
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# The production server is started by serverkit, as the browser tests start it.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
import serverkit  # noqa: E402
from serverkit import (  # noqa: E402
    REPO,
    VENV_BIN,
    ServerError,
    free_port,
    granian_command,
    launch,
    log_tail,
    production_env,
    wait_until_answering,
)

NGINX = Path("/usr/sbin/nginx")
WRK = Path("/usr/bin/wrk")
REDIS_SERVER = Path("/usr/bin/redis-server")

# The site counts page views only from requests that look like a browser (tambon/stats/rules.py),
# so every request carries these; otherwise the counting code would not be on the measured path.
BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120 Safari/537.36"
BROWSER_HEADERS = {
    "User-Agent": BROWSER_UA,
    "Accept": "text/html",
    "Accept-Language": "th-TH,th;q=0.9",
}

WRK_THREADS = 2
GRANIAN_WORKERS = 2
GRANIAN_BACKPRESSURE = 64

# Targets (docs/performance.md).
TARGET_CACHED_OVER_NGINX = 0.25
TARGET_UNCACHED_RPS = 300.0
TARGET_MAX_QUERIES = 10

# Counting accuracy: a fixed amount of work, so the expected figures are known exactly.
ACCURACY_REQUESTS = 4000
ACCURACY_VISITORS = 200
ACCURACY_THREADS = 8
ACCURACY_SEED = 17  # the same shuffle every run

SERVER_STOP_TIMEOUT = 30  # graceful stop, then the process group is killed
GROUP_STOP_TIMEOUT = 90  # a benchmark stopping its servers one after another
HTTP_TIMEOUT = 10
ACCURACY_TIMEOUT = 180  # the whole accuracy client
CACHE_WARMUP_ATTEMPTS = 40  # new connections tried until every worker answers from its cache
CACHE_HITS_IN_A_ROW = 6
LOG_TAIL_LINES = 40


class BenchError(ServerError):
    """Something could not be measured: the run fails (exit code 1). A ServerError (the server
    could not be set up or did not answer) is one too."""


class ToolMissing(Exception):
    """nginx or wrk is not installed (exit code 2)."""


# --- results ----------------------------------------------------------------------------------


@dataclass
class WrkResult:
    name: str
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    requests: int
    duration: str
    socket_errors: str  # as wrk prints them, "" when there were none


@dataclass
class CountingResult:
    workers: int
    redis: bool
    sent: int
    visitors: int
    page_views_recorded: int
    visits_recorded: int

    @property
    def label(self) -> str:
        return f"{self.workers}w {'Redis' if self.redis else 'memory'}"

    @property
    def page_views_lost(self) -> int:
        return max(0, self.sent - self.page_views_recorded)

    @property
    def page_views_doubled(self) -> int:
        return max(0, self.page_views_recorded - self.sent)

    @property
    def visits_lost(self) -> int:
        return max(0, self.visitors - self.visits_recorded)

    @property
    def visits_doubled(self) -> int:
        return max(0, self.visits_recorded - self.visitors)

    @property
    def exact(self) -> bool:
        return self.page_views_recorded == self.sent and self.visits_recorded == self.visitors


@dataclass
class Report:
    started: datetime.datetime
    seconds: int
    connections: int
    page_bytes: int = 0
    cache_warmup: str = ""
    cache_warmup_redis: str = ""
    runs: list[WrkResult] = field(default_factory=list)
    queries: int = 0
    query_sql: list[str] = field(default_factory=list)
    counting: list[CountingResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- processes --------------------------------------------------------------------------------


class Processes:
    """Every child process of the run. Each gets its own session (process group), so Ctrl-C in
    the terminal reaches only this script, which then stops the children in order, and so a
    server's workers are stopped with it."""

    def __init__(self) -> None:
        self.running: list[subprocess.Popen] = []

    def start(self, command: list[str], *, env: dict[str, str], log: Path) -> subprocess.Popen:
        process = launch(command, env, log)
        self.running.append(process)
        return process

    def run(self, command: list[str], *, env: dict[str, str], timeout: float) -> str:
        """Run to completion within `timeout`; return stdout; stderr goes into the error."""
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        self.running.append(process)
        try:
            stdout, stderr = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise BenchError(f"`{' '.join(command)}` took longer than {timeout:.0f} s") from None
        finally:
            self.stop(process, graceful=False)
        if process.returncode != 0:
            raise BenchError(
                f"`{' '.join(command)}` exited with code {process.returncode}:\n"
                + last_lines(stderr or stdout)
            )
        return stdout

    def stop(self, process: subprocess.Popen, *, graceful: bool = True) -> bool:
        """Stop a process and its group. Graceful: SIGTERM to the process alone (a server's
        master then stops its workers, which write their counts), waiting a bounded time.
        Returns True when it exited by itself within the time."""
        exited_cleanly = True
        if process.poll() is None:
            if graceful:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(timeout=SERVER_STOP_TIMEOUT)
                except subprocess.TimeoutExpired:
                    exited_cleanly = False
            else:
                exited_cleanly = False
        # Whatever is left of the group (the process itself, orphaned workers) is killed.
        kill_group(process.pid, signal.SIGKILL)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            exited_cleanly = False
        if process in self.running:
            self.running.remove(process)
        return exited_cleanly

    def stop_all(self) -> None:
        for process in reversed(list(self.running)):
            self.stop(process, graceful=False)

    def stop_measuring_group(self, process: subprocess.Popen) -> None:
        """Stop scripts/with-postgres and the benchmark it runs: SIGTERM to the whole group,
        so that the benchmark stops the servers it started (each in a session of its own) and
        the script its database, then wait for the group to be empty before killing what is
        left. A SIGTERM to the script alone ended it at once, and its group was killed with the
        benchmark's servers still running."""
        kill_group(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + GROUP_STOP_TIMEOUT
        while time.monotonic() < deadline:
            process.poll()  # reaps the script: a zombie still counts as in the group
            try:
                os.killpg(process.pid, 0)
            except (ProcessLookupError, PermissionError):
                break
            time.sleep(0.2)
        self.stop(process, graceful=False)


def kill_group(pgid: int, sig: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):  # the group is gone already
        os.killpg(pgid, sig)


def last_lines(text: str, lines: int = LOG_TAIL_LINES) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}{'es' if word.endswith('s') else 's'}"


def progress(message: str) -> None:
    print(f"-- {message}", file=sys.stderr, flush=True)


# --- HTTP -------------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def get(port: int, path: str = "/", headers: dict[str, str] | None = None) -> Response:
    """One request on a new connection (so that any worker may answer it)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HTTP_TIMEOUT)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        connection.close()


def get_homepage(port: int) -> Response:
    response = get(port, "/", BROWSER_HEADERS)
    if response.status != 200:
        raise BenchError(f"GET / on port {port} answered {response.status}, expected 200")
    return response


# --- set-up -----------------------------------------------------------------------------------


def django_env(tmp: Path, database: Path | None = None, **extra: str) -> dict[str, str]:
    """serverkit's production environment; counts are written every 2 s, not every 10."""
    return production_env(tmp, database, TAMBON_STATS_FLUSH_SECONDS="2", **extra)


def set_up_site(env: dict[str, str], tmp: Path) -> None:
    log = tmp / "setup.log"
    progress(f"manage.py migrate, load_demo, collectstatic (log: {log})")
    serverkit.set_up_site(env, log)
    serverkit.manage(["compilemessages", "--ignore=.venv", "--ignore=e2e", "-v", "0"], env, log)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy, WAL included (SQLite's backup API, not a file copy)."""
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def run_django_snippet(processes: Processes, env: dict[str, str], code: str) -> dict:
    """Run `code` after django.setup() in a fresh process; it prints one JSON line last."""
    script = "import django\ndjango.setup()\n" + code
    stdout = processes.run([sys.executable, "-c", script], env=env, timeout=120)
    return json.loads(stdout.strip().splitlines()[-1])


# Today's row(s), Bangkok date, the way the counter itself picks the day.
READ_TODAY = """
import json
from django.db.models import Sum
from django.utils import timezone
from tambon.stats.models import DailyVisits
from tambon.thai.dates import to_bangkok_date
today = to_bangkok_date(timezone.now())
rows = DailyVisits.objects.all_organizations().filter(day=today)  # every organization's
totals = rows.aggregate(v=Sum("visits"), p=Sum("page_views"))
print(json.dumps({"day": str(today), "visits": totals["v"] or 0, "page_views": totals["p"] or 0}))
"""

COUNT_QUERIES = """
import json, os
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
headers = json.loads(os.environ["BENCH_HEADERS"])
client = Client(HTTP_HOST="127.0.0.1", headers=headers)
first = client.get("/")  # warm-up: imports, template loading, first-use caches
assert first.status_code == 200, first.status_code
with CaptureQueriesContext(connection) as queries:
    second = client.get("/")
assert second.status_code == 200, second.status_code
print(json.dumps({"count": len(queries), "sql": [q["sql"] for q in queries.captured_queries]}))
"""


# --- servers ----------------------------------------------------------------------------------


@contextlib.contextmanager
def granian_server(
    processes: Processes, env: dict[str, str], tmp: Path, name: str, workers: int
) -> Iterator[tuple[subprocess.Popen, int]]:
    """granian for the block, stopped gracefully at its end (workers write what they still
    hold) even when the block fails; yields the process and its port. The log is
    tmp/granian-<name>.log."""
    port = free_port()
    log = tmp / f"granian-{name}.log"
    progress(f"starting granian ({name}, {plural(workers, 'worker')}) on 127.0.0.1:{port}")
    process = processes.start(
        granian_command(port, workers, GRANIAN_BACKPRESSURE), env=env, log=log
    )
    try:
        wait_until_answering(process, port, log, f"granian ({name})")
        yield process, port
    finally:
        stop_server(processes, process, f"granian ({name})")


def stop_server(processes: Processes, process: subprocess.Popen, name: str) -> None:
    if not processes.stop(process, graceful=True):
        raise BenchError(f"{name} did not stop within {SERVER_STOP_TIMEOUT} s of SIGTERM")


NGINX_CONF = """\
worker_processes 2;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/nginx-temp/body;
    proxy_temp_path {tmp}/nginx-temp/proxy;
    fastcgi_temp_path {tmp}/nginx-temp/fastcgi;
    uwsgi_temp_path {tmp}/nginx-temp/uwsgi;
    scgi_temp_path {tmp}/nginx-temp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {tmp}/www;
        location = / {{ default_type text/html; try_files /index.html =404; }}
    }}
}}
"""


def start_nginx(processes: Processes, tmp: Path, page: bytes) -> tuple[subprocess.Popen, int]:
    www = tmp / "www"
    www.mkdir()
    (www / "index.html").write_bytes(page)
    (tmp / "nginx-temp").mkdir()
    # Run as root, nginx's workers run as "nobody": they must be able to reach the page.
    tmp.chmod(0o711)
    www.chmod(0o755)
    (www / "index.html").chmod(0o644)
    port = free_port()
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(tmp=tmp, port=port), encoding="utf-8")
    log = tmp / "nginx-stdout.log"
    progress(f"starting nginx on 127.0.0.1:{port}")
    command = [str(NGINX), "-p", str(tmp), "-e", str(tmp / "nginx-error.log")]
    command += ["-c", str(conf), "-g", "daemon off;"]
    process = processes.start(command, env=dict(os.environ), log=log)
    wait_until_answering(process, port, tmp / "nginx-error.log", "nginx", path="/")
    response = get(port, "/", BROWSER_HEADERS)
    if response.status != 200 or response.body != page:
        raise BenchError(f"nginx answered {response.status} or a different page on /")
    return process, port


def warm_page_cache(port: int) -> str:
    """Each granian worker has its own in-process page cache, and the kernel decides which
    worker accepts a new connection. Request / on new connections until several in a row are
    cache hits (every worker warm), within a bounded number of tries. Returns a description
    of what it took."""
    results = []
    in_a_row = 0
    for _ in range(CACHE_WARMUP_ATTEMPTS):
        hit = get_homepage(port).headers.get("X-Cache") == "hit"
        results.append("hit" if hit else "miss")
        in_a_row = in_a_row + 1 if hit else 0
        if in_a_row >= CACHE_HITS_IN_A_ROW:
            return (
                f"request 2 was a {results[1]}; {len(results)} requests until "
                f"{CACHE_HITS_IN_A_ROW} hits in a row ({plural(results.count('miss'), 'miss')})"
            )
    raise BenchError(
        f"the page cache is not answering: no {CACHE_HITS_IN_A_ROW} `X-Cache: hit` in a row "
        f"within {CACHE_WARMUP_ATTEMPTS} requests of / ({' '.join(results)})"
    )


# --- wrk --------------------------------------------------------------------------------------

_UNIT_TO_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def run_wrk(
    processes: Processes, name: str, port: int, seconds: int, connections: int
) -> WrkResult:
    command = [str(WRK), "-t", str(WRK_THREADS), "-c", str(connections), "-d", f"{seconds}s"]
    command += ["--latency", "--timeout", "5s"]
    for header, value in BROWSER_HEADERS.items():
        command += ["-H", f"{header}: {value}"]
    command.append(f"http://127.0.0.1:{port}/")
    progress(f"wrk on {name} ({seconds} s)")
    output = processes.run(command, env=dict(os.environ), timeout=seconds + 60)
    return parse_wrk(name, output)


def parse_wrk(name: str, output: str) -> WrkResult:
    def find(pattern: str) -> re.Match:
        match = re.search(pattern, output, re.MULTILINE)
        if match is None:
            raise BenchError(f"could not read {pattern!r} in wrk's output:\n{output}")
        return match

    def latency_ms(percent: str) -> float:
        match = find(rf"^\s*{percent}%\s+([\d.]+)(us|ms|s|m)\s*$")
        return float(match.group(1)) * _UNIT_TO_MS[match.group(2)]

    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        raise BenchError(f"{name}: {non_2xx.group(1)} responses were not 2xx/3xx:\n{output}")
    errors = re.search(r"Socket errors: (.*)$", output, re.MULTILINE)
    totals = find(r"^\s*(\d+) requests in ([\d.]+\w+)")
    return WrkResult(
        name=name,
        requests_per_second=float(find(r"^Requests/sec:\s+([\d.]+)").group(1)),
        p50_ms=latency_ms("50"),
        p99_ms=latency_ms("99"),
        requests=int(totals.group(1)),
        duration=totals.group(2),
        socket_errors=errors.group(1).strip() if errors else "",
    )


# --- counting accuracy ------------------------------------------------------------------------


def visitor_user_agent(visitor: int) -> str:
    return f"{BROWSER_UA} bench-visitor-{visitor}"


def send_visitor_requests(port: int) -> int:
    """ACCURACY_REQUESTS page views by ACCURACY_VISITORS visitors over ACCURACY_THREADS
    keep-alive connections. The requests are shuffled, so one visitor's page views travel on
    several connections (as a browser's do) and can reach several workers. Returns how many
    were answered 200; anything else is an error."""
    plan = [
        v for v in range(ACCURACY_VISITORS) for _ in range(ACCURACY_REQUESTS // ACCURACY_VISITORS)
    ]
    random.Random(ACCURACY_SEED).shuffle(plan)
    shares = [plan[i::ACCURACY_THREADS] for i in range(ACCURACY_THREADS)]
    deadline = time.monotonic() + ACCURACY_TIMEOUT
    ok = [0] * ACCURACY_THREADS
    failures: list[str] = []

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=HTTP_TIMEOUT)
        try:
            for visitor in shares[index]:
                if time.monotonic() > deadline:
                    failures.append(f"thread {index}: out of time")
                    return
                headers = {**BROWSER_HEADERS, "User-Agent": visitor_user_agent(visitor)}
                try:
                    connection.request("GET", "/", headers=headers)
                    response = connection.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException) as exc:
                    # Not retried: the server may have counted it already.
                    failures.append(f"thread {index}: {exc!r}")
                    connection.close()
                    continue
                if response.status == 200:
                    ok[index] += 1
                else:
                    failures.append(f"thread {index}: status {response.status}")
        finally:
            connection.close()

    threads = [
        threading.Thread(target=client, args=(i,), daemon=True) for i in range(ACCURACY_THREADS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=max(0.0, deadline - time.monotonic()) + HTTP_TIMEOUT)
    if any(thread.is_alive() for thread in threads):
        raise BenchError(f"the counting client did not finish within {ACCURACY_TIMEOUT} s")
    if failures:
        raise BenchError(
            f"{len(failures)} of {len(plan)} counting requests failed; first ones:\n"
            + "\n".join(failures[:10])
        )
    return sum(ok)


def start_redis(processes: Processes, tmp: Path) -> str:
    """A throw-away Redis on loopback for the production profile (no persistence)."""
    port = free_port()
    log = tmp / "redis.log"
    progress(f"starting redis-server on 127.0.0.1:{port}")
    command = [str(REDIS_SERVER), "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(tmp)]
    processes.start(command, env=dict(os.environ), log=log)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    raise BenchError(f"redis-server did not answer within 10 s:\n{log_tail(log)}")


def measure_counting(
    processes: Processes, tmp: Path, pristine: Path, workers: int, redis_url: str = ""
) -> CountingResult:
    """A fresh copy of the database (as it was before any request), granian with the page
    cache on, the fixed load, a graceful stop (workers write what they still hold), then
    today's DailyVisits row. With `redis_url`: the production profile (shared counter)."""
    name = f"counting-{workers}w{'-redis' if redis_url else ''}"
    database = tmp / f"{name}.sqlite3"
    copy_database(pristine, database)
    env = django_env(tmp, database=database)
    if redis_url:
        env["TAMBON_REDIS_URL"] = redis_url
    before = run_django_snippet(processes, env, READ_TODAY)
    with granian_server(processes, env, tmp, name, workers) as (_, port):
        progress(f"sending {ACCURACY_REQUESTS} requests from {ACCURACY_VISITORS} visitors")
        sent = send_visitor_requests(port)
    after = run_django_snippet(processes, env, READ_TODAY)
    if after["day"] != before["day"]:
        raise BenchError("the Bangkok date changed during the counting check; run again")
    return CountingResult(
        workers=workers,
        redis=bool(redis_url),
        sent=sent,
        visitors=ACCURACY_VISITORS,
        page_views_recorded=after["page_views"] - before["page_views"],
        visits_recorded=after["visits"] - before["visits"],
    )


# --- the run ----------------------------------------------------------------------------------


def check_tools() -> None:
    tools = (NGINX, WRK, REDIS_SERVER)
    missing = [str(tool) for tool in tools if not os.access(tool, os.X_OK)]
    if missing:
        raise ToolMissing(
            f"missing: {', '.join(missing)}. `make bench` installs them "
            "(Debian packages nginx, wrk and redis-server)."
        )
    if not os.access(VENV_BIN / "granian", os.X_OK):
        raise BenchError(f"{VENV_BIN / 'granian'} not found; run with the project's .venv python")


def measure(processes: Processes, tmp: Path, report: Report) -> None:
    env = django_env(tmp)
    set_up_site(env, tmp)
    # Before any request: the counting check starts from this copy.
    pristine = tmp / "pristine.sqlite3"
    copy_database(tmp / "db.sqlite3", pristine)

    # Cached server first: it provides the page nginx serves, then is measured itself.
    with granian_server(processes, env, tmp, "cached", GRANIAN_WORKERS) as (_, port):
        first = get_homepage(port)
        if first.headers.get("X-Cache") == "hit":
            raise BenchError("the very first GET / was already a cache hit: the cache is not fresh")
        page = first.body
        report.page_bytes = len(page)

        nginx, nginx_port = start_nginx(processes, tmp, page)
        report.runs.append(
            run_wrk(processes, "nginx static", nginx_port, report.seconds, report.connections)
        )
        processes.stop(nginx)

        report.cache_warmup = warm_page_cache(port)
        report.runs.append(run_wrk(processes, "cached", port, report.seconds, report.connections))

    uncached_env = {**env, "TAMBON_PAGE_CACHE": "0"}
    with granian_server(processes, uncached_env, tmp, "uncached", GRANIAN_WORKERS) as (_, port):
        for _ in range(2):
            if get_homepage(port).headers.get("X-Cache") is not None:
                raise BenchError("TAMBON_PAGE_CACHE=0 but the server still answered from its cache")
        report.runs.append(run_wrk(processes, "uncached", port, report.seconds, report.connections))

    progress("counting SQL queries of one uncached render")
    query_env = {**uncached_env, "BENCH_HEADERS": json.dumps(BROWSER_HEADERS)}
    queries = run_django_snippet(processes, query_env, COUNT_QUERIES)
    report.queries, report.query_sql = queries["count"], queries["sql"]

    # The production profile: page cache and counter shared by the workers in Redis.
    redis_url = start_redis(processes, tmp)
    redis_env = {**env, "TAMBON_REDIS_URL": redis_url}
    with granian_server(processes, redis_env, tmp, "cached-redis", GRANIAN_WORKERS) as (_, port):
        report.cache_warmup_redis = warm_page_cache(port)
        report.runs.append(
            run_wrk(processes, "cached, Redis", port, report.seconds, report.connections)
        )

    for workers in (GRANIAN_WORKERS, 1):
        report.counting.append(measure_counting(processes, tmp, pristine, workers))
    # A Redis database of its own: counts the cached run left in Redis belong to its database.
    counting_redis_url = redis_url.rsplit("/", 1)[0] + "/1"
    report.counting.append(
        measure_counting(processes, tmp, pristine, GRANIAN_WORKERS, redis_url=counting_redis_url)
    )
    if any(c.workers > 1 and c.visits_doubled for c in report.counting):
        report.notes.append(
            "with the embedded counter each worker remembers its own visitors, so a visitor "
            "whose page views reach several workers is counted once per worker"
        )


# --- the report -------------------------------------------------------------------------------


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{len(os.sched_getaffinity(0))} CPUs (nproc), {model}"


def git_commit() -> str:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return result.stdout.strip() or "unknown"


def tool_version(command: list[str]) -> str:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    return (result.stdout + result.stderr).strip().splitlines()[0]


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def print_report(report: Report) -> None:
    runs = {run.name: run for run in report.runs}
    nginx, cached, uncached = runs["nginx static"], runs["cached"], runs["uncached"]
    cached_ratio = cached.requests_per_second / nginx.requests_per_second
    uncached_ratio = uncached.requests_per_second / nginx.requests_per_second
    redis_ratio = runs["cached, Redis"].requests_per_second / nginx.requests_per_second
    bangkok = report.started.astimezone(datetime.timezone(datetime.timedelta(hours=7)))

    print("tambon homepage benchmark")
    print(f"date      {report.started:%Y-%m-%d %H:%M:%S} UTC ({bangkok:%Y-%m-%d %H:%M} Bangkok)")
    print(f"commit    {git_commit()}")
    print(f"machine   {machine()}")
    print(
        f"wrk       -t{WRK_THREADS} -c{report.connections} -d{report.seconds}s --latency "
        "--timeout 5s, browser headers (User-Agent, Accept: text/html, Accept-Language: th)"
    )
    print(
        f"servers   {tool_version([str(VENV_BIN / 'granian'), '--version'])}: "
        + " ".join(granian_command(0, GRANIAN_WORKERS, GRANIAN_BACKPRESSURE)[1:]).replace(
            "--port 0 ", ""
        )
    )
    nginx_version = tool_version([str(NGINX), "-v"]).removeprefix("nginx version: ")
    print(
        f"          {nginx_version}: worker_processes 2, access_log off, the page saved as a file"
    )
    print(f"page      GET / = {report.page_bytes:,} bytes; cache warm-up: {report.cache_warmup}")
    print()
    print(f"{'name':<14}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'requests':>11}  socket errors")
    for run in report.runs:
        print(
            f"{run.name:<14}{run.requests_per_second:>10.1f}{run.p50_ms:>10.2f}"
            f"{run.p99_ms:>10.2f}{run.requests:>11}  {run.socket_errors or 'none'}"
        )
    print()
    figures = [
        ("cached / nginx", f"{cached_ratio:.3f}", f"target >= {TARGET_CACHED_OVER_NGINX}"),
        ("cached, Redis / nginx", f"{redis_ratio:.3f}", "(production profile, shared cache)"),
        ("uncached / nginx", f"{uncached_ratio:.3f}", ""),
        (
            "uncached req/s",
            f"{uncached.requests_per_second:.1f}",
            f"target >= {TARGET_UNCACHED_RPS:.0f}",
        ),
        ("queries per uncached render", str(report.queries), f"target <= {TARGET_MAX_QUERIES}"),
    ]
    for label, value, target in figures:
        print(f"{label:<30}{value:>8}   {target}".rstrip())
    if report.queries > TARGET_MAX_QUERIES:
        for sql in report.query_sql:
            print(f"    {sql[:140]}")
    print()
    print(
        f"counting accuracy: {ACCURACY_REQUESTS} GET / over {ACCURACY_THREADS} keep-alive "
        f"connections, {ACCURACY_VISITORS} visitors (distinct User-Agents), page cache on, "
        "graceful stop, then today's DailyVisits"
    )
    header = "".join(f"{c.label:>12}" for c in report.counting)
    print(f"{'':<40}{header}")
    rows = [
        ("sent", "sent"),
        ("page views recorded", "page_views_recorded"),
        ("page views lost", "page_views_lost"),
        ("page views doubled", "page_views_doubled"),
        ("visits expected (distinct visitors)", "visitors"),
        ("visits recorded", "visits_recorded"),
        ("visits lost", "visits_lost"),
        ("visits doubled", "visits_doubled"),
    ]
    for label, attribute in rows:
        print(f"{label:<40}" + "".join(f"{getattr(c, attribute):>12}" for c in report.counting))
    for note in report.notes:
        print(f"note: {note}")
    print()
    counting = ", ".join(
        f"{c.label} {'exact' if c.exact else 'NOT exact'}" for c in report.counting
    )
    print(
        "SUMMARY: "
        f"cached/nginx {cached_ratio:.3f} {verdict(cached_ratio >= TARGET_CACHED_OVER_NGINX)} | "
        f"uncached {uncached.requests_per_second:.0f} req/s "
        f"{verdict(uncached.requests_per_second >= TARGET_UNCACHED_RPS)} | "
        f"queries {report.queries} {verdict(report.queries <= TARGET_MAX_QUERIES)} | "
        f"counting (no target): {counting}"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10, help="wrk duration per server")
    parser.add_argument("--connections", type=int, default=32, help="wrk connections")
    parser.add_argument(
        "--keep-tmp", action="store_true", help="keep the temporary directory (logs, databases)"
    )
    args = parser.parse_args()
    if not 1 <= args.seconds <= 600:
        parser.error("--seconds must be between 1 and 600")
    if not WRK_THREADS <= args.connections <= 1000:
        parser.error(f"--connections must be between {WRK_THREADS} and 1000")
    return args


def raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt


def run_measuring(
    script: str,
    processes: Processes,
    tmp: Path,
    work: Callable[[], None],
    *,
    keep_tmp: bool = False,
    on_failure: Callable[[], None] | None = None,
) -> int | None:
    """`work()`, after which every process started is stopped and the work folder removed
    (kept with `keep_tmp`), whatever happened. None when it measured; otherwise the exit code:
    1 when it could not measure (after `on_failure()`, while the folder still exists), 130 when
    interrupted. The three benchmarks share it."""
    try:
        work()
    except ServerError as exc:  # BenchError included
        print(f"{script}: could not measure: {exc}", file=sys.stderr)
        if on_failure is not None:
            on_failure()
        return 1
    except KeyboardInterrupt:
        print(f"{script}: interrupted", file=sys.stderr)
        return 130
    finally:
        # A second Ctrl-C must not leave servers behind.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        processes.stop_all()
        if keep_tmp:
            print(f"kept {tmp}", file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return None


def main() -> int:
    args = parse_args()
    try:
        check_tools()
    except (ToolMissing, BenchError) as exc:
        print(f"bench/homepage.py: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ToolMissing) else 1
    # Ctrl-C and SIGTERM (a CI timeout, say) leave through the finally below. SIGINT is set
    # explicitly: a shell starting this in the background would otherwise have it ignored.
    signal.signal(signal.SIGINT, raise_keyboard_interrupt)
    signal.signal(signal.SIGTERM, raise_keyboard_interrupt)
    report = Report(
        started=datetime.datetime.now(datetime.UTC),
        seconds=args.seconds,
        connections=args.connections,
    )
    processes = Processes()
    tmp = Path(tempfile.mkdtemp(prefix="tambon-bench-"))
    failed = run_measuring(
        "bench/homepage.py", processes, tmp, lambda: measure(processes, tmp, report),
        keep_tmp=args.keep_tmp,
    )  # fmt: skip
    if failed is not None:
        return failed
    print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
