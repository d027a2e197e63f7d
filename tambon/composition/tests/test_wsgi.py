"""The production entry point, as a server's worker loads it."""

import subprocess
import sys

WORKER = """
import gc, os
os.environ["DJANGO_SETTINGS_MODULE"] = "tambon.settings.test"
import tambon.wsgi
left = len(gc.get_objects())
print(gc.get_freeze_count(), left)
"""


def test_a_worker_leaves_what_it_loaded_at_start_out_of_the_collectors_full_passes():
    # Each full pass of the garbage collector stops the worker's requests for as long as it
    # takes to walk every object it tracks: frozen, Django's and Wagtail's are not walked.
    out = subprocess.run(
        [sys.executable, "-c", WORKER], check=True, capture_output=True, text=True, timeout=120
    )
    frozen, still_walked = map(int, out.stdout.split())
    assert frozen > 50_000
    assert still_walked < frozen / 10
