"""Reading the text of uploaded files (core/document_reading.py): Thai PDF text comes out in
typed order, Word and Excel text as typed, and a hostile or broken file stops at a limit or is
refused with a reason, never with any other error."""

import contextlib
import itertools
import time

import pytest

from tambon.composition.tests.hostile.files import corpus
from tambon.core.document_reading import Limits, Unreadable, read_text, read_text_apart

from .document_files import docx, docx_bomb, thai_pdf, xlsx

NIKHAHIT, SARA_AA, MAI_THO, MAI_EK = "\u0e4d", "\u0e32", "\u0e49", "\u0e48"


def test_thai_pdf_text_is_read_in_typed_order_without_the_glyph_spaces():
    pdf = thai_pdf(
        [
            # น้ำประปา drawn as Word draws it: nikhahit and sara aa as two glyphs.
            ("typed", "น" + NIKHAHIT + MAI_THO + SARA_AA + "ประปา"),
            # ที่ดิน with the tone drawn before the vowel, and a shifted-left tone glyph.
            ("typed", "ท" + MAI_EK + "\u0e35ดิน ป\uf713า"),
            ("spaced", "ประชาคม"),
            ("typed", "เเผนพัฒนา ๒๕๖๘ ITA O31"),
        ]
    )
    text = read_text(pdf, "ประกาศ.pdf").text
    assert text.splitlines() == ["น้ำประปา", "ที่ดิน ป่า", "ประชาคม", "แผนพัฒนา ๒๕๖๘ ITA O31"]


def test_word_text_is_read_by_paragraph_with_runs_joined():
    content = docx("ประกาศองค์การบริหารส่วนตำบลพงษ์", ["เรื่อง ", "การจัดเก็บ", "ขยะมูลฝอย"])
    reading = read_text(content, "notice.DOCX")
    assert reading.text == "ประกาศองค์การบริหารส่วนตำบลพงษ์\nเรื่อง การจัดเก็บขยะมูลฝอย"
    assert reading.note == ""


def test_excel_text_is_read_sheet_by_sheet_row_by_row():
    content = xlsx([["รายการ", "งบประมาณ"], ["ซ่อมถนนหมู่ ๓", 1250000.0], [None, None]])
    assert read_text(content, "budget.xlsx").text == "งบประมาณ\nรายการ งบประมาณ\nซ่อมถนนหมู่ ๓ 1250000"


def test_files_of_other_kinds_give_no_text():
    assert read_text(b"a,b\n1,2\n", "table.csv").text == ""


def test_only_the_first_pages_are_read():
    pdf = thai_pdf(*[[("typed", f"หน้า{n}")] for n in "กขค"])
    reading = read_text(pdf, "long.pdf", Limits(pages=2))
    assert reading.text.split() == ["หน้าก", "หน้าข"]
    assert reading.note == "only the first 2 pages are read"


def test_only_the_first_characters_are_kept():
    reading = read_text(docx("ก" * 50, "ข" * 50), "long.docx", Limits(characters=60))
    assert reading.text == "ก" * 50 + "\n" + "ข" * 9
    assert "60 characters" in reading.note


def test_reading_stops_at_the_deadline():
    seconds = itertools.count()  # the clock moves a second each time it is read
    pdf = thai_pdf(*[[("typed", f"หน้า{n}")] for n in "กขคง"])
    reading = read_text(pdf, "slow.pdf", Limits(seconds=2), clock=lambda: next(seconds))
    # Started at 0 s; the third page is read at 3 s, past the deadline: the fourth is not.
    assert reading.text.split() == ["หน้าก", "หน้าข", "หน้าค"]
    assert reading.note == "reading stopped after 2 seconds"


def test_a_zip_bomb_is_refused_by_its_declared_sizes_before_it_is_unpacked():
    xml_bomb = docx_bomb(megabytes=40)
    assert len(xml_bomb) < 100 * 1024
    for name in ("bomb.docx", "bomb.xlsx"):
        with pytest.raises(Unreadable, match="XML unpacks to more than 30 MB"):
            read_text(xml_bomb, name)
    # Pictures are not read, but count in the whole package's size.
    picture_bomb = docx_bomb(megabytes=210, part_name="word/media/image1.png")
    with pytest.raises(Unreadable, match="the package unpacks to more than 200 MB"):
        read_text(picture_bomb, "photos.docx")


def test_no_file_of_the_hostile_corpus_gets_past_the_reader():
    """The files sent to every public form (composition/tests/hostile/files.py), as documents:
    each gives some text or a reason, and none takes long."""
    for hostile in corpus(upload_limit=1024 * 1024):
        started = time.monotonic()
        with contextlib.suppress(Unreadable):
            read_text(hostile.content(), hostile.filename)
        assert time.monotonic() - started < 5, hostile.name


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R", "broken.pdf", "not a readable .pdf"),
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "picture.pdf", "not a PDF file"),
        ("ข้อความธรรมดา".encode(), "notes.docx", "not a ZIP package"),
        (xlsx([["ก"]]), "sheet.docx", "not a Word document"),
        (docx("ก"), "letter.xlsx", "not a readable .xlsx"),
        (b"PK\x03\x04" + b"\xff" * 200, "cut.xlsx", "not a ZIP package"),
    ],
)
def test_a_broken_or_mislabelled_file_is_refused_with_a_reason(content, name, reason):
    with pytest.raises(Unreadable, match=reason):
        read_text(content, name)


def test_a_file_over_the_size_limit_is_not_read():
    with pytest.raises(Unreadable, match="larger than 1 MB"):
        read_text(b"%PDF-" + b" " * (2 * 1024 * 1024), "big.pdf", Limits(file_bytes=1024 * 1024))


def test_a_file_read_apart_gives_the_same_text():
    pdf = thai_pdf(
        [("typed", "น" + NIKHAHIT + MAI_THO + SARA_AA + "ประปา")], [("spaced", "ประชาคม")]
    )
    assert read_text_apart(pdf, "notice.pdf") == read_text(pdf, "notice.pdf")
    assert read_text_apart(pdf, "notice.pdf").text == "น้ำประปา\nประชาคม"
    with pytest.raises(Unreadable, match="not a ZIP package"):
        read_text_apart(b"plain text", "notes.docx")


def test_a_file_that_would_take_too_long_is_stopped_with_what_was_read():
    # The second page shows 80,000 pieces of text: some 15 seconds of pypdf's time.
    slow = thai_pdf([("typed", "หน้าแรก")], [("typed", "ก")] * 80_000)
    started = time.monotonic()
    reading = read_text_apart(slow, "slow.pdf", Limits(seconds=2))
    assert time.monotonic() - started < 15
    assert reading.text == "หน้าแรก"
    assert reading.note == "reading stopped after 2 seconds"
