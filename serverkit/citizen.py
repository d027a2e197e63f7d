"""A citizen's browser without a browser: the complaint form submitted over HTTP, as the
benchmark of submissions and the fault tests both drive it. Standard library only."""

from __future__ import annotations

import http.client
import re
import urllib.parse
import uuid
from dataclasses import dataclass, field

HTTP_TIMEOUT = 30  # one request; a SQLite writer may wait its busy timeout (5 s)
FORM = "/cases/new/complaint/"
RECEIPT = "/cases/receipt/"
UA = "Mozilla/5.0 (X11; Linux x86_64) serverkit/citizen"

_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# The first real category, past the empty "choose a category" choice.
_CATEGORY = re.compile(
    r'<select name="category"[^>]*>\s*'
    r'(?:<option value=""[^>]*>[^<]*</option>\s*)?'
    r'<option value="(\d+)"'
)
_CODE = re.compile(r'class="receipt__code">([^<]+)<')


@dataclass
class ClientResult:
    receipts: list[tuple[str, str]] = field(default_factory=list)  # (subject, code shown)
    refused: int = 0  # the form came back (a 200 to the POST): not accepted, nothing expected
    errors: dict[str, int] = field(default_factory=dict)

    def error(self, what: str) -> None:
        self.errors[what] = self.errors.get(what, 0) + 1


class Browser:
    """One citizen's browser: a keep-alive connection and its cookies."""

    def __init__(self, port: int, source: str | None = None) -> None:
        self.port = port
        self.source = (source, 0) if source else None  # e.g. 127.0.0.2: another visitor
        self.cookies: dict[str, str] = {}
        self.connection: http.client.HTTPConnection | None = None

    def request(
        self,
        method: str,
        path: str,
        body: str | bytes | None = None,
        content_type: str = "application/x-www-form-urlencoded",
    ):
        headers = {"User-Agent": UA, "Accept": "text/html", "Accept-Language": "th"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = content_type
        for attempt in (1, 2):  # a keep-alive connection the server closed is opened again
            if self.connection is None:
                self.connection = http.client.HTTPConnection(
                    "127.0.0.1", self.port, timeout=HTTP_TIMEOUT, source_address=self.source
                )
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                self.close()
                if attempt == 2 or method == "POST":
                    raise
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location", ""), content.decode("utf-8")

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def multipart(fields: dict[str, str], files: list[tuple[str, str, bytes]]) -> tuple[bytes, str]:
    """A form with files as a browser sends it: (body, content type). `files`: (field name,
    file name, content)."""
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
        parts.append(f"{head}{value}\r\n".encode())
    for name, filename, content in files:
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        )
        parts.append(head.encode() + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def complaint_fields(html: str, subject: str) -> dict[str, str] | None:
    """A valid complaint's fields, read from the form page `html` (its CSRF token and first
    category); None when the page is not the form."""
    token, category = _CSRF.search(html), _CATEGORY.search(html)
    if not token or not category:
        return None
    return {
        "csrfmiddlewaretoken": token[1],
        "category": category[1],
        "subject": subject,
        "details": "ไฟถนนดับทั้งซอย ทดสอบความเร็วการรับเรื่อง",
        "location_text": "หมู่ 3",
        "name": "ผู้ทดสอบ ระบบ",
        "phone": "0812345678",
        "website": "",
    }


def submit_once(
    browser: Browser,
    subject: str,
    out: ClientResult,
    attachment: tuple[str, bytes] | None = None,
) -> bool:
    """One citizen's submission: GET the form, POST a valid complaint (with `attachment`, a
    (file name, content), when given), GET the receipt. The receipt's code goes into `out`;
    True when a receipt was read. Network errors propagate."""
    status, _, html = browser.request("GET", FORM)
    form = complaint_fields(html, subject)
    if status != 200 or form is None:
        out.error(f"form {status}")
        return False
    if attachment is None:
        status, location, html = browser.request("POST", FORM, urllib.parse.urlencode(form))
    else:
        body, content_type = multipart(form, [("attachments", *attachment)])
        status, location, html = browser.request("POST", FORM, body, content_type)
    if status == 200:
        out.refused += 1
        return False
    if status != 302 or not location.endswith(RECEIPT):
        out.error(f"post {status}")
        return False
    status, _, html = browser.request("GET", RECEIPT)
    code = _CODE.search(html)
    if status != 200 or not code:
        # Accepted but no receipt read: the case exists, the client cannot prove it.
        out.error(f"receipt {status}")
        return False
    out.receipts.append((subject, code[1].strip()))
    return True
