"""Redis and PostgreSQL from Debian's packages, started on loopback for a fault test: each can be
killed, frozen, stopped and started again on the same port with the same data, as on a bad day.
Standard library only, like the rest of serverkit."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

from . import ServerError, free_port, log_tail

ANSWER_TIMEOUT = 30  # seconds for a server to answer after a start


class RedisServer:
    """redis-server with an append-only file written before each answer (appendfsync always):
    what Redis acknowledged survives a kill -9, as production's Redis should be set up
    (docs/operations.md)."""

    def __init__(self, workdir: Path, durable: bool = True, port: int | None = None):
        self.durable = durable  # False: nothing written to disk (tests that never restart it)
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            raise ServerError("redis-server is missing: `make test` installs it.")
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> RedisServer:
        command = [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        if self.durable:
            command += ["--appendonly", "yes", "--appendfsync", "always"]
        else:
            command += ["--appendonly", "no"]
        command += ["--dir", str(self.workdir)]
        with (self.workdir / "redis.log").open("a") as log:
            # A session of its own: it outlives the command that started it (make serve).
            self.process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self._wait_for_pong()
        return self

    def _wait_for_pong(self) -> None:
        deadline = time.monotonic() + ANSWER_TIMEOUT
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                    conn.sendall(b"PING\r\n")
                    if conn.recv(16).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            time.sleep(0.05)
        raise ServerError(f"redis-server did not answer:\n{log_tail(self.workdir / 'redis.log')}")

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)

    def freeze(self) -> None:
        os.kill(self.process.pid, signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self.process.pid, signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.thaw()
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()


class PostgresServer:
    """A throw-away PostgreSQL cluster (as scripts/with-postgres makes), stoppable and
    startable again on the same port. Run as the postgres account when this is root.
    With `workdir` (make serve: var/serve/pg-primary) the cluster is kept there instead, and
    `durable` keeps what it acknowledged through a crash (fsync on)."""

    def __init__(self, workdir: Path | None = None, port: int | None = None, durable=False):
        bins = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
        if not bins:
            raise ServerError("PostgreSQL is missing: `make test` installs it.")
        self.bin = bins[-1]
        self.durable = durable
        if workdir is None:
            # A folder of its own under /tmp: the postgres account must reach it, and a test's
            # temporary folder lies inside one only its owner may enter.
            workdir = Path(tempfile.mkdtemp(prefix="tambon-pg."))
        workdir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.workdir = workdir
        self.data = self.workdir / "data"
        self.port = port or free_port()
        self.url = f"postgres://tambon@127.0.0.1:{self.port}/tambon"
        self.as_owner = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_owner:
            shutil.chown(self.workdir, "postgres")

    def _run(self, tool: str, *args: str) -> None:
        command = [*self.as_owner, str(self.bin / tool), *args]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise ServerError(f"{tool} failed:\n{result.stdout}{result.stderr}")

    def create(self) -> PostgresServer:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "tambon",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "tambon", "tambon")
        return self

    def start(self) -> None:
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.workdir}"
        if not self.durable:
            options += " -c fsync=off -c full_page_writes=off"
        # A streaming replica may follow it (start_replica): initdb's pg_hba.conf already lets
        # any role connect for replication from loopback, and the role tambon is a superuser.
        options += " -c wal_level=replica -c max_wal_senders=10 -c hot_standby=on"
        log = str(self.workdir / "server.log")
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", log, "-w", "-t", "60", "-o", options, "start"
        )

    def stop(self) -> None:
        """A fast shutdown: open connections are ended, as in a restart for an upgrade."""
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(ProcessLookupError, ValueError):
                self.thaw()  # a frozen server could not hear the stop
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def freeze(self) -> None:
        """The postmaster stops answering new connections (those open keep their own process),
        as a server that hangs or a network that drops packets: a client waits its timeout."""
        os.kill(self._postmaster_pid(), signal.SIGSTOP)

    def thaw(self) -> None:
        os.kill(self._postmaster_pid(), signal.SIGCONT)

    def _postmaster_pid(self) -> int:
        return int((self.data / "postmaster.pid").read_text().split()[0])

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def start_replica(self) -> PostgresReplica:
        """A hot-standby streaming replica of this running server, in a cluster of its own on
        another port: stoppable and startable again like this one; `remove()` when done."""
        return PostgresReplica(self.port).create()


class PostgresReplica(PostgresServer):
    """A streaming replica of the server on loopback port `primary_port`, made by pg_basebackup
    (-R: it follows the primary, -X stream: the WAL written during the copy comes with it). It
    answers reads (hot_standby) and refuses writes; its url names the same database."""

    def __init__(self, primary_port: int):
        super().__init__()
        self.primary_port = primary_port

    def create(self) -> PostgresReplica:
        self._run(
            "pg_basebackup",
            "-h",
            "127.0.0.1",
            "-p",
            str(self.primary_port),
            "-U",
            "tambon",
            "-D",
            str(self.data),
            "-R",
            "-X",
            "stream",
            "--checkpoint=fast",
        )
        self.start()
        return self
