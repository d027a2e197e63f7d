"""The submission benchmark's check (bench/cases_submit.py): after the load, every receipt a
citizen was shown must name a case the database holds, once. Its SUMMARY line ("0 lost, 0
duplicated") is only worth reading if a lost or doubled case is counted."""

from serverkit.bench_scripts import load

bench = load("cases_submit")

RECEIPTS = [("bench L1 c0 n1", "K7QM-4X9P"), ("bench L1 c0 n2", "A2B3-C4D5")]
STORED = [("bench L1 c0 n1", "K7QM4X9P"), ("bench L1 c0 n2", "A2B3C4D5")]


def test_every_receipt_found_once_is_clean():
    check = bench.compare("postgres", RECEIPTS, STORED, server_log="")
    assert (check.receipts, check.rows, check.lost, check.duplicated) == (2, 2, 0, 0)
    assert check.without_receipt == 0


def test_a_receipt_without_its_case_is_lost():
    check = bench.compare("postgres", RECEIPTS, STORED[:1], server_log="")
    assert check.lost == 1
    # A case stored under another code is lost too: the citizen could not follow it.
    moved = [STORED[0], ("bench L1 c0 n2", "ZZZZ9999")]
    assert bench.compare("postgres", RECEIPTS, moved, server_log="").lost == 1


def test_a_case_saved_twice_or_a_code_given_twice_is_duplicated():
    saved_twice = [*STORED, ("bench L1 c0 n2", "Q1W2E3R4")]
    assert bench.compare("sqlite", RECEIPTS, saved_twice, server_log="").duplicated == 1
    same_code = [("bench L1 c0 n1", "K7QM-4X9P"), ("bench L1 c0 n2", "K7QM-4X9P")]
    stored_same = [("bench L1 c0 n1", "K7QM4X9P"), ("bench L1 c0 n2", "K7QM4X9P")]
    assert bench.compare("sqlite", same_code, stored_same, server_log="").duplicated >= 1


def test_cases_accepted_without_a_receipt_and_locks_are_reported():
    stored = [*STORED, ("bench L1 c1 n1", "M5N6P7Q8")]
    log = "database is locked\nok\ndatabase is locked\n"
    check = bench.compare("sqlite", RECEIPTS, stored, server_log=log)
    assert check.without_receipt == 1
    assert check.lost == 0
    assert check.locked_in_log == 2
