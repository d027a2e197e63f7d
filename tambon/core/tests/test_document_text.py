"""Saving a document reads its file's text in the background (core/document_text.py): the text
is kept for the organization whose collection holds the document, read again when the file
changes, and an unreadable file leaves an error note without failing the task."""

import pytest
from django.core.files.base import ContentFile
from django_tasks_db.models import DBTaskResult
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tambon.core import memberships
from tambon.core.document_text import extract_document_text, text_of
from tambon.core.models import DocumentText, Organization
from tambon.core.searching import file_text_extracted
from tambon.pages.tests.factories import second_organization_site

from .document_files import docx, docx_bomb, thai_pdf, xlsx
from .worker import run_ready_tasks

pytestmark = pytest.mark.django_db
Document = get_document_model()
NIKHAHIT, SARA_AA, MAI_THO = "\u0e4d", "\u0e32", "\u0e49"


@pytest.fixture
def organization(site):
    return Organization.for_site(site)


@pytest.fixture
def extracted():
    """The documents whose text was reported read, in order."""
    documents = []

    def receive(sender, document, **kwargs):
        documents.append(document.pk)

    file_text_extracted.connect(receive, weak=False)
    yield documents
    file_text_extracted.disconnect(receive)


def upload(collection, name, content, capture, document=None):
    """Save a document with this file, as the admin does, and let the transaction commit."""
    document = document or Document(title=name, collection=collection)
    with capture(execute=True):
        document.file.save(name, ContentFile(content), save=False)
        document.save()
    return document


def row_of(document):
    return DocumentText.objects.all_organizations().get(document=document)


def test_a_thai_pdf_gets_its_text_in_typed_order(
    organization, extracted, django_capture_on_commit_callbacks
):
    pdf = thai_pdf([("typed", "การประปา น" + NIKHAHIT + MAI_THO + SARA_AA), ("spaced", "ประชาคม")])
    collection = memberships.ensure_collection(organization)
    document = upload(collection, "notice.pdf", pdf, django_capture_on_commit_callbacks)
    assert text_of(document) == "การประปา น้ำ\nประชาคม"
    row = row_of(document)
    assert row.organization == organization
    assert row.error == ""
    assert extracted == [document.pk]


@pytest.mark.parametrize(
    ("name", "content", "text"),
    [
        ("plan.docx", docx("แผนพัฒนาท้องถิ่น", "พ.ศ. ๒๕๖๖-๒๕๗๐"), "แผนพัฒนาท้องถิ่น\nพ.ศ. ๒๕๖๖-๒๕๗๐"),
        ("budget.xlsx", xlsx([["เบี้ยยังชีพ", 600]], title="สรุป"), "สรุป\nเบี้ยยังชีพ 600"),
    ],
)
def test_word_and_excel_files_get_their_text(
    organization, name, content, text, django_capture_on_commit_callbacks
):
    collection = memberships.ensure_collection(organization)
    document = upload(collection, name, content, django_capture_on_commit_callbacks)
    assert text_of(document) == text


def test_no_text_before_the_file_is_read(organization):
    collection = memberships.ensure_collection(organization)
    document = Document(title="ยังไม่อ่าน", collection=collection)
    document.file.save("later.docx", ContentFile(docx("ข้อความ")), save=False)
    document.save()  # the test's transaction never commits: the task is not run
    assert text_of(document) == ""


def test_a_replaced_file_is_read_again_and_an_unchanged_one_is_not(
    organization, extracted, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    collection = memberships.ensure_collection(organization)
    document = upload(collection, "notice.docx", docx("ฉบับแรก"), capture)
    read_at = row_of(document).extracted_at
    with capture(execute=True):
        document.title = "ประกาศ (แก้ชื่อ)"
        document.save()
    assert row_of(document).extracted_at == read_at
    upload(collection, "notice.docx", docx("ฉบับแก้ไข"), capture, document=document)
    assert text_of(document) == "ฉบับแก้ไข"
    assert DocumentText.objects.all_organizations().filter(document=document).count() == 1
    assert extracted == [document.pk, document.pk]


def test_the_text_belongs_to_the_organization_whose_collection_holds_the_document(
    organization, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    other = Organization.for_site(second_organization_site("b.localhost"))
    # A folder inside the other organization's collection is the other organization's.
    folder = memberships.ensure_collection(other).add_child(name="ประกาศ")
    document = upload(folder, "their.docx", docx("ของเขา"), capture)
    assert row_of(document).organization == other
    assert DocumentText.objects.for_organization(organization).count() == 0
    with capture(execute=True):
        document.collection = memberships.ensure_collection(organization)
        document.save()
    assert row_of(document).organization == organization
    assert text_of(document) == "ของเขา"


def test_a_document_of_the_root_collection_belongs_to_no_organization_and_has_no_text(
    organization, django_capture_on_commit_callbacks
):
    root = Collection.get_first_root_node()
    document = upload(
        root, "platform.docx", docx("ของแพลตฟอร์ม"), django_capture_on_commit_callbacks
    )
    assert text_of(document) == ""
    assert not DocumentText.objects.all_organizations().filter(document=document).exists()


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("bomb.docx", docx_bomb(megabytes=40), "the package's XML unpacks to more than 30 MB"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj << /Pages 2 0 R", "not a readable .pdf file"),
        ("photo.pdf", b"\xff\xd8\xff\xe0 JFIF" + b"\0" * 64, "not a PDF file"),
    ],
)
def test_a_hostile_or_broken_file_leaves_an_error_note_and_the_task_succeeds(
    organization, extracted, name, content, error, database_tasks, settings
):
    settings.TAMBON_READ_DOCUMENTS_APART = True  # as in production: in a child process
    collection = memberships.ensure_collection(organization)
    document = Document(title=name, collection=collection)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    extract_document_text.enqueue(document.pk)
    run_ready_tasks()
    runs = DBTaskResult.objects.filter(task_path=extract_document_text.module_path)
    assert [run.status for run in runs] == ["SUCCESSFUL"]  # done once, not retried
    row = row_of(document)
    assert row.text == ""
    assert row.error.startswith(error)
    assert extracted == [document.pk]


def test_a_missing_file_leaves_an_error_note(organization, django_capture_on_commit_callbacks):
    collection = memberships.ensure_collection(organization)
    document = upload(
        collection, "gone.pdf", thai_pdf([("typed", "ก")]), django_capture_on_commit_callbacks
    )
    document.file.storage.delete(document.file.name)
    extract_document_text.enqueue(document.pk)
    assert (row_of(document).text, row_of(document).error) == ("", "the file is missing")


def test_the_demo_documents_get_their_text(demo):
    documents = Document.objects.exclude(collection__depth=1)
    assert documents.exists()
    for document in documents:
        assert "SAMPLE DOCUMENT" in text_of(document), document.title
        assert row_of(document).organization.collection_id == document.collection_id
