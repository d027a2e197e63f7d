"""Fixtures for the browser tests.

One real server per test session, set up the way production runs it: production settings,
``migrate``, ``load_demo``, ``collectstatic``, then granian with WhiteNoise serving the static
files; all state lives in a temporary directory. Chromium (Debian's, never a downloaded one)
is driven headless by Playwright and talks to nothing but 127.0.0.1.
"""

from __future__ import annotations

import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from e2e.harness import CHROMIUM_ARGS, require_chromium, watch_page

try:
    from playwright.sync_api import sync_playwright
except ImportError as exc:  # pragma: no cover - only on a half-installed machine
    raise ImportError(
        "The e2e tests need Playwright's Python package; run `make test`, which installs the "
        "test dependencies (pip install -e '.[test]')."
    ) from exc

REPO_ROOT = Path(__file__).resolve().parent.parent
SETUP_TIMEOUT = 300  # seconds per manage.py step
SERVER_START_TIMEOUT = 30  # seconds until the server answers
SERVER_STOP_TIMEOUT = 10
LOG_TAIL_LINES = 60

DESKTOP_VIEWPORT = {"width": 1280, "height": 900}
PHONE_VIEWPORT = {"width": 360, "height": 740}

_E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _E2E_DIR in Path(str(item.path)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


# --- the server -------------------------------------------------------------------------------


def tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return "(no log written)"
    return "\n".join(text.splitlines()[-lines:]) or "(log is empty)"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    base_url: str
    tmp: Path
    setup_log: Path
    log: Path
    process: subprocess.Popen

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        return tail(self.log, lines)


def _server_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "tambon.settings.production",
            "TAMBON_SECRET_KEY": secrets.token_urlsafe(50),
            "TAMBON_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "TAMBON_SSL_REDIRECT": "0",
            "TAMBON_HSTS_SECONDS": "0",
            "DATABASE_URL": f"sqlite:///{tmp / 'db.sqlite3'}",
            "TAMBON_STATIC_ROOT": str(tmp / "static"),
            "TAMBON_MEDIA_ROOT": str(tmp / "media"),
            "TAMBON_SERVE_MEDIA": "1",
            "TAMBON_PAGE_CACHE_GENERATION_FILE": str(tmp / "page-cache-generation"),
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def _manage(args: list[str], env: dict[str, str], log: Path) -> None:
    command = [sys.executable, str(REPO_ROOT / "manage.py"), *args]
    with log.open("a", encoding="utf-8") as out:
        out.write(f"\n$ manage.py {' '.join(args)}\n")
        out.flush()
        try:
            result = subprocess.run(
                command,
                cwd=REPO_ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=SETUP_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired:
            pytest.fail(
                f"`manage.py {' '.join(args)}` took longer than {SETUP_TIMEOUT} s.\n"
                f"--- {log} (tail) ---\n{tail(log)}",
                pytrace=False,
            )
    if result.returncode != 0:
        pytest.fail(
            f"`manage.py {' '.join(args)}` failed with exit code {result.returncode} while "
            f"setting up the e2e server.\n--- {log} (tail) ---\n{tail(log)}",
            pytrace=False,
        )


def _wait_until_answering(server: Server) -> None:
    # No proxy, whatever the environment says: the server is on loopback.
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    last_error: Exception | None = None
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(
                f"granian exited with code {server.process.returncode} before answering.\n"
                f"--- {server.log} (tail) ---\n{server.log_tail()}",
                pytrace=False,
            )
        try:
            with opener.open(server.base_url + "/", timeout=5):
                return
        except urllib.error.HTTPError:
            return  # it answered; the tests judge the status
        except OSError as exc:
            last_error = exc
            time.sleep(0.2)
    pytest.fail(
        f"granian did not answer on {server.base_url} within {SERVER_START_TIMEOUT} s "
        f"(last error: {last_error}).\n--- {server.log} (tail) ---\n{server.log_tail()}",
        pytrace=False,
    )


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
    env = _server_env(tmp)
    setup_log = tmp / "setup.log"

    _manage(["migrate", "--noinput"], env, setup_log)
    _manage(["load_demo"], env, setup_log)
    _manage(["collectstatic", "--noinput"], env, setup_log)

    granian = Path(sys.executable).with_name("granian")
    port = free_port()
    log = tmp / "server.log"
    with log.open("w", encoding="utf-8") as out:
        # The production command of the README (one blocking thread per worker process).
        process = subprocess.Popen(
            [
                str(granian),
                "--interface",
                "wsgi",
                "tambon.wsgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--workers",
                "2",
                "--blocking-threads",
                "1",
                "--log-level",
                "warning",
            ],
            cwd=REPO_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(
        base_url=f"http://127.0.0.1:{port}",
        tmp=tmp,
        setup_log=setup_log,
        log=log,
        process=process,
    )
    try:
        _wait_until_answering(server)
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
    _manage(["shell", "-c", code], _server_env(e2e_server.tmp), e2e_server.setup_log)
    return username, password, key
