"""The search benchmark's measures (bench/search.py), on a corpus of four documents: what a
Thai reader types is found by a substring scan, missed by full-text search on unspaced text."""

import pytest

from serverkit.bench_scripts import load

bench = load("search")
corpus = load("search_corpus")

DOCUMENTS = [
    corpus.Piece("1", "ประกาศเก็บขยะมูลฝอยประจำเดือน", "รถเก็บขยะจะมาทุกวันอังคาร", "2024-01-05"),
    corpus.Piece("2", "ไฟดับทั้งตำบล", "การไฟฟ้าแจ้งว่าจะดับไฟเพื่อซ่อมสายส่ง", "2024-02-01"),
    corpus.Piece("3", "ประชุมประชาคมหมู่บ้าน", "เชิญชาวบ้านร่วมประชุมประชาคม ณ ศาลา", "2024-03-01"),
    corpus.Piece("4", "เบี้ยยังชีพผู้สูงอายุ", "ลงทะเบียนรับเบี้ยยังชีพ ปี 2565 ที่ อบต.", "2024-04-01"),
]
QUERIES = [
    {"query": "ขยะ", "relevant": ["1"], "kind": "compound"},
    {"query": "ไฟ", "relevant": ["2"], "kind": "short"},
    {"query": "ประชาคม", "relevant": ["3"], "kind": "word"},
    {"query": "๒๕๖๕", "relevant": ["4"], "kind": "digits"},
]


def test_recall_counts_at_most_ten_and_mrr_the_first_relevant_rank():
    relevant = [str(n) for n in range(20)]
    assert bench.recall_at_10([str(n) for n in range(10)], relevant) == 1.0
    assert bench.recall_at_10(["x", "1"], ["1", "2"]) == 0.5
    assert bench.reciprocal_rank(["x", "y", "2"], ["2"]) == pytest.approx(1 / 3)
    assert bench.reciprocal_rank(["x"] * 10 + ["2"], ["2"]) == 0.0
    figures = bench.evaluate(QUERIES[:2], {"ขยะ": ["2", "1"], "ไฟ": []})
    assert figures["mrr"] == pytest.approx(0.25)
    assert figures["missed"] == ["ไฟ"]
    assert figures["kinds"]["compound"]["recall_at_10"] == 1.0


def test_the_query_files_in_the_repository_are_read(tmp_path):
    assert len(bench.read_queries(bench.QUERIES)) >= 100
    regression = bench.read_queries(bench.REGRESSION)
    assert "ขยะ" in {q["query"] for q in regression}
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"query": "ขยะ"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="broken.jsonl:1"):
        bench.read_queries(broken)


@pytest.mark.django_db
def test_baselines_measured_on_the_test_database():
    texts = [q["query"] for q in QUERIES]
    like = bench.measure(bench.LikeEngine(), DOCUMENTS, texts, rounds=1)
    fts = bench.measure(bench.UnsegmentedFtsEngine(), DOCUMENTS, texts, rounds=1)
    # A substring scan finds words inside unspaced text, but not Thai digits for Arabic ones.
    assert bench.evaluate(QUERIES, like["results"])["missed"] == ["๒๕๖๕"]
    # Full-text search on unspaced Thai takes each run between spaces for one word.
    assert bench.evaluate(QUERIES, fts["results"])["recall_at_10"] == 0.0
    for measured in (like, fts):
        assert measured["indexed"] == 4
        assert measured["index_bytes"] > 0
        assert len(measured["latencies_ms"]) == len(texts)


@pytest.mark.django_db
def test_tambon_measured_finds_what_the_baselines_miss(organization):
    texts = [q["query"] for q in QUERIES]
    engine = bench.TambonEngine(organization_id=organization.pk)
    measured = bench.measure(engine, DOCUMENTS, texts, rounds=1)
    figures = bench.evaluate(QUERIES, measured["results"])
    assert figures["missed"] == []
    assert figures["mrr"] == 1.0
    assert measured["indexed"] == 4
    assert measured["index_bytes"] > 0
