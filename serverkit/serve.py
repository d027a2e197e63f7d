"""The production profile on this machine: ``make serve`` / ``make stop``.

    python -m serverkit.serve start [--var DIR] [--port 8000]
    python -m serverkit.serve stop [--var DIR]
    python -m serverkit.serve status [--var DIR]
    python -m serverkit.serve manage createsuperuser      (manage.py against the running profile)
    python -m serverkit.serve nginx-site --server-name www.pong.go.th ...   (docs/deploy.md)

``start`` brings up, on loopback, from Debian's packages and the lock files: a PostgreSQL primary
(and a streaming replica when serverkit.engines has ``start_replica``), Redis, the task worker
(when django_tasks_db is installed), granian's workers and nginx in front with the site file
operators install (deploy/nginx/tambon.conf). Every piece of state lives under ``var/serve``
(another folder with ``--var``: the smoke test uses a temporary one) and survives a stop: the
database clusters, Redis's append-only file, uploads, case files, the secret key, the logs. The
process ids are kept there too, and ``stop`` ends only the processes ``start`` wrote down.
Standard library only, like the rest of serverkit.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import serverkit

from . import (
    REPO,
    ServerError,
    django_snippet,
    free_port,
    granian_command,
    launch,
    manage,
    production_env,
    wait_until_answering,
)
from .engines import PostgresServer, RedisServer

DEFAULT_VAR = REPO / "var" / "serve"
DEFAULT_PORT = 8000
NGINX = Path("/usr/sbin/nginx")
SITE_TEMPLATE = REPO / "deploy" / "nginx" / "tambon.conf"
ACCEL_PREFIX = "/_protected/"
STOP_TIMEOUT = 30  # seconds a process has to end after SIGTERM before SIGKILL
STATE = "serve.json"
# What each process's command line contains: a pid file naming another program (the pid
# reused after a reboot) is not ours to stop.
PROGRAMS = {"nginx": "nginx", "web": "granian", "worker": "_worker", "redis": "redis-server"}

TASKS_INSTALLED = """
import json
from django.conf import settings
print(json.dumps("django_tasks_db" in settings.INSTALLED_APPS))
"""


STARTED = time.monotonic()


def say(message: str) -> None:
    print(f"serve [{time.monotonic() - STARTED:5.1f} s]: {message}", flush=True)


# --- the nginx site file ----------------------------------------------------------------------


def body_limit(environ=os.environ) -> str:
    """client_max_body_size for a complaint with every attachment the app accepts (the defaults
    of tambon/cases/conf.py) and 1 MiB for the rest of the form."""
    files = int(environ.get("TAMBON_CASE_MAX_ATTACHMENTS", 5))
    size = int(environ.get("TAMBON_CASE_MAX_UPLOAD_BYTES", 5 * 1024 * 1024))
    return f"{-(-files * size // (1024 * 1024)) + 1}m"


def render_site(values: dict[str, str]) -> str:
    """deploy/nginx/tambon.conf with its ${NAME} placeholders filled (nginx's own $variables
    are left alone). A placeholder without a value is an error, not an empty string."""
    template = SITE_TEMPLATE.read_text(encoding="utf-8")

    def fill(match: re.Match) -> str:
        name = match[1]
        if name not in values:
            raise ServerError(f"{SITE_TEMPLATE} needs a value for ${{{name}}}")
        return str(values[name])

    return re.sub(r"\$\{([A-Z_]+)\}", fill, template)


def nginx_main_conf(var: Path, site: Path) -> str:
    """The nginx.conf of `make serve` (an operator has Debian's /etc/nginx/nginx.conf instead):
    everything nginx writes stays under var/serve/nginx. As root, its workers run as nobody in
    the app's group (root here), which may read the case files (0640) and nothing more."""
    folder = var / "nginx"
    user = "user nobody root;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {folder}/temp/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""{user}worker_processes 2;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    server_tokens off;
    access_log {folder}/access.log;
{temp}
    include {site};
}}
"""


# --- processes written down in var/serve ---------------------------------------------------------


def _alive(pid: int, program: str) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return program in cmdline and state != "Z"


def descendants(pid: int) -> list[int]:
    """`pid`'s children, their children, and so on (granian's and nginx's workers, the
    PostgreSQL server's processes)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _launch(name: str, command: list[str], env: dict, var: Path) -> subprocess.Popen:
    """A process in a session of its own (it outlives `make serve`), its output in
    var/serve/logs/NAME.log, its id in var/serve/NAME.pid."""
    process = launch(command, env, var / "logs" / f"{name}.log")
    (var / f"{name}.pid").write_text(f"{process.pid}\n")
    return process


def _end(pid: int, program: str, sig=signal.SIGTERM) -> None:
    if not _alive(pid, program):
        return
    os.kill(pid, sig)
    deadline = time.monotonic() + STOP_TIMEOUT
    while time.monotonic() < deadline and _alive(pid, program):
        time.sleep(0.1)
    if _alive(pid, program):
        os.kill(pid, signal.SIGKILL)


# --- start, stop, status -------------------------------------------------------------------------


def _secret_key(var: Path) -> str:
    given = os.environ.get("TAMBON_SECRET_KEY", "").strip()
    if given:
        return given
    path = var / "secret-key"
    if not path.exists():
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_urlsafe(50) + "\n")
    return path.read_text().strip()


def app_env(var: Path, redis_url: str, database_url: str, replica_url: str | None) -> dict:
    env = production_env(
        var,
        DATABASE_URL=database_url,
        TAMBON_SECRET_KEY=_secret_key(var),
        TAMBON_REDIS_URL=redis_url,
        TAMBON_PRIVATE_MEDIA_ROOT=str(var / "private"),
        TAMBON_SERVE_MEDIA="0",
        TAMBON_ACCEL_REDIRECT=ACCEL_PREFIX,
        TAMBON_TRUSTED_PROXY_HOPS="1",
        TAMBON_TRUSTED_PROXIES="127.0.0.1,::1",
        # The demo's second organization answers on banhaet.localhost:8000.
        TAMBON_ALLOWED_HOSTS="127.0.0.1,localhost,.localhost",
    )
    if replica_url:
        env["TAMBON_REPLICA_URL"] = replica_url
    return env


def worker_command() -> list[str]:
    """serverkit's task worker command when it has one (`manage.py task_worker`, which also
    enqueues the periodic jobs), else django-tasks-db's own `manage.py db_worker`."""
    command = getattr(serverkit, "task_worker_command", None)
    return command() if command else [sys.executable, "manage.py", "db_worker"]


def _state(var: Path) -> dict:
    """What `start` wrote in var/serve/serve.json (ports, the replica's folder)."""
    try:
        return json.loads((var / STATE).read_text())
    except (OSError, ValueError):
        return {}


def running(var: Path) -> dict | None:
    state = _state(var)
    if not state:
        return None
    pid = _read_pid(var / "web.pid")
    return state if pid and _alive(pid, PROGRAMS["web"]) else None


def start(var: Path = DEFAULT_VAR, port: int = DEFAULT_PORT, durable: bool = True) -> dict:
    """Everything up and answering on http://127.0.0.1:PORT; returns what was started.
    `durable=False` (a test's throw-away database): PostgreSQL without fsync."""
    var = var.resolve()
    state = running(var)
    if state:
        say(f"already running on http://127.0.0.1:{state['port']}/ (make stop)")
        return state
    if _state(var):  # a start that half failed, or the web server gone: end what is left
        stop(var)
    for folder in ("logs", "media", "private", "static", "nginx/temp"):
        (var / folder).mkdir(parents=True, exist_ok=True)
    # The postgres account (PostgreSQL) and nginx's workers must pass through, not list it.
    for folder in (var, var / "nginx"):
        folder.chmod(0o711)
    (var / "private").chmod(0o750)
    as_postgres = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", "postgres", "--"]
    if os.geteuid() == 0 and subprocess.run([*as_postgres, "/usr/bin/test", "-x", var]).returncode:
        raise ServerError(
            f"The postgres account cannot reach {var}: as root, keep the repository in a folder "
            "others may pass through (not under /root), or give another folder with --var."
        )
    state = {"port": port, "var": str(var)}
    try:
        _start(var, port, state, durable)
    except BaseException:
        (var / STATE).write_text(json.dumps(state))
        stop(var)
        raise
    return state


def _start(var: Path, port: int, state: dict, durable: bool) -> None:
    primary = PostgresServer(workdir=var / "pg-primary", durable=durable)
    state["primary"] = {"data": str(primary.data), "port": primary.port}
    fresh = not (primary.data / "PG_VERSION").exists()
    say(f"PostgreSQL primary on 127.0.0.1:{primary.port} ({primary.data})")
    if fresh:
        primary.create()
    else:
        primary.start()
    replica_url = None
    try:
        start_replica = primary.start_replica
    except AttributeError:
        say("no replica: serverkit.engines.PostgresServer has no start_replica() yet")
    else:
        replica = start_replica()
        replica_url = replica.url
        state["replica"] = {
            "data": str(getattr(replica, "data", "")),
            "workdir": str(getattr(replica, "workdir", "")),
        }
        say(f"PostgreSQL replica at {replica_url}")
    redis = RedisServer(var / "redis", durable=True).start()
    (var / "redis.pid").write_text(f"{redis.process.pid}\n")
    say(f"Redis on 127.0.0.1:{redis.port}")
    env = app_env(var, redis.url, primary.url, replica_url)
    state["urls"] = [redis.url, primary.url, replica_url]

    setup_log = var / "logs" / "setup.log"
    say(f"migrate, collectstatic (log: {setup_log})")
    manage(["migrate", "--noinput"], env, setup_log)
    manage(["collectstatic", "--noinput"], env, setup_log)
    if not (var / "demo-loaded").exists():
        demo_log = var / "logs" / "demo.log"
        demo_log.unlink(missing_ok=True)
        say("a new database: the demo organizations (manage.py load_demo)")
        manage(["load_demo"], env, demo_log)
        (var / "demo-loaded").touch()

    app_port = free_port()
    web = _launch("web", granian_command(app_port), env, var)
    wait_until_answering(web, app_port, var / "logs" / "web.log")
    say(f"granian on 127.0.0.1:{app_port}")
    if django_snippet(env, TASKS_INSTALLED):
        worker = worker_command()
        _launch("worker", worker, env, var)
        say(f"task worker (manage.py {worker[2]})")
    else:
        say("no task worker: django_tasks_db is not installed")

    site = var / "nginx" / "tambon.conf"
    site.write_text(
        render_site(
            {
                "LISTEN": f"127.0.0.1:{port}",
                "SERVER_NAME": "127.0.0.1 localhost *.localhost",
                "APP": f"127.0.0.1:{app_port}",
                "STATIC_ROOT": env["TAMBON_STATIC_ROOT"],
                "MEDIA_ROOT": env["TAMBON_MEDIA_ROOT"],
                "PRIVATE_MEDIA_ROOT": env["TAMBON_PRIVATE_MEDIA_ROOT"],
                "BODY_LIMIT": body_limit(env),
            }
        ),
        encoding="utf-8",
    )
    conf = var / "nginx" / "nginx.conf"
    conf.write_text(nginx_main_conf(var, site), encoding="utf-8")
    nginx_command = [str(NGINX), "-p", str(var / "nginx"), "-e", str(var / "nginx" / "error.log")]
    nginx = _launch("nginx", [*nginx_command, "-c", str(conf), "-g", "daemon off;"], env, var)
    wait_until_answering(nginx, port, var / "nginx" / "error.log", "nginx")
    (var / STATE).write_text(json.dumps(state))
    say(f"nginx on http://127.0.0.1:{port}/ (make stop ends it all)")
    say("an administrator: .venv/bin/python -m serverkit.serve manage createsuperuser")


def manage_running(var: Path, args: list[str]) -> int:
    """manage.py ARGS with the environment of the running profile (its database, Redis)."""
    state = running(var.resolve())
    if not state:
        raise ServerError("not running: make serve first")
    env = app_env(var.resolve(), *state["urls"])
    return subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env).returncode


def stop(var: Path = DEFAULT_VAR) -> None:
    """Ends what `start` wrote down in `var`, front to back; nothing else."""
    var = var.resolve()
    for name in ("nginx", "web", "worker", "redis"):
        pid = _read_pid(var / f"{name}.pid")
        if pid:
            _end(pid, PROGRAMS[name], signal.SIGQUIT if name == "nginx" else signal.SIGTERM)
            (var / f"{name}.pid").unlink(missing_ok=True)
    replica = _state(var).get("replica") or {}
    if replica.get("data"):
        _pg_stop(Path(replica["data"]))
        workdir = Path(replica.get("workdir") or "/")
        if workdir.name.startswith("tambon-pg.") and var not in workdir.parents:
            shutil.rmtree(workdir, ignore_errors=True)  # a throw-away copy of the primary
    if (var / "pg-primary" / "data" / "postmaster.pid").exists():
        _pg_stop(var / "pg-primary" / "data")
    (var / STATE).unlink(missing_ok=True)
    say("stopped")


def _pg_stop(data: Path) -> None:
    if not (data / "postmaster.pid").exists():
        return
    server = PostgresServer.__new__(PostgresServer)  # only its tools, no new folder
    bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    server.bin, server.as_owner, server.data = bins[-1], as_owner, data
    server._run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop")


def status(var: Path = DEFAULT_VAR) -> dict[str, list[int]]:
    """{name: [pid and its descendants]} of what runs now from `var` (empty lists: stopped)."""
    var = var.resolve()
    found = {}
    for name, program in PROGRAMS.items():
        pid = _read_pid(var / f"{name}.pid")
        found[name] = [pid, *descendants(pid)] if pid and _alive(pid, program) else []
    state = _state(var)
    datas = {"primary": var / "pg-primary" / "data"}
    if (state.get("replica") or {}).get("data"):
        datas["replica"] = Path(state["replica"]["data"])
    for name, data in datas.items():
        pid = _read_pid(data / "postmaster.pid")
        found[name] = [pid, *descendants(pid)] if pid and _alive(pid, "postgres") else []
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m serverkit.serve", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("start", "stop", "status"):
        command = commands.add_parser(name)
        command.add_argument("--var", type=Path, default=DEFAULT_VAR)
        if name == "start":
            command.add_argument("--port", type=int, default=DEFAULT_PORT)
    command = commands.add_parser("manage", help="manage.py with the running profile's settings")
    command.add_argument("--var", type=Path, default=DEFAULT_VAR)
    command.add_argument("args", nargs=argparse.REMAINDER)
    site = commands.add_parser("nginx-site", help="print deploy/nginx/tambon.conf filled in")
    site.add_argument("--server-name", required=True, help="e.g. 'www.pong.go.th pong.go.th'")
    site.add_argument("--listen", default="80")
    site.add_argument("--app", default="127.0.0.1:8000")
    site.add_argument("--static-root", default="/srv/tambon/static")
    site.add_argument("--media-root", default="/srv/tambon/media")
    site.add_argument("--private-media-root", default="/srv/tambon/private")
    site.add_argument("--body-limit", default=body_limit())
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            start(args.var, args.port)
        elif args.command == "stop":
            stop(args.var)
        elif args.command == "manage":
            return manage_running(args.var, args.args)
        elif args.command == "status":
            for name, pids in status(args.var).items():
                print(f"{name:8} {'running, pid ' + str(pids[0]) if pids else 'stopped'}")
        else:
            print(
                render_site(
                    {
                        "LISTEN": args.listen,
                        "SERVER_NAME": args.server_name,
                        "APP": args.app,
                        "STATIC_ROOT": args.static_root,
                        "MEDIA_ROOT": args.media_root,
                        "PRIVATE_MEDIA_ROOT": args.private_media_root,
                        "BODY_LIMIT": args.body_limit,
                    }
                ),
                end="",
            )
    except ServerError as error:
        print(f"serve: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
