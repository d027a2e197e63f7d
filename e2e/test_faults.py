"""Faults the production server lives through: on loopback, each bounded in time, each server
started and stopped here (a server of its own, since a fault would disturb the other tests)."""

from __future__ import annotations

import http.client
import itertools
import os
import signal
import subprocess
import threading
import time

import pytest

import serverkit
from serverkit.citizen import Browser, ClientResult, submit_once

SUBMISSIONS = 200
CLIENTS = 4
KILL_AFTER_RECEIPTS = 40
DEADLINE_SECONDS = 180
RESPAWN_SECONDS = 20

READ_CASES = """
import json
from tambon.cases.models import Case
cases = Case.objects.all_organizations().filter(subject__startswith="fault ")
print(json.dumps(list(cases.values_list("subject", "tracking_code"))))
"""


@pytest.fixture
def server(tmp_path):
    env = serverkit.production_env(tmp_path, TAMBON_CASE_SUBMISSIONS_PER_HOUR="1000000")
    serverkit.set_up_site(env, tmp_path / "setup.log")
    process, port = serverkit.start_granian(env, tmp_path / "granian.log")
    try:
        yield process, port, env
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def submit_until_done(port, attempts, out, deadline):
    browser = Browser(port)
    try:
        for number in attempts:
            if number >= SUBMISSIONS or time.monotonic() > deadline:
                return
            try:
                submit_once(browser, f"fault {number}", out)
            except (OSError, http.client.HTTPException) as exc:
                out.error(type(exc).__name__)  # in flight on the killed worker: no receipt
                browser.close()
    finally:
        browser.close()


def test_a_worker_killed_during_submissions_loses_no_receipted_case_and_the_server_goes_on(
    server,
):
    process, port, env = server
    deadline = time.monotonic() + DEADLINE_SECONDS
    attempts = itertools.count()  # shared: next() is atomic under the GIL
    results = [ClientResult() for _ in range(CLIENTS)]
    clients = [
        threading.Thread(target=submit_until_done, args=(port, attempts, out, deadline))
        for out in results
    ]
    for client in clients:
        client.start()

    def receipts():
        return sum(len(out.receipts) for out in results)

    while receipts() < KILL_AFTER_RECEIPTS and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = serverkit.worker_pids(process)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    receipts_at_kill = receipts()
    for client in clients:
        client.join(timeout=max(1.0, deadline - time.monotonic()) + 60)
    assert not any(client.is_alive() for client in clients)

    # The server goes on: the master is alive, the citizens kept getting receipts, and a new
    # worker takes the dead one's place.
    assert process.poll() is None
    assert receipts() - receipts_at_kill >= 100
    respawned = time.monotonic() + RESPAWN_SECONDS
    while len(serverkit.worker_pids(process)) < 2 and time.monotonic() < respawned:
        time.sleep(0.2)
    assert len(serverkit.worker_pids(process)) == 2
    assert workers[0] not in serverkit.worker_pids(process)

    # Every case that got a receipt is stored, once.
    shown = [(subject, code.replace("-", "")) for out in results for subject, code in out.receipts]
    stored = serverkit.django_snippet(env, READ_CASES)
    for subject, code in shown:
        assert [subject, code] in stored
    subjects = [subject for subject, _code in stored]
    assert len(subjects) == len(set(subjects))
    assert len({code for _subject, code in stored}) == len(stored)
