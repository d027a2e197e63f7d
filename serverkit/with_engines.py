"""Run a command against the production profile's engines on loopback, then stop them:
a PostgreSQL primary, its streaming replica and Redis, each from Debian's packages with its data
in a temporary folder. `make test` runs the unit tests again this way.

    python -m serverkit.with_engines [--no-redis] COMMAND...

COMMAND sees DATABASE_URL (the primary), TAMBON_REPLICA_URL and TAMBON_REDIS_URL (not with
--no-redis), the variables the settings read (tambon/settings/base.py); its exit code is this
one's.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from . import ServerError
from .engines import PostgresServer, RedisServer


def main(command: list[str]) -> int:
    with_redis = command[:1] != ["--no-redis"]
    if not with_redis:
        command = command[1:]
    if not command:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    primary = replica = redis = None
    redis_dir = Path(tempfile.mkdtemp(prefix="tambon-redis."))
    try:
        primary = PostgresServer().create()
        replica = primary.start_replica()
        env = {**os.environ, "DATABASE_URL": primary.url, "TAMBON_REPLICA_URL": replica.url}
        if with_redis:
            redis = RedisServer(redis_dir, durable=False).start()
            env["TAMBON_REDIS_URL"] = redis.url
        return subprocess.run(command, env=env, check=False).returncode
    except ServerError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        for server in (redis, replica, primary):
            if server is not None:
                (server.stop if server is redis else server.remove)()
        shutil.rmtree(redis_dir, ignore_errors=True)


if __name__ == "__main__":
    # A CI job cancelled sends SIGTERM: the servers are stopped and their folders removed too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main(sys.argv[1:]))
