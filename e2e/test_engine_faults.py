"""The engines under the production server failing during load: Redis killed and frozen, the
PostgreSQL primary restarted. On loopback, bounded in time, every server started and stopped here.

Visitors read the home page, citizens send complaints, staff sign in and a villager tries
tracking codes, all at once, while the fault happens. No response may be a server error (a
Thai 503 is what a visitor may see while the database is down), and the server recovers by itself.
"""

from __future__ import annotations

import http.client
import subprocess
import threading
import time
import urllib.parse
from collections import Counter

import pytest
import redis

import serverkit
from serverkit.citizen import Browser, ClientResult, submit_once
from serverkit.engines import PostgresServer, RedisServer

PHONE = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 Chrome/120 Mobile"
HTTP_TIMEOUT = 30
STAFF_PASSWORD = "a-long-fault-test-password"
MAKE_STAFF = f"""
from django.contrib.auth import get_user_model
get_user_model().objects.create_user("fault-clerk", password="{STAFF_PASSWORD}", is_staff=True)
print("null")
"""
HOME_PAGE_VIEWS = """
import json
from django.db.models import Sum
from tambon.stats.models import DailyPageViews
print(json.dumps(DailyPageViews.objects.filter(path="/").aggregate(n=Sum("views"))["n"] or 0))
"""


class Load:
    """Threads that use the site until stopped, and what they saw."""

    def __init__(self, port: int):
        self.port = port
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.statuses: Counter[str] = Counter()  # "what status", e.g. "home 200", "login 302"
        self.bodies_503: list[str] = []
        self.home_views_served = 0
        self.complaints = ClientResult()
        self.threads: list[threading.Thread] = []

    def note(self, what: str, status: int | str, body: str = "") -> None:
        with self.lock:
            self.statuses[f"{what} {status}"] += 1
            if status == 503 and len(self.bodies_503) < 5:
                self.bodies_503.append(body)

    def server_errors(self) -> dict[str, int]:
        """Responses of 500 and above other than 503, and requests that got no answer."""
        errors = {}
        for what, n in self.statuses.items():
            status = what.split()[-1]
            if status == "ok" or (status.isdigit() and (int(status) < 500 or status == "503")):
                continue
            errors[what] = n
        return errors

    def start(self, *, visitors=2, citizens=1, staff=1, trackers=1) -> None:
        workers = [self._visitor] * visitors + [self._citizen] * citizens
        workers += [self._staff] * staff + [self._tracker] * trackers
        for index, work in enumerate(workers):
            thread = threading.Thread(target=work, args=(index,), daemon=True)
            thread.start()
            self.threads.append(thread)

    def stop(self) -> None:
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=HTTP_TIMEOUT + 10)
        assert not any(thread.is_alive() for thread in self.threads)

    def _request(self, method, path, *, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=HTTP_TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def _loop(self, what, step):
        while not self.stopping.is_set():
            try:
                step()
            except (OSError, http.client.HTTPException) as error:
                self.note(what, type(error).__name__)
            time.sleep(0.02)

    def _visitor(self, index):
        headers = {
            "User-Agent": f"{PHONE} v{index}",
            "Accept": "text/html",
            "Accept-Language": "th",
        }

        def step():
            status, body = self._request("GET", "/", headers=headers)
            self.note("home", status, body)
            if status == 200:
                with self.lock:
                    self.home_views_served += 1

        self._loop("home", step)

    def _citizen(self, index):
        browser = Browser(self.port)
        number = 0

        def step():
            nonlocal number
            number += 1
            errors_before = Counter(self.complaints.errors)
            try:
                submit_once(browser, f"fault {index}-{number}", self.complaints)
            finally:
                browser.close()
            new_errors = Counter(self.complaints.errors) - errors_before
            for error in new_errors:  # e.g. "form 503": the form page did not come
                self.note("complaint", error)
            if not new_errors:
                self.note("complaint", "ok")

        self._loop("complaint", step)

    def _staff(self, index):
        def step():
            browser = Browser(self.port)
            try:
                status, _, page = browser.request("GET", "/admin/login/")
                self.note("login-form", status, page)
                token = page.partition('name="csrfmiddlewaretoken" value="')[2].partition('"')[0]
                if status != 200 or not token:
                    return
                form = {
                    "csrfmiddlewaretoken": token,
                    "username": "fault-clerk",
                    "password": STAFF_PASSWORD,
                }
                status, _, page = browser.request(
                    "POST", "/admin/login/", urllib.parse.urlencode(form)
                )
                self.note("login", status, page)  # 302: on to the code screen
            finally:
                browser.close()

        self._loop("login", step)

    def _tracker(self, index):
        def step():
            browser = Browser(self.port)
            try:
                status, _, page = browser.request("GET", "/cases/track/")
                token = page.partition('name="csrfmiddlewaretoken" value="')[2].partition('"')[0]
                if status != 200 or not token:
                    self.note("tracking-form", status, page)
                    return
                form = {"csrfmiddlewaretoken": token, "action": "open", "code": "AAAA-BBBB"}
                form["secret"] = "123456"
                status, _, page = browser.request(
                    "POST", "/cases/track/", urllib.parse.urlencode(form)
                )
                self.note("tracking", status, page)
            finally:
                browser.close()

        self._loop("tracking", step)


@pytest.fixture
def run_server(tmp_path):
    """Starts granian with `env` (the site set up first); stops it gracefully at the end."""
    started = []

    def run(env):
        serverkit.set_up_site(env, tmp_path / "setup.log")
        serverkit.django_snippet(env, MAKE_STAFF)
        process, port = serverkit.start_granian(env, tmp_path / "granian.log")
        started.append(process)
        return process, port

    yield run
    for process in started:
        stop_gracefully(process)


def stop_gracefully(process):
    if process.poll() is None:
        process.terminate()  # the workers write what they counted as they stop
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path / "redis").start()
    yield server
    server.stop()


@pytest.fixture
def postgres_server():
    server = PostgresServer()
    try:
        yield server.create()
    finally:
        server.remove()


def test_redis_killed_then_frozen_during_load_gives_no_server_error_and_loses_no_count(
    tmp_path, run_server, redis_server
):
    env = serverkit.production_env(
        tmp_path,
        TAMBON_REDIS_URL=redis_server.url,
        TAMBON_STATS_FLUSH_SECONDS="1",
        TAMBON_CASE_SUBMISSIONS_PER_HOUR="1000000",
    )
    process, port = run_server(env)
    counted_before = serverkit.django_snippet(env, HOME_PAGE_VIEWS)  # the demo's history
    load = Load(port)
    load.start()
    time.sleep(3)
    redis_server.kill()
    time.sleep(5)
    redis_server.start()  # the same port and data: what it acknowledged is still there
    time.sleep(4)
    redis_server.freeze()
    time.sleep(5)
    redis_server.thaw()
    time.sleep(4)
    load.stop()
    stop_gracefully(process)  # every worker sends what it counted

    assert load.server_errors() == {}, load.statuses
    assert load.statuses["home 200"] > 20, load.statuses
    assert len(load.complaints.receipts) > 5, load.complaints
    assert load.statuses["login 302"] > 5, load.statuses
    # Every home page served is counted once: none lost while Redis was away, none doubled
    # by a count sent again after its answer was lost.
    counted = serverkit.django_snippet(env, HOME_PAGE_VIEWS) - counted_before
    left_in_redis = redis.Redis.from_url(redis_server.url).keys("tambon:stats:*")
    assert counted == load.home_views_served, (counted, load.statuses, sorted(left_in_redis))


def test_the_database_restarted_during_load_gives_a_thai_503_and_the_site_recovers_by_itself(
    tmp_path, run_server, postgres_server
):
    env = serverkit.production_env(
        tmp_path, DATABASE_URL=postgres_server.url, TAMBON_CASE_SUBMISSIONS_PER_HOUR="1000000"
    )
    process, port = run_server(env)
    load = Load(port)
    load.start()
    time.sleep(3)
    postgres_server.stop()
    time.sleep(4)
    postgres_server.start()
    restarted = time.monotonic()
    time.sleep(6)
    answered_before = Counter(load.statuses)
    time.sleep(3)
    load.stop()

    assert load.server_errors() == {}, load.statuses
    # While it was down, pages that needed the database said so, in Thai.
    assert any("ฐานข้อมูลของเว็บไซต์ไม่พร้อมให้บริการ" in body for body in load.bodies_503)
    # A few seconds after the database was back, everything worked again, without a restart
    # of the application: the last seconds brought only successes.
    last = load.statuses - answered_before
    assert sum(n for what, n in last.items() if what.endswith(" 503")) == 0, last
    assert last["login 302"] > 0 and last["tracking 200"] > 0, last
    assert last["complaint ok"] > 0, last
    assert process.poll() is None
    assert time.monotonic() - restarted < 60
