"""The production entry point, as a server's worker loads it."""

import json
import subprocess
import sys

import pytest

WORKER = """
import gc, json, os, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "tambon.settings.test"
import tambon.wsgi
print(json.dumps({
    "frozen": gc.get_freeze_count(),
    "still_walked": len(gc.get_objects()),
    "switch_interval": sys.getswitchinterval(),
}))
"""


@pytest.fixture(scope="module")
def worker():
    out = subprocess.run(
        [sys.executable, "-c", WORKER], check=True, capture_output=True, text=True, timeout=120
    )
    return json.loads(out.stdout)


def test_a_worker_leaves_what_it_loaded_at_start_out_of_the_collectors_full_passes(worker):
    # Each full pass of the garbage collector stops the worker's requests for as long as it
    # takes to walk every object it tracks: frozen, Django's and Wagtail's are not walked.
    assert worker["frozen"] > 50_000
    assert worker["still_walked"] < worker["frozen"] / 10


def test_a_request_waits_at_most_a_millisecond_behind_the_workers_flush_thread(worker):
    # Python's default lets a busy thread keep the interpreter for 5 ms before another runs.
    assert worker["switch_interval"] <= 0.001
