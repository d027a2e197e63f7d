"""The hostile files of the corpus, made here rather than kept in git: disguised files,
a file just over the upload limit, a pixel flood, decompression bombs, a malformed PDF, and
honest files with hostile names. Each is ``(name, content type, bytes)``; the file inputs of
every public form get every one of them (test_hostile.py)."""

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from functools import cache

from PIL import Image


@dataclass(frozen=True)
class HostileFile:
    name: str  # shown in a failure
    filename: str
    content_type: str
    make: object  # () -> bytes

    def content(self):
        return _made(self.make)


@cache
def _made(make):
    return make()


def _png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def pixel_flood_png():
    """A PNG of a few hundred bytes whose header says 50,000 x 50,000 pixels (2.5 billion):
    decoding it would take 10 GB of memory."""
    header = struct.pack(">IIBBBBB", 50_000, 50_000, 8, 6, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 4096, 9)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", rows)
        + _png_chunk(b"IEND", b"")
    )


def zip_bomb():
    """An Office file (a zip) whose one member inflates from about 100 KB to 100 MB."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("word/document.xml", "w", force_zip64=True) as member,
    ):
        block = b"\x00" * (1 << 20)
        for _ in range(100):
            member.write(block)
    return out.getvalue()


def deflate_bomb_pdf():
    """A PDF whose stream inflates to 100 MB; the file itself is about 100 KB."""
    stream = zlib.compress(b"0" * (100 << 20), 9)
    return (
        b"%%PDF-1.4\n1 0 obj<</Length %d/Filter/FlateDecode>>stream\n" % len(stream)
        + stream
        + b"\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )


def png(size=(8, 8)):
    out = io.BytesIO()
    Image.new("RGB", size, (10, 120, 40)).save(out, "PNG")
    return out.getvalue()


def just_over(limit):
    """A JPEG's first bytes and then zeros: one byte over the upload limit."""
    return b"\xff\xd8\xff\xe0" + b"\x00" * (limit - 3)


def corpus(upload_limit):
    """Every hostile file, the one over the limit sized from the limit in force."""
    return [
        HostileFile(
            "php-as-jpg", "photo.jpg", "image/jpeg", lambda: b"<?php system($_GET['c']); ?>"
        ),
        HostileFile(
            "html-as-pdf",
            "คำร้อง.pdf",
            "application/pdf",
            lambda: b"<html><script>alert('\xe0\xb8\x97')</script></html>",
        ),
        HostileFile(
            "exe-as-pdf", "แบบฟอร์ม.pdf", "application/pdf", lambda: b"MZ\x90\x00" + bytes(4000)
        ),
        HostileFile(
            "svg-as-png",
            "map.png",
            "image/png",
            lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
        ),
        HostileFile("oversized", "huge.jpg", "image/jpeg", lambda: just_over(upload_limit)),
        HostileFile("pixel-flood", "flood.png", "image/png", pixel_flood_png),
        HostileFile("zip-bomb-docx", "report.docx", "application/msword", zip_bomb),
        HostileFile("zip-bomb-xlsx", "table.xlsx", "application/vnd.ms-excel", zip_bomb),
        HostileFile("deflate-bomb-pdf", "bomb.pdf", "application/pdf", deflate_bomb_pdf),
        HostileFile(
            "malformed-pdf",
            "broken.pdf",
            "application/pdf",
            lambda: b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R" + bytes(range(256)),
        ),
        HostileFile(
            "truncated-jpeg", "broken.jpg", "image/jpeg", lambda: b"\xff\xd8\xff\xe0" + bytes(50)
        ),
        HostileFile("empty", "empty.png", "image/png", lambda: b""),
        HostileFile(
            "script-name",
            "<script>alert('ทดสอบ')</script>.png",
            "image/png",
            png,
        ),
        HostileFile("rlo-name", "ใบเสร็จ\u202egnp.exe.png", "image/png", png),
        HostileFile("nul-name", "ภาพ\x00.png", "image/png", png),
    ]
