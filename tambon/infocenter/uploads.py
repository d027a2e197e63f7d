"""Uploaded documents are checked by what they contain, not by their name.

A file named "report.pdf" must start like a PDF; "plan.docx" and "budget.xlsx" must be ZIP
packages whose [Content_Types].xml declares a Word or Excel main part (a macro-enabled workbook
or an executable renamed .docx is refused). Wired into every Wagtail document form through
WAGTAILDOCS_DOCUMENT_FORM_BASE.
"""

import codecs
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

HEAD_BYTES = 1024
MAX_PART_BYTES = 256 * 1024
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Word/Excel (.doc, .xls)
ZIP_MAGIC = b"PK\x03\x04"
WORD_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
OPENDOCUMENT = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
TEXT_ENCODINGS = ("utf-8-sig", "cp874")  # cp874 is the Windows Thai encoding (TIS-620)


def read_head(file, size=HEAD_BYTES):
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def zip_part(file, name):
    """The first bytes of one part of a ZIP package, or None if it is no ZIP or lacks the part."""
    if not read_head(file, 4).startswith(ZIP_MAGIC):
        return None
    try:
        with zipfile.ZipFile(file) as package:
            if name not in package.namelist():
                return None
            with package.open(name) as part:
                return part.read(MAX_PART_BYTES)
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return None
    finally:
        file.seek(0)


def is_pdf(file):
    return read_head(file).lstrip().startswith(b"%PDF-")


def is_docx(file):
    types = zip_part(file, "[Content_Types].xml")
    return types is not None and WORD_MAIN in types


def is_xlsx(file):
    types = zip_part(file, "[Content_Types].xml")
    return types is not None and EXCEL_MAIN in types


def is_ole2(file):
    return read_head(file, 8) == OLE2_MAGIC


def is_zip(file):
    if not read_head(file, 4).startswith(ZIP_MAGIC):
        return False
    try:
        with zipfile.ZipFile(file):
            return True
    except (zipfile.BadZipFile, OSError):
        return False
    finally:
        file.seek(0)


def is_opendocument(kind):
    def check(file):
        mimetype = zip_part(file, "mimetype")
        return mimetype is not None and mimetype.strip() == OPENDOCUMENT[kind]

    return check


def is_plain_text(file):
    """Text (UTF-8 or Thai Windows encoding) without NUL bytes, and not a web page."""
    head = read_head(file, 64 * 1024)
    if b"\x00" in head:
        return False
    for encoding in TEXT_ENCODINGS:
        try:
            # final=False: the head may end inside a multi-byte character.
            text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
            break
        except UnicodeDecodeError:
            continue
    else:
        return False
    return not text.lstrip().startswith("<")


CHECKS = {
    "pdf": is_pdf,
    "docx": is_docx,
    "xlsx": is_xlsx,
    "doc": is_ole2,
    "xls": is_ole2,
    "odt": is_opendocument("odt"),
    "ods": is_opendocument("ods"),
    "csv": is_plain_text,
    "zip": is_zip,
}


def extension_of(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_document_content(file):
    """Raise a ValidationError (in Thai) unless the file's content matches its extension."""
    extension = extension_of(file.name or "")
    check = CHECKS.get(extension)
    if check is None:
        raise ValidationError(
            _(
                "Files of this kind cannot be uploaded. "
                "Upload a PDF, Word (DOCX) or Excel (XLSX) file."
            ),
            code="unknown_kind",
        )
    if not check(file):
        raise ValidationError(
            _(
                "This file is not really a .%(extension)s file: its content does not match its "
                "name. Save it again from the program that made it (for example, save as PDF) "
                "and upload it again."
            ),
            code="content_mismatch",
            params={"extension": extension},
        )


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match their name."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document_content(file)
        return file
