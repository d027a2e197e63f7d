"""What stops a worker's requests for a moment, written down when asked to.

A worker's garbage-collector passes stop every thread of it, and the page-view flush holds the
interpreter while it builds its rows (and so does the making of counter blocks that follows
it). Each can lengthen the slowest requests (the p99 of bench/organizations.py) without showing
in any request's own work. With TAMBON_PAUSES_FILE set (benchmarks, diagnosis; never by
default), each worker appends one JSON line per collector pass, flush or refresh of at least a
millisecond to that file: {"pid", "what", "at", "ms"} ("what" is "gc0", "gc1", "gc2", "flush"
or "refresh"; "at" the Unix time it ended; for a flush or a refresh, "ms" is its thread's CPU
time, which is when it holds the interpreter). Page-cache hits that took 1 ms or more are
written too ("hit": wall time, "hit-cpu": the thread's CPU time), to tell a slow hit's own work
from its waiting. Nothing about requests or people: no address, host or path.
"""

import gc
import json
import os
import threading
import time

MIN_MS = 1.0

_file = None
_lock = threading.Lock()
_gc_started = {}


def enabled():
    return _file is not None


def record(what, milliseconds):
    """Append one pause of `milliseconds` (if long enough and the file is set)."""
    if _file is None or milliseconds < MIN_MS:
        return
    line = json.dumps({"pid": os.getpid(), "what": what, "at": time.time(), "ms": milliseconds})
    with _lock:
        _file.write(line + "\n")


def _on_gc(phase, info):
    generation = info["generation"]
    if phase == "start":
        _gc_started[generation] = time.perf_counter()
    elif generation in _gc_started:
        record(f"gc{generation}", (time.perf_counter() - _gc_started.pop(generation)) * 1000)


def start_from_environment():
    """Begin recording when TAMBON_PAUSES_FILE names a file (once per process)."""
    global _file
    path = os.environ.get("TAMBON_PAUSES_FILE", "")
    if not path or _file is not None:
        return
    _file = open(path, "a", buffering=1, encoding="utf-8")  # noqa: SIM115 - lives with the process
    gc.callbacks.append(_on_gc)
