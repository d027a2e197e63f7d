"""A worker writes down what paused it (garbage-collector passes, page-view flushes) only when
TAMBON_PAUSES_FILE asks for it, one JSON line per pause of a millisecond or more."""

import gc
import json
import os
import time

import pytest

from tambon.core import pagecache, pauses


@pytest.fixture
def recording(tmp_path, monkeypatch):
    path = tmp_path / "pauses.jsonl"
    monkeypatch.setenv("TAMBON_PAUSES_FILE", str(path))
    monkeypatch.setattr(pauses, "_file", None)
    pauses.start_from_environment()
    yield path
    gc.callbacks.remove(pauses._on_gc)
    pauses._file.close()


def lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_nothing_is_recorded_unless_asked(tmp_path, monkeypatch):
    monkeypatch.delenv("TAMBON_PAUSES_FILE", raising=False)
    monkeypatch.setattr(pauses, "_file", None)
    pauses.start_from_environment()
    pauses.record("flush", 50.0)
    assert not pauses.enabled()
    assert pauses._on_gc not in gc.callbacks
    assert list(tmp_path.iterdir()) == []


def test_a_full_collector_pass_and_a_long_flush_are_written_down(recording):
    garbage = []
    for _ in range(200_000):  # enough cycles for a pass of a millisecond or more
        node = {}
        node["self"] = node
        garbage.append(node)
    del garbage, node
    gc.collect()
    pauses.record("flush", 4.2)
    pauses.record("flush", 0.3)  # too short to matter

    written = lines(recording)
    full_passes = [line for line in written if line["what"] == "gc2"]
    assert full_passes and all(line["ms"] >= 1 for line in full_passes)
    flushes = [line for line in written if line["what"] == "flush"]
    assert [line["ms"] for line in flushes] == [4.2]
    assert {line["pid"] for line in written} == {os.getpid()}


def test_a_slow_page_cache_hit_is_written_down_with_its_own_cpu_time(recording, monkeypatch):
    """A hit that waited (here, 30 ms asleep) shows a wall time far past its CPU time."""
    page = pagecache.CachedPage(status="200 OK", headers=[], body=b"page", site_id=1)
    monkeypatch.setattr(pagecache, "lookup", lambda environ: page)

    def slow_hit(environ, page):
        time.sleep(0.03)
        return [page.body]

    application = pagecache.CachedPageApplication(django_application=None, on_hit=slow_hit)
    body = application({"REQUEST_METHOD": "GET"}, lambda status, headers: None)

    assert body == [b"page"]
    hits = {line["what"]: line["ms"] for line in lines(recording) if "hit" in line["what"]}
    assert hits["hit"] >= 30
    assert hits.get("hit-cpu", 0) < 10  # asleep, not computing
