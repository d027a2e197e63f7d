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
    "young_pass_every": gc.get_threshold()[0],
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


def test_a_worker_collects_its_young_objects_in_short_passes(worker):
    # A young pass walks and frees every object made since the last one, while the worker's
    # requests wait: a pass over 50,000 stopped them for 20-50 ms (docs/performance.md).
    assert worker["young_pass_every"] <= 10_000
