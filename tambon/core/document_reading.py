"""Plain text out of an uploaded PDF, DOCX or XLSX file, within limits a hostile file cannot pass.

An uploaded file is anyone's: a staff member's scan, a contractor's spreadsheet, a file made to
hurt. `read_text_apart` reads it in a child process of its own (this module run as a script),
held to `Limits.memory_bytes` of memory and stopped at `Limits.seconds`: a PDF of a few KB can
keep pypdf busy for hours, and the task worker must not wait for it. Inside, `read_text` keeps
to the other limits: the file's size, the pages read, the characters kept, and the sizes a ZIP
package (DOCX, XLSX) declares for its parts, all of them and the XML ones that are read, before
any part is unpacked (the zipfile module never unpacks more than a part declares). What is
past a limit is left unread and the note says so; a file that cannot be read raises Unreadable
with the reason. No other exception leaves `read_text` or `read_text_apart`.

PDF text is normalised for Thai (tambon/thai/pdf_text.py); Word and Excel files keep the
characters as typed.
"""

import datetime
import importlib
import io
import json
import resource
import signal
import subprocess
import sys
import time
import warnings
import zipfile
from dataclasses import asdict, dataclass

from defusedxml import ElementTree as SafeElementTree

from tambon.thai.pdf_text import normalise_pdf_text, tidy_spaces

WORD = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 50 * MB
    pages: int = 500
    characters: int = 1_000_000
    zip_parts: int = 5_000
    unzipped_bytes: int = 200 * MB  # all parts of a DOCX or XLSX together, as declared
    xml_bytes: int = 30 * MB  # its XML parts together (the ones read; pictures are not)
    seconds: float = 60
    memory_bytes: int = 1024 * MB  # the child process's address space


@dataclass(frozen=True)
class Reading:
    text: str
    note: str = ""  # why part of the file was left unread, if it was


class Unreadable(Exception):
    """The file cannot be read; the message says why (kept as the document's error note)."""


class _OutOfTime(BaseException):  # not an Exception: no library's `except Exception` stops it
    pass


class _Budget:
    """The text read so far, and whether a limit stops the reading."""

    def __init__(self, limits, clock):
        self.limits, self.clock = limits, clock
        self.deadline = clock() + limits.seconds
        self.parts, self.characters, self.note = [], 0, ""

    def add(self, text):
        """Keep `text`; False once the reading must stop."""
        room = self.limits.characters - self.characters
        if len(text) >= room:
            text = text[:room]
            self.note = f"only the first {self.limits.characters:,} characters are kept"
        self.parts.append(text)
        self.characters += len(text)
        if not self.note and self.clock() > self.deadline:
            self.note = f"reading stopped after {self.limits.seconds:g} seconds"
        return not self.note

    def stop(self, note):
        self.note = self.note or note

    def text(self):
        return "".join(self.parts)


def read_text_apart(content, name, limits=Limits()):
    """read_text in a child process, which the limits of time and memory hold, not this one."""
    if _kind(name) not in READERS:
        return Reading("")
    if len(content) > limits.file_bytes:
        raise Unreadable(f"the file is larger than {limits.file_bytes // MB} MB")
    command = [
        sys.executable,
        "-I",
        "-m",
        __name__,
        f"file.{_kind(name)}",
        json.dumps(asdict(limits)),
    ]
    try:
        # The child stops itself at limits.seconds; this is for a child that cannot.
        done = subprocess.run(  # noqa: S603 (our own module; the kind is one of READERS)
            command, input=content, capture_output=True, timeout=limits.seconds + STARTUP_SECONDS
        )
    except subprocess.TimeoutExpired:
        raise Unreadable(f"reading took longer than {limits.seconds:g} seconds") from None
    try:
        answer = json.loads(done.stdout)
    except ValueError:
        raise Unreadable(f"the reader stopped (exit status {done.returncode})") from None
    if "unreadable" in answer:
        raise Unreadable(answer["unreadable"])
    return Reading(answer["text"], answer["note"])


STARTUP_SECONDS = 20  # starting Python and importing the readers on a busy server


def read_text(content, name, limits=Limits(), clock=time.monotonic):
    """The text of a file's `content` (bytes), read by the kind its `name` says."""
    kind = _kind(name)
    if kind not in READERS:
        return Reading("")
    if len(content) > limits.file_bytes:
        raise Unreadable(f"the file is larger than {limits.file_bytes // MB} MB")
    budget = _Budget(limits, clock)
    try:
        READERS[kind](content, budget)
    except _OutOfTime:
        budget.stop(f"reading stopped after {limits.seconds:g} seconds")
    except Unreadable:
        raise
    except Exception as error:  # a broken or hostile file: whatever the reader raised
        raise Unreadable(f"not a readable .{kind} file ({type(error).__name__})") from error
    tidy = normalise_pdf_text if kind == "pdf" else tidy_spaces
    return Reading(tidy(budget.text()), budget.note)


def _kind(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_pdf(content, budget):
    from pypdf import PdfReader

    if not content[:1024].lstrip().startswith(b"%PDF-"):
        raise Unreadable("not a PDF file")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable("the PDF is protected by a password")
        for number, page in enumerate(reader.pages):
            if number == budget.limits.pages:
                budget.stop(f"only the first {budget.limits.pages} pages are read")
                break
            if not budget.add((page.extract_text() or "") + "\n"):
                break


def open_package(content, budget):
    """The ZIP package of a DOCX or XLSX file, once its declared sizes are within the limits."""
    try:
        package = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile:
        raise Unreadable("not a ZIP package (DOCX and XLSX files are)") from None
    parts = package.infolist()
    if len(parts) > budget.limits.zip_parts:
        raise Unreadable(f"the package has more than {budget.limits.zip_parts} parts")
    most = budget.limits.unzipped_bytes
    if sum(part.file_size for part in parts) > most:
        raise Unreadable(f"the package unpacks to more than {most // MB} MB")
    most = budget.limits.xml_bytes
    if sum(part.file_size for part in parts if _is_xml(part.filename)) > most:
        raise Unreadable(f"the package's XML unpacks to more than {most // MB} MB")
    return package


def _is_xml(name):
    return name.lower().endswith((".xml", ".rels", ".vml"))


def read_docx(content, budget):
    with open_package(content, budget) as package:
        if "word/document.xml" not in package.namelist():
            raise Unreadable("not a Word document (no word/document.xml)")
        with package.open("word/document.xml") as part:
            events = SafeElementTree.iterparse(part, events=("end",), forbid_dtd=True)
            for _event, element in events:
                if not budget.add(_word_text(element)):
                    break
                if element.tag == WORD + "p":
                    element.clear()  # its text is kept: free the paragraph


def _word_text(element):
    tag = element.tag
    if tag == WORD + "t":
        return element.text or ""
    if tag == WORD + "tab":
        return "\t"
    if tag in (WORD + "br", WORD + "cr", WORD + "p"):
        return "\n"
    return ""


def read_xlsx(content, budget):
    from openpyxl import load_workbook

    open_package(content, budget).close()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        try:
            _read_sheets(workbook, budget)
        finally:
            workbook.close()


def _read_sheets(workbook, budget):
    for sheet in workbook.worksheets:
        # The size a sheet declares is not trusted: only the rows and cells it has are read.
        sheet.reset_dimensions()
        if not budget.add(sheet.title + "\n"):
            return
        for row in sheet.iter_rows(values_only=True):
            cells = [_cell_text(value) for value in row if value not in (None, "")]
            if not budget.add(" ".join(cells) + "\n"):
                return


def _cell_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime) and value.time() == datetime.time():
        return value.date().isoformat()
    return str(value)


READERS = {"pdf": read_pdf, "docx": read_docx, "xlsx": read_xlsx}
LIBRARIES = {"pdf": "pypdf", "xlsx": "openpyxl"}


def main():
    """The child process: the file on standard input, the answer as JSON on standard output."""
    name, limits = sys.argv[1], Limits(**json.loads(sys.argv[2]))
    if _kind(name) in LIBRARIES:  # imported before the clock starts
        importlib.import_module(LIBRARIES[_kind(name)])
    resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    content = sys.stdin.buffer.read(limits.file_bytes + 1)

    def out_of_time(signum, frame):
        raise _OutOfTime

    signal.signal(signal.SIGALRM, out_of_time)
    signal.setitimer(signal.ITIMER_REAL, limits.seconds)
    try:
        reading = read_text(content, name, limits)
        answer = {"text": reading.text, "note": reading.note}
    except Unreadable as unreadable:
        answer = {"unreadable": str(unreadable)}
    except _OutOfTime:  # the time ran out after the reading, while the text was tidied
        answer = {"unreadable": f"reading took longer than {limits.seconds:g} seconds"}
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    sys.stdout.buffer.write(json.dumps(answer, ensure_ascii=False).encode())


if __name__ == "__main__":
    main()
