"""The broken forms below are what PDF text extraction gives for real Thai documents (Word's
"save as PDF" with TH Sarabun, scanned forms with a text layer, glyph-by-glyph PDFs); the
escapes spell out each character so the test says which order is wrong."""

import pytest

from tambon.thai.pdf_text import normalise_pdf_text, tidy_spaces

NIKHAHIT, SARA_AA, MAI_THO, MAI_EK = "\u0e4d", "\u0e32", "\u0e49", "\u0e48"


@pytest.mark.parametrize(
    "broken",
    [
        "น" + NIKHAHIT + MAI_THO + SARA_AA,  # nikhahit, tone, sara aa
        "น" + MAI_THO + NIKHAHIT + SARA_AA,  # tone, nikhahit, sara aa
        "น" + NIKHAHIT + SARA_AA + MAI_THO,  # both parts, then the tone
        "น\u0e33" + MAI_THO,  # sara am, then the tone
        "น " + NIKHAHIT + " " + MAI_THO + " " + SARA_AA,  # each part spaced out
    ],
)
def test_sara_am_drawn_in_two_parts_is_one_character_after_its_tone(broken):
    assert normalise_pdf_text(broken) == "น้ำ"


def test_sara_am_without_a_tone():
    assert normalise_pdf_text("ต" + NIKHAHIT + SARA_AA + "บล") == "ตำบล"
    assert normalise_pdf_text("ท" + SARA_AA + NIKHAHIT + "งาน") == "ทำงาน"  # drawn aa first


def test_tone_marks_before_the_vowel_they_sit_on_are_put_after_it():
    assert normalise_pdf_text("ท" + MAI_EK + "\u0e35") == "ที่"  # ที่
    assert normalise_pdf_text("ป" + MAI_EK + "\u0e39") == "ปู่"  # ปู่, a lower vowel
    assert normalise_pdf_text("ส" + MAI_THO + "\u0e34น") == "สิ้น"


def test_a_mark_drawn_twice_is_kept_once():
    assert normalise_pdf_text("ที" + MAI_EK + MAI_EK) == "ที่"


def test_private_use_glyphs_of_windows_thai_fonts_become_thai_characters():
    # ป with its tone shifted left (U+F713), ญ without its tail (U+F70F) under sara u.
    assert normalise_pdf_text("ป\uf713า") == "ป่า"
    assert normalise_pdf_text("ป\uf701\uf70aน") == "ปิ่น"
    assert normalise_pdf_text("บุ\uf70fุ") == "บุญุ"  # the glyph, whatever the word
    assert normalise_pdf_text("\uf700าน") == "ฐาน"


def test_two_sara_e_typed_for_sara_ae():
    assert normalise_pdf_text("เเละ") == "และ"
    assert normalise_pdf_text("เเผนพัฒนาท้องถิ่น") == "แผนพัฒนาท้องถิ่น"


def test_spaces_before_marks_and_following_vowels_and_after_leading_vowels_go():
    assert normalise_pdf_text("เทศบ าลต ําบล") == "เทศบาลตำบล"
    assert normalise_pdf_text("ก ิ จการ") == "กิจการ"
    assert normalise_pdf_text("เ รื ่ อง") == "เรื่อง"
    assert normalise_pdf_text("ไ ฟฟ้า") == "ไฟฟ้า"


def test_glyphs_spaced_one_by_one_are_joined():
    assert normalise_pdf_text("ป ร ะ ช า ค ม") == "ประชาคม"
    spaced = "อ ง ค ์ ก า ร บ ร ิ ห า ร ส ่ ว น ต ํ า บ ล พ ง ษ ์"
    assert normalise_pdf_text(spaced) == "องค์การบริหารส่วนตำบลพงษ์"
    assert normalise_pdf_text("ป ระ ชา ค ม") == "ประชาคม"  # spaced by syllable pieces
    # A wider gap between the spaced words stays a word break.
    assert normalise_pdf_text("จ ั ง ห ว ั ด  น ่ า น") == "จังหวัด น่าน"


def test_words_spaced_as_thai_is_written_are_not_glued_together():
    text = "ประกาศองค์การบริหารส่วนตำบลพงษ์ เรื่อง การรับฟังความคิดเห็น ณ ที่ทำการ อบต."
    assert normalise_pdf_text(text) == text
    # Two one-syllable words are not enough to look like spaced-out glyphs.
    assert normalise_pdf_text("ณ ที่ ทำการ") == "ณ ที่ ทำการ"


def test_thai_digits_latin_and_line_breaks_are_kept():
    text = "ปีงบประมาณ ๒๕๖๘ (ITA O31)\nงบ 1,250,000 บาท"
    assert normalise_pdf_text(text) == text


def test_correct_text_is_left_as_it_is():
    text = "น้ำประปา ที่ดิน ผู้ใหญ่บ้าน เบี้ยยังชีพผู้สูงอายุ ขยะมูลฝอย กรุงเทพฯ ต่าง ๆ"
    assert normalise_pdf_text(text) == text


def test_spaces_are_tidied():
    assert tidy_spaces("  ก\u00a0\u00a0ข \t\r\nค  \n\n\n\nง ") == "ก ข\nค\n\nง"
