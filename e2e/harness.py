"""Helpers for the browser tests: axe-core accessibility checks and a page watcher.

Import them in tests with ``from e2e.harness import assert_no_axe_violations, watch_page``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

import pytest

E2E_DIR = Path(__file__).resolve().parent
AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"

# WCAG 2.0 and 2.1, levels A and AA (what the Thai government web standard asks for).
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
    # Only loopback: no proxy, and every host name except localhost fails to resolve,
    # so a page that pulls something from the internet shows up as a failed request.
    "--no-proxy-server",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1",
)

MISSING_HINT = "Run `make test`, which installs the browser-test dependencies first."


def require_chromium() -> Path:
    if not CHROMIUM.exists():
        pytest.fail(
            f"Debian's Chromium is missing at {CHROMIUM}; the e2e tests need it. {MISSING_HINT} "
            "(it runs `apt-get install -y chromium`)",
            pytrace=False,
        )
    return CHROMIUM


@cache
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is missing at {AXE_JS}. {MISSING_HINT} "
            "(it runs `npm ci --prefix e2e`, which installs the version pinned in "
            "e2e/package-lock.json)",
            pytrace=False,
        )
    return AXE_JS.read_text(encoding="utf-8")


# --- axe-core ---------------------------------------------------------------------------------


def inject_axe(page) -> None:
    """Load axe-core into the current document (again after every navigation).

    The site sends a strict CSP (script-src 'self'), which blocks an inline <script> tag.
    We neither turn CSP off (bypass_csp=True) nor serve axe through a route: page.evaluate()
    runs the source through the DevTools protocol, which CSP does not govern. So the pages
    are tested with their real CSP, and a script the CSP blocks still shows up as a console
    error in the page watcher below.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())


def run_axe(page, context=None, tags=WCAG_TAGS) -> list[dict]:
    """Run axe-core on the page (or on the part chosen by ``context``, e.g. "main").

    Returns axe's list of violations (plain dicts: id, impact, help, helpUrl, nodes, ...).
    """
    inject_axe(page)
    options = {"runOnly": {"type": "tag", "values": list(tags)}, "resultTypes": ["violations"]}
    result = page.evaluate(
        "async ([context, options]) => await axe.run(context ?? document, options)",
        [context, options],
    )
    return result["violations"]


def format_axe_violations(violations: list[dict], max_nodes: int = 3) -> str:
    lines = []
    for violation in violations:
        nodes = violation.get("nodes", [])
        lines.append(
            f"- {violation['id']} [{violation.get('impact')}] {violation.get('help')} "
            f"({len(nodes)} element(s)) {violation.get('helpUrl', '')}"
        )
        for node in nodes[:max_nodes]:
            target = " ".join(json.dumps(t, ensure_ascii=False) for t in node.get("target", []))
            html = " ".join(node.get("html", "").split())
            if len(html) > 200:
                html = html[:200] + "…"
            lines.append(f"    at {target}: {html}")
            summary = node.get("failureSummary")
            if summary:
                lines.append("      " + " ".join(summary.split()))
        if len(nodes) > max_nodes:
            lines.append(f"    … and {len(nodes) - max_nodes} more")
    return "\n".join(lines)


def assert_no_axe_violations(page, context=None, tags=WCAG_TAGS) -> None:
    violations = run_axe(page, context=context, tags=tags)
    assert not violations, (
        f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {page.url}:\n"
        + format_axe_violations(violations)
    )


# --- what went wrong on the page --------------------------------------------------------------


def _origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc


@dataclass
class PageWatch:
    """Records HTTP errors, failed requests, console errors and uncaught exceptions of a page."""

    base_url: str
    bad_responses: list[str] = field(default_factory=list)  # same-origin, status >= 400
    failed_requests: list[str] = field(default_factory=list)  # no response at all
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def is_same_origin(self, url: str) -> bool:
        return _origin(url) == _origin(self.base_url)

    def on_response(self, response) -> None:
        if response.status >= 400 and self.is_same_origin(response.url):
            self.bad_responses.append(f"{response.status} {response.request.method} {response.url}")

    def on_request_failed(self, request) -> None:
        # ERR_ABORTED is the browser cancelling a request still in flight (the favicon, say)
        # because the test navigated on; it says nothing about the page.
        if request.failure and "ERR_ABORTED" in request.failure:
            return
        self.failed_requests.append(f"{request.method} {request.url}: {request.failure}")

    def on_console(self, message) -> None:
        if message.type == "error":
            where = message.location.get("url") or ""
            self.console_errors.append(f"{message.text} ({where})" if where else message.text)

    def on_page_error(self, error) -> None:
        self.page_errors.append(str(error))

    def clear(self) -> None:
        for records in (
            self.bad_responses,
            self.failed_requests,
            self.console_errors,
            self.page_errors,
        ):
            records.clear()

    def problems(self) -> list[str]:
        return (
            [f"HTTP {item}" for item in self.bad_responses]
            + [f"request failed: {item}" for item in self.failed_requests]
            + [f"console error: {item}" for item in self.console_errors]
            + [f"uncaught exception: {item}" for item in self.page_errors]
        )

    def assert_no_bad_responses(self) -> None:
        assert not self.bad_responses, "Same-origin requests answered with HTTP >= 400:\n" + (
            "\n".join(self.bad_responses)
        )

    def assert_clean(self) -> None:
        """No same-origin HTTP error, no failed request, no console error, no JS exception."""
        problems = self.problems()
        assert not problems, "The page had problems:\n" + "\n".join(problems)


_watches: WeakKeyDictionary = WeakKeyDictionary()


def watch_page(page, base_url: str | None = None) -> PageWatch:
    """The PageWatch of ``page``, attached on first call (the page fixtures do that for you).

    Usage in a test::

        watch = watch_page(page)
        page.goto("/")
        watch.assert_clean()  # or watch.assert_no_bad_responses()
    """
    watch = _watches.get(page)
    if watch is None:
        if base_url is None:
            raise ValueError("watch_page(page, base_url) needs base_url for a page it has not seen")
        watch = PageWatch(base_url=base_url)
        page.on("response", watch.on_response)
        page.on("requestfailed", watch.on_request_failed)
        page.on("console", watch.on_console)
        page.on("pageerror", watch.on_page_error)
        _watches[page] = watch
    return watch


def sign_in_with_password(page, username, password, then="verify") -> None:
    """The password only: the admin then asks for the app's code ("verify"), or, with no app
    set up yet, for the enrolment code ("setup")."""
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.press("#id_password", "Enter")
    page.wait_for_url(f"**/admin/two-factor/{then}/**")


def sign_in_as_staff(page, staff) -> None:
    """Password, then the six-digit code the staff member's phone would show now."""
    from django_otp.oath import totp

    username, password, key = staff
    sign_in_with_password(page, username, password)
    page.fill("#id_code", f"{totp(bytes.fromhex(key)):06d}")
    page.press("#id_code", "Enter")
    page.wait_for_url("**/admin/")
