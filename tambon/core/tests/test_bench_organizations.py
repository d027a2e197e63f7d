"""The scale benchmark's verdict (bench/organizations.py): an operator reads its SUMMARY line
to know whether one deployment still serves its first organization as fast with 1,000 others,
so the line must say FAIL whenever a target is missed, and name what missed it."""

import argparse
import datetime

from serverkit.bench_scripts import load

bench = load("organizations")

PAGE_BYTES = 20 * 1024


def phase(cached_p99=10.0, uncached_p50=40.0, submissions_p50=60.0):
    return bench.Phase(
        organizations=1,
        cached=bench.Latency(p50_ms=2.0, p99_ms=cached_p99, count=1000),
        uncached=bench.Latency(p50_ms=uncached_p50, p99_ms=90.0, count=100),
        submissions=bench.Latency(p50_ms=submissions_p50, p99_ms=150.0, count=50),
        page_bytes=PAGE_BYTES,
        background=dict(bench.BACKGROUND_RATE),
    )


def memory(max_entries, before, after_first, after, hosts=1000, first_hosts=0):
    return bench.Memory(
        max_entries=max_entries,
        before_kb=[before, before],
        after_first_kb=[after_first, after_first] if first_hosts else [],
        after_kb=[after, after],
        hosts=hosts,
        first_hosts=first_hosts,
    )


def report(alone, many, command_seconds=6.0, small_after_kb=100_000, small_first_hosts=100):
    args = argparse.Namespace(
        organizations=1000, seconds=15, turns=len(alone), profile="production"
    )
    result = bench.Report(started=datetime.datetime(2026, 12, 4, tzinfo=datetime.UTC), args=args)
    result.alone, result.many = alone, many
    result.creation = bench.Creation(
        created=999,
        build_seconds=[2.5, 2.6, 4.9],
        content_seconds=[0.8, 0.9],
        command_seconds=command_seconds,
        size_before=40 * 2**20,
        size_after=40 * 2**20 + 999 * 270 * 1024,
        total_seconds=3000.0,
    )
    cost = {"queries": 5, "cpu_ms": 10.0, "wall_ms": 12.0}
    result.in_process = {"home page": [cost, cost]}
    # The small cache fills with its first 100 home pages; the other 900 add 2 KB each.
    result.memory = [
        memory(5000, 80_000, 0, 120_000),
        memory(100, 80_000, 98_200, small_after_kb, first_hosts=small_first_hosts),
    ]
    return result


def summary(capsys):
    return [line for line in capsys.readouterr().out.splitlines() if line.startswith("SUMMARY")][0]


def test_every_target_met_passes(capsys):
    assert bench.print_report(report([phase(), phase()], [phase(11.0), phase(11.5)])) is True
    line = summary(capsys)
    assert "FAIL" not in line
    assert "worst 1.10 (home page, cached p99) PASS" in line
    assert "270 KB per organization" in line


def test_a_slower_first_organization_fails_and_is_named(capsys):
    alone = [phase(), phase()]
    assert bench.print_report(report(alone, [phase(uncached_p50=52.0)] * 2)) is False
    assert "worst 1.30 (home page, uncached p50) FAIL" in summary(capsys)
    assert bench.print_report(report(alone, [phase(submissions_p50=75.0)] * 2)) is False
    assert "worst 1.25 (case submission p50) FAIL" in summary(capsys)


def test_the_least_disturbed_turn_of_each_side_is_compared(capsys):
    # Another program's load only adds time: one stalled turn with N does not fail the target,
    # while a side that is slower in every turn does.
    alone = [phase(cached_p99=10.0), phase(cached_p99=30.0)]
    assert bench.print_report(report(alone, [phase(cached_p99=50.0), phase(11.0)])) is True
    capsys.readouterr()
    assert bench.print_report(report(alone, [phase(cached_p99=50.0), phase(13.0)])) is False
    assert "worst 1.30 (home page, cached p99) FAIL" in summary(capsys)


def test_a_slow_new_organization_fails(capsys):
    assert bench.print_report(report([phase()], [phase()], command_seconds=10.4)) is False
    assert "new organization: slowest 10.40 s FAIL" in summary(capsys)


def test_memory_that_grows_with_every_organization_fails(capsys):
    # With the small setting the last 900 organizations add 20 KB each, a whole page: unbounded.
    unbounded = 98_200 + 900 * 20
    assert bench.print_report(report([phase()], [phase()], small_after_kb=unbounded)) is False
    assert "TAMBON_REMEMBERED_MAX_ENTRIES FAIL" in summary(capsys)


def test_a_run_too_small_to_pass_the_bound_says_memory_was_not_measured(capsys):
    # Every organization fits within the small setting: nothing shows whether more would grow.
    result = report([phase()], [phase()], small_first_hosts=1000)
    assert bench.print_report(result) is False
    out = capsys.readouterr().out
    line = [line for line in out.splitlines() if line.startswith("SUMMARY")][0]
    assert "TAMBON_REMEMBERED_MAX_ENTRIES NOT MEASURED" in line
    assert "all 1000 organizations within the bound" in out
