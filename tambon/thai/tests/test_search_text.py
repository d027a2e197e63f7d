"""Thai text as the search compares it: what PDF extraction and keyboards get wrong is undone."""

import pytest

from tambon.thai.search_query import MAX_QUERY_CHARS, parse_query
from tambon.thai.search_text import clean, normalise, segment, syllables


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("น\u200bา\u200cน\ufeff", "นาน"),  # zero-width space, non-joiner, BOM
        ("ข\u00adยะ\u2060", "ขยะ"),  # soft hyphen, word joiner
        ("น\u0e4d\u0e32", "น\u0e33"),  # sara am as nikhahit + sara aa
        ("น\u0e4d\u0e49\u0e32", "น\u0e49\u0e33"),  # น้ำ with the tone inside the sara am
        ("น\u0e33\u0e49", "น\u0e49\u0e33"),  # น้ำ typed with the tone after the sara am
        ("ท\u0e48\u0e35", "ท\u0e35\u0e48"),  # ที่ with the tone before the upper vowel
        ("ก\u0e48\u0e48", "ก\u0e48"),  # a tone mark twice
        ("เเม่", "แม่"),  # two sara e for sara ae
        ("ท ี่ดิน", "ที่ดิน"),  # a PDF's space before a vowel
    ],
)
def test_clean_repairs_what_pdfs_and_keyboards_break(typed, meant):
    assert clean(typed) == meant


def test_normalise_folds_digits_and_case():
    assert normalise("ITA O31 ปี ๒๕๖๕") == "ita o31 ปี 2565"


def test_segment_finds_thai_words_and_keeps_latin_words_whole():
    assert segment("ประชุมประชาคม ITA O31") == ["ประชุม", "ประชาคม", "ita", "o31"]
    assert segment("อบต.พงษ์ จ.น่าน") == ["อบต", "พงษ์", "จ", "น่าน"]


def test_place_names_of_geothai_are_words():
    assert "สันติสุข" in segment("อำเภอสันติสุขจังหวัดน่าน")


def test_local_words_are_kept_whole():
    assert "ห้วยตาดแก้ว" not in segment("บ้านห้วยตาดแก้ว")
    assert "ห้วยตาดแก้ว" in segment("บ้านห้วยตาดแก้ว", frozenset({"ห้วยตาดแก้ว"}))


def test_syllables_of_a_compound():
    assert syllables("ขยะมูลฝอย") == ("ขยะ", "มูล", "ฝอย")
    assert syllables("ตาก") == ("ตาก",)


def test_queries_pair_quotes_and_drop_operators():
    parsed = parse_query('"ขยะ มูลฝอย" AND ขยะ* NEAR "')
    assert [term.words for term in parsed.terms] == [("ขยะ", "มูลฝอย"), ("ขยะ",)]
    assert parsed.terms[0].quoted


def test_a_long_query_is_cut():
    parsed = parse_query("ขยะ " * 5000)
    assert parsed.shortened and len(parsed.terms) == 1
    assert MAX_QUERY_CHARS < 10_000
