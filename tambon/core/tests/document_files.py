"""Small PDF, DOCX and XLSX files with known Thai text, made on the spot for the tests.

The PDF is written by hand the way a Thai font's PDF is: each character is a one-byte code of
a font whose ToUnicode map says which character it draws (nikhahit and sara aa as two glyphs,
private-use glyphs for shifted marks), and a "spaced" line places every glyph apart, so the
text a reader gets back is broken the way real Thai PDFs are.
"""

import io
import zipfile

from openpyxl import Workbook

from tambon.infocenter.demo import pdf_file

MB = 1024 * 1024


def thai_pdf(*pages):
    """A PDF of `pages`, each a list of (how, text) lines: how is "typed" (one string) or
    "spaced" (each glyph placed apart)."""
    characters = sorted({c for lines in pages for _how, text in lines for c in text})
    code = {c: number for number, c in enumerate(characters, start=1)}
    to_unicode = _to_unicode(characters, code)
    widths = " ".join(["500"] * len(characters))
    font = (
        f"<< /Type /Font /Subtype /Type1 /BaseFont /ThaiTest /FirstChar 1 "
        f"/LastChar {len(characters)} /Widths [{widths}] /ToUnicode 3 0 R >>"
    ).encode()
    objects = [b"", b"", _stream(to_unicode), font]  # catalog and page tree come below
    kids = []
    for lines in pages:
        content = _stream(_content(lines, code))
        objects.append(content)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
            b"/Resources << /Font << /F1 4 0 R >> >> /Contents %d 0 R >>" % (len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return pdf_file(objects)


def _to_unicode(characters, code):
    pairs = "\n".join(f"<{code[c]:02X}> <{ord(c):04X}>" for c in characters)
    return (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /ThaiTest def "
        "1 begincodespacerange <00> <FF> endcodespacerange\n"
        f"{len(characters)} beginbfchar\n{pairs}\nendbfchar\n"
        "endcmap CMapName currentdict /CMap defineresource pop end end"
    ).encode()


def _content(lines, code):
    shown, y = [], 800
    for how, text in lines:
        if how == "spaced":
            glyphs = " ".join(f"<{code[c]:02X}> -400" for c in text)
            shown.append(f"BT /F1 12 Tf 40 {y} Td [{glyphs}] TJ ET")
        else:
            glyphs = "".join(f"{code[c]:02X}" for c in text)
            shown.append(f"BT /F1 12 Tf 40 {y} Td <{glyphs}> Tj ET")
        y -= 20
    return "\n".join(shown).encode()


def _stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


WORD_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Override PartName="/word/document.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx(*paragraphs):
    """A Word file of `paragraphs`; a paragraph given as a list is split into runs."""
    body = "".join(
        "<w:p>"
        + "".join(
            f"<w:r><w:t>{run}</w:t></w:r>"
            for run in (paragraph if isinstance(paragraph, list) else [paragraph])
        )
        + "</w:p>"
        for paragraph in paragraphs
    )
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{WORD_NS}">'
        f"<w:body>{body}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", WORD_TYPES)
        package.writestr("word/document.xml", document)
    return buffer.getvalue()


def docx_bomb(megabytes, part_name="word/document.xml"):
    """A Word file whose part unpacks to `megabytes` of zeros (the file: a few hundred KB)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", WORD_TYPES)
        with package.open(part_name, "w", force_zip64=True) as part:
            zeros = b"\0" * MB
            for _ in range(megabytes):
                part.write(zeros)
    return buffer.getvalue()


def xlsx(rows, title="งบประมาณ"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
