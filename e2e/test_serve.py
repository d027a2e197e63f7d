"""`make serve` in small: serverkit.serve starts the production profile (PostgreSQL, Redis,
granian, the task worker when installed, nginx with deploy/nginx/tambon.conf) with its state in a
temporary folder and nginx on a free port; a visitor and a citizen use it through nginx; `stop`
leaves no process behind."""

from __future__ import annotations

import gzip
import http.client
import re
import shutil
import tempfile
import time
from pathlib import Path

import pytest

import serverkit
from serverkit import serve
from serverkit.citizen import Browser, ClientResult, submit_once

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
NOTIFICATION_RAN = """
import json
from django_tasks_db.models import DBTaskResult
ran = DBTaskResult.objects.filter(
    task_path="tambon.cases.notify.notify_citizen", status__in=["SUCCESSFUL", "FAILED"]
)
print(json.dumps(ran.exists()))
"""
SENDER_SEEN_AS = """
import json
from tambon.cases.models import Case
from tambon.cases.ratelimit import keyed_hash
case = Case.objects.all_organizations().get(subject="ไฟถนนดับ ส่งจาก 127.0.0.2")
print(json.dumps(case.client_hash == keyed_hash("cases:127.0.0.2")[:40]))
"""
GZIP = {"Accept-Encoding": "gzip", "User-Agent": "Mozilla/5.0 serverkit/serve-test"}


def get(port: int, path: str, headers: dict | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response, response.read()
    finally:
        connection.close()


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.fixture
def var():
    # Under /tmp, as PostgresServer's folders: the postgres account and nginx's workers must
    # pass through it, and pytest's own temporary folders are closed to them.
    folder = Path(tempfile.mkdtemp(prefix="tambon-serve."))
    folder.chmod(0o711)
    yield folder / "var"
    serve.stop(folder / "var")
    shutil.rmtree(folder, ignore_errors=True)


def test_make_serve_answers_through_nginx_and_make_stop_ends_every_process(var):
    port = serverkit.free_port()
    serve.start(var, port, durable=False)  # a throw-away database: no fsync, faster

    # A page, compressed by nginx on its way.
    response, body = get(port, "/", GZIP)
    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    html = gzip.decompress(body).decode()
    assert "<html" in html

    # A static file of the page: its name has a hash, so browsers may keep it for a year.
    stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html)[1]
    response, body = get(port, stylesheet, GZIP)
    assert response.status == 200
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("Content-Encoding") == "gzip"
    assert b"{" in gzip.decompress(body)

    # A complaint with a file, through nginx; the citizen downloads the file afterwards.
    citizen, result = Browser(port), ClientResult()
    assert submit_once(citizen, "ไฟถนนดับ ทดสอบผ่าน nginx", result, ("หนังสือ.pdf", PDF))
    status, _, track = citizen.request("GET", "/cases/track/")
    assert status == 200
    address = re.search(r'href="(/cases/files/[0-9a-f-]+/)"', track)[1]
    cookies = "; ".join(f"{name}={value}" for name, value in citizen.cookies.items())
    response, body = get(port, address, {"Cookie": cookies})
    assert response.status == 200
    assert body == PDF
    assert response.getheader("Content-Type") == "application/pdf"
    assert response.getheader("Content-Disposition").startswith("attachment;")
    assert response.getheader("Content-Security-Policy") == "sandbox; default-src 'none'"
    assert response.getheader("Cache-Control").startswith("private, no-store")
    # nginx sent it from its internal location (the app's own response has no ETag), and the
    # internal address itself answers nobody, nor does a stranger get the file.
    assert response.getheader("ETag")
    assert response.getheader("X-Accel-Redirect") is None
    stored = next((var / "private" / "cases").rglob("*.pdf")).relative_to(var / "private")
    assert get(port, f"/_protected/{stored}")[0].status == 404
    assert get(port, address)[0].status == 404
    assert get(port, "/media/documents/anything.pdf")[0].status == 404

    # Another visitor's address reaches the app through nginx (X-Forwarded-For, believed from
    # nginx's loopback address): their complaint is counted against their own address.
    neighbour = Browser(port, source="127.0.0.2")
    assert submit_once(neighbour, "ไฟถนนดับ ส่งจาก 127.0.0.2", ClientResult())
    env = serve.app_env(var, *serve.running(var)["urls"])
    assert serverkit.django_snippet(env, SENDER_SEEN_AS)

    # A request larger than a complaint with all its files is stopped by nginx.
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/cases/new/complaint/")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(27 * 1024 * 1024))
    connection.endheaders()
    response = connection.getresponse()
    assert response.status == 413
    assert "ไฟล์หรือข้อมูลที่ส่งมามีขนาดใหญ่เกิน" in response.read().decode()
    connection.close()

    running = serve.status(var)
    for name in ("nginx", "web", "redis", "primary"):
        assert running[name], f"{name} is not running"
    tasks = serverkit.django_snippet(env, serve.TASKS_INSTALLED)
    assert bool(running["worker"]) == tasks
    if tasks:  # the worker ran the citizen's notification that the complaint enqueued
        deadline = time.monotonic() + 30
        while not serverkit.django_snippet(env, NOTIFICATION_RAN):
            assert time.monotonic() < deadline, "the task worker ran no notification in 30 s"
            time.sleep(1)
    assert len(running["web"]) >= 3  # granian and its two workers

    serve.stop(var)
    left = [pid for pids in running.values() for pid in pids if alive(pid)]
    assert left == [], f"still running after stop: {left}"
    assert all(not pids for pids in serve.status(var).values())
