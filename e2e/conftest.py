"""Fixtures for the browser tests.

One real server per test session, set up the way production runs it: production settings,
``migrate``, ``load_demo``, ``collectstatic``, then granian with WhiteNoise serving the static
files; all state lives in a temporary directory. Chromium (Debian's, never a downloaded one)
is driven headless by Playwright and talks to nothing but 127.0.0.1.
"""

from __future__ import annotations

import re
import secrets
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

import serverkit
from e2e.harness import CHROMIUM_ARGS, require_chromium, watch_page

try:
    from playwright.sync_api import sync_playwright
except ImportError as exc:  # pragma: no cover - only on a half-installed machine
    raise ImportError(
        "The e2e tests need Playwright's Python package; run `make test`, which installs the "
        "test dependencies (pip install -e '.[test]')."
    ) from exc

SERVER_STOP_TIMEOUT = 10

DESKTOP_VIEWPORT = {"width": 1280, "height": 900}
PHONE_VIEWPORT = {"width": 360, "height": 740}

_E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


# --- the server (started by serverkit, as the benchmarks start it) --------------------------


@dataclass
class Server:
    base_url: str
    tmp: Path
    env: dict[str, str]
    setup_log: Path
    log: Path
    process: subprocess.Popen

    def log_tail(self, lines: int = 60) -> str:
        return serverkit.log_tail(self.log, lines)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=SERVER_STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=SERVER_STOP_TIMEOUT)


@pytest.fixture(scope="session")
def e2e_server(tmp_path_factory):
    """The site served by granian with production settings; yields a ``Server``."""
    tmp = tmp_path_factory.mktemp("e2e-server")
    (tmp / "media").mkdir()
    env = serverkit.production_env(tmp, TAMBON_SERVE_MEDIA="1")
    setup_log = tmp / "setup.log"
    try:
        serverkit.set_up_site(env, setup_log)
    except serverkit.ServerError as error:
        pytest.fail(f"Setting up the e2e server failed: {error}", pytrace=False)

    port = serverkit.free_port()
    log = tmp / "server.log"
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            serverkit.granian_command(port),
            cwd=serverkit.REPO,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(
        base_url=f"http://127.0.0.1:{port}",
        tmp=tmp,
        env=env,
        setup_log=setup_log,
        log=log,
        process=process,
    )
    try:
        try:
            serverkit.wait_until_answering(process, port, log)
        except serverkit.ServerError as error:
            pytest.fail(str(error), pytrace=False)
        yield server
    finally:
        _stop(process)


@pytest.fixture(scope="session")
def base_url(e2e_server) -> str:
    """e.g. ``http://127.0.0.1:41234`` (no trailing slash)."""
    return e2e_server.base_url


# --- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def playwright_instance():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    executable = require_chromium()
    browser = playwright_instance.chromium.launch(
        executable_path=str(executable),
        headless=True,
        args=list(CHROMIUM_ARGS),
    )
    yield browser
    browser.close()


def _new_page(browser, base_url, viewport, **options):
    # CSP stays on (no bypass_csp): axe is injected through page.evaluate, see e2e/harness.py.
    context = browser.new_context(
        base_url=base_url,
        viewport=viewport,
        locale="th-TH",
        timezone_id="Asia/Bangkok",
        **options,
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    watch_page(page, base_url)
    return context, page


@pytest.fixture
def page(browser, base_url):
    """A desktop page (1280x900, th-TH) in a fresh context; ``page.goto("/")`` works."""
    context, page = _new_page(browser, base_url, DESKTOP_VIEWPORT)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser, base_url):
    """A phone-sized page (360x740, touch) in a fresh context."""
    context, page = _new_page(
        browser, base_url, PHONE_VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    yield page
    context.close()


# --- on failure: screenshot, what the page saw, the server log --------------------------------


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when != "call" or not report.failed or "e2e_server" not in item.funcargs:
        return report
    server = item.funcargs["e2e_server"]
    artifacts = server.tmp / "failures"
    artifacts.mkdir(exist_ok=True)
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", item.nodeid)[-150:]
    lines = []
    for name in ("page", "phone_page"):
        pg = item.funcargs.get(name)
        if pg is None or pg.is_closed():
            continue
        shot = artifacts / f"{slug}.{name}.png"
        try:
            pg.screenshot(path=str(shot), full_page=True)
            lines.append(f"{name}: {pg.url}\n  screenshot: {shot}")
        except Exception as exc:  # noqa: BLE001 - a report must not fail
            lines.append(f"{name}: {pg.url}\n  (no screenshot: {exc})")
        problems = watch_page(pg).problems()
        if problems:
            lines.append("  problems seen on the page:\n    " + "\n    ".join(problems))
    lines.append(f"--- {server.log} (tail) ---\n{server.log_tail(30)}")
    report.sections.append(("e2e", "\n".join(lines)))
    return report


@pytest.fixture
def staff_member(e2e_server):
    """A superuser of the e2e server with an authenticator set up, as production requires.
    Returns (username, password, hex key of the authenticator)."""
    username, password = f"clerk-{secrets.token_hex(4)}", secrets.token_urlsafe(16)
    key = secrets.token_hex(20)
    code = (
        "from django.contrib.auth import get_user_model; "
        "from django_otp.plugins.otp_totp.models import TOTPDevice; "
        "user = get_user_model().objects.create_superuser("
        f"{username!r}, 'clerk@example.com', {password!r}); "
        f"TOTPDevice.objects.create(user=user, name='phone', key={key!r}, confirmed=True)"
    )
    try:
        serverkit.manage(["shell", "-c", code], e2e_server.env, e2e_server.setup_log)
    except serverkit.ServerError as error:
        pytest.fail(str(error), pytrace=False)
    return username, password, key
