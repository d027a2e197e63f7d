"""The site served the way production runs it, for the browser tests and the benchmarks.

``e2e/conftest.py`` and ``bench/*.py`` both use it, so what they test and what they measure is
the same server: production settings (every path in a temporary directory), ``migrate``,
``load_demo``, ``collectstatic``, then granian with the README's command::

    env = production_env(tmp)
    set_up_site(env, tmp / "setup.log")
    port = free_port()
    process = subprocess.Popen(granian_command(port), env=env, cwd=REPO, ...)
    wait_until_answering(process, port, log)

It is a top-level package, outside ``tambon``, because it is not part of the application: it
starts the application from outside, as an operator would. It needs only the standard library.
Every failure raises ``ServerError`` with the end of the log that explains it.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
VENV_BIN = Path(sys.executable).parent  # not resolved: the venv's bin, where granian lives
SETUP_STEP_TIMEOUT = 300  # seconds per manage.py step
SERVER_START_TIMEOUT = 60  # seconds until the server answers
LOG_TAIL_LINES = 60


class ServerError(Exception):
    """The server could not be set up or did not answer; the message ends with its log."""


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return "(no log written)"
    return "\n".join(text.strip().splitlines()[-lines:]) or "(empty log)"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(tmp: Path, database: Path | None = None, **extra: str) -> dict[str, str]:
    """Production settings with every path in ``tmp``. Inherited TAMBON_*, GRANIAN_*, DJANGO_*
    and database variables are dropped so that the caller's shell cannot change what is tested
    or measured (a TAMBON_REDIS_URL, say); ``extra`` adds or overrides variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TAMBON_", "GRANIAN_", "DJANGO_"))
        and key not in ("DATABASE_URL", "PYTHONPATH")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tambon.settings.production",
            "TAMBON_SECRET_KEY": secrets.token_urlsafe(50),
            "TAMBON_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "TAMBON_SSL_REDIRECT": "0",
            "TAMBON_HSTS_SECONDS": "0",
            "DATABASE_URL": f"sqlite:///{database or tmp / 'db.sqlite3'}",
            "TAMBON_STATIC_ROOT": str(tmp / "static"),
            "TAMBON_MEDIA_ROOT": str(tmp / "media"),
            "TAMBON_PAGE_CACHE_GENERATION_FILE": str(tmp / "page-cache-generation"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra)
    return env


def manage(args: list[str], env: dict[str, str], log: Path, timeout=SETUP_STEP_TIMEOUT) -> None:
    """Run ``manage.py args`` to completion, its output appended to ``log``."""
    command = [sys.executable, str(REPO / "manage.py"), *args]
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ manage.py {' '.join(args)}\n")
        out.flush()
        try:
            result = subprocess.run(
                command,
                cwd=REPO,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ServerError(
                f"`manage.py {' '.join(args)}` took longer than {timeout} s.\n"
                f"--- {log} (tail) ---\n{log_tail(log)}"
            ) from None
    if result.returncode != 0:
        raise ServerError(
            f"`manage.py {' '.join(args)}` failed with exit code {result.returncode}.\n"
            f"--- {log} (tail) ---\n{log_tail(log)}"
        )


def launch(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    """`command` started from the repository in a session of its own (a Ctrl-C in the terminal
    does not reach it; it outlives its starter), its output appended to `log`."""
    with log.open("ab") as out:
        return subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def set_up_site(env: dict[str, str], log: Path) -> None:
    """A fresh database with the demo organization, and the static files collected. The tasks
    the demo queued (Wagtail indexes each page for search in a task) are run, as the worker of
    a deployment would, before the site is used."""
    for args in (["migrate", "--noinput"], ["load_demo"], ["collectstatic", "--noinput"]):
        manage(args, env, log)
    run_task_worker_once(env, log)


def granian_command(port: int, workers: int = 2, backpressure: int | None = None) -> list[str]:
    """The production command of the README: one blocking thread per worker process (more
    threads only contend for the GIL), and a worker that dies is started again (without it,
    granian exits when one of its workers is killed)."""
    command = [
        str(VENV_BIN / "granian"),
        *["--interface", "wsgi", "tambon.wsgi:application", "--host", "127.0.0.1"],
        *["--port", str(port), "--workers", str(workers), "--blocking-threads", "1"],
        "--respawn-failed-workers",
    ]
    if backpressure is not None:
        command += ["--backpressure", str(backpressure)]
    return [*command, "--log-level", "warning"]


def start_granian(env: dict[str, str], log: Path, workers: int = 2) -> tuple[subprocess.Popen, int]:
    """granian with the README's command on a free port, answering when this returns."""
    port = free_port()
    with log.open("w") as out:
        process = subprocess.Popen(
            granian_command(port, workers),
            env=env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until_answering(process, port, log)
    except ServerError:
        process.kill()
        process.wait(timeout=15)
        raise
    return process, port


def task_worker_command(batch: bool = False) -> list[str]:
    """The background-task worker of docs/operations.md (`manage.py task_worker`)."""
    command = [sys.executable, str(REPO / "manage.py"), "task_worker", "--no-reload"]
    return [*command, "--batch"] if batch else [*command, "--no-startup-delay"]


def start_task_worker(env: dict[str, str], log: Path) -> subprocess.Popen:
    """The worker, running until the caller stops it (``process.terminate()``: it finishes
    the task it is running, then exits). Its output is appended to ``log``."""
    with log.open("a") as out:
        return subprocess.Popen(
            task_worker_command(),
            env=env,
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def run_task_worker_once(env: dict[str, str], log: Path) -> None:
    """Run every task that is ready (and the periodic ones due), then return."""
    manage(task_worker_command(batch=True)[2:], env, log)


def django_snippet(env: dict[str, str], code: str, timeout: float = 120):
    """Run `code` after django.setup() in a fresh process with `env` (the server's database);
    it prints one JSON value last, which is returned."""
    result = subprocess.run(
        [sys.executable, "-c", "import django\ndjango.setup()\n" + code],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def worker_pids(master: subprocess.Popen) -> list[int]:
    """The process ids of granian's workers (the master's child processes), lowest first."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            if int(stat.rsplit(")", 1)[1].split()[1]) == master.pid:
                pids.append(int(entry.name))
        except (OSError, ValueError, IndexError):
            continue  # ended while being read
    return sorted(pids)


def wait_until_answering(
    process: subprocess.Popen,
    port: int,
    log: Path,
    name: str = "granian",
    path: str = "/robots.txt",
    timeout: float = SERVER_START_TIMEOUT,
) -> None:
    """Poll until the server answers (any status). The default, /robots.txt without a
    User-Agent, is never counted as a page view, so counting starts from zero."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(
                f"{name} exited with code {process.returncode} before answering.\n"
                f"--- {log} (tail) ---\n{log_tail(log)}"
            )
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            connection.close()
    raise ServerError(
        f"{name} did not answer on 127.0.0.1:{port} within {timeout:.0f} s.\n"
        f"--- {log} (tail) ---\n{log_tail(log)}"
    )
