"""The index follows the site: a page is found once published and not after it is unpublished,
made private or deleted; a draft record is never found. (The unit tests' task backend runs the
indexing tasks at once, as a worker would a moment later.)"""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from tambon.core import memberships
from tambon.core.models import Organization
from tambon.core.tests.document_files import docx
from tambon.infocenter.tests.factories import (
    InfoCenterPageFactory,
    InfoRecordFactory,
    InfoRecordFileFactory,
    RecordCategoryFactory,
)
from tambon.pages.models import NewsPage
from tambon.pages.tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    second_organization_site,
)

pytestmark = pytest.mark.django_db
Document = get_document_model()


def titles(client, query, host=None):
    extra = {"HTTP_HOST": host} if host else {}
    response = client.get("/search/", {"q": query}, **extra)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text(strip=True) for a in soup.select("ol.results > li > a")]


@pytest.fixture
def news(home):
    return NewsIndexPageFactory(parent=home)


def test_a_published_post_is_found_and_disappears_when_unpublished(client, news):
    post = NewsPageFactory(parent=news, title="ประกาศรับสมัครนักกีฬาฟุตบอลเยาวชน")
    assert titles(client, "ฟุตบอล") == ["ประกาศรับสมัครนักกีฬาฟุตบอลเยาวชน"]
    post.unpublish()
    assert titles(client, "ฟุตบอล") == []
    post.save_revision().publish()
    assert titles(client, "ฟุตบอล") == ["ประกาศรับสมัครนักกีฬาฟุตบอลเยาวชน"]


def test_a_deleted_page_is_no_longer_found(client, home):
    page = StandardPageFactory(parent=home, title="ขั้นตอนการขออนุญาตตัดต้นไม้")
    assert titles(client, "ตัดต้นไม้") == ["ขั้นตอนการขออนุญาตตัดต้นไม้"]
    page.delete()
    assert titles(client, "ตัดต้นไม้") == []


def test_a_draft_is_never_found_and_an_edit_is_found_once_published(client, news):
    draft = NewsPage(title="ข่าวร่างเรื่องสระว่ายน้ำ", slug="draft", live=False, body=[])
    news.add_child(instance=draft)
    draft.save_revision()
    post = NewsPageFactory(parent=news, title="เปิดตลาดนัดเกษตรกร")
    assert titles(client, "สระว่ายน้ำ") == []
    post.title = "เปิดตลาดนัดเกษตรกรและสระว่ายน้ำชุมชน"
    post.save_revision()  # a draft of the change: the live post is unchanged
    assert titles(client, "สระว่ายน้ำ") == []
    post.get_latest_revision().publish()
    assert titles(client, "สระว่ายน้ำ") == ["เปิดตลาดนัดเกษตรกรและสระว่ายน้ำชุมชน"]


def test_a_page_behind_a_view_restriction_is_not_found(client, home):
    members = StandardPageFactory(parent=home, title="สำหรับสมาชิกสภา")
    StandardPageFactory(parent=members, title="รายงานการประชุมลับของสภา")
    assert "รายงานการประชุมลับของสภา" in titles(client, "ประชุมลับ")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    assert titles(client, "ประชุมลับ") == []


def test_a_draft_record_is_not_found_until_it_is_made_visible(client, home):
    InfoCenterPageFactory(parent=home)
    folder = RecordCategoryFactory(name="ประกาศ")
    record = InfoRecordFactory(title="ประกาศผลการสอบคัดเลือกพนักงานจ้าง", category=folder, live=False)
    assert titles(client, "สอบคัดเลือก") == []
    record.live = True
    record.save()
    assert titles(client, "สอบคัดเลือก") == ["ประกาศผลการสอบคัดเลือกพนักงานจ้าง"]
    record.delete()
    assert titles(client, "สอบคัดเลือก") == []


def test_another_organizations_page_is_found_on_its_site_only(client, home):
    StandardPageFactory(parent=home, title="ตลาดน้ำของเรา")
    other = second_organization_site()
    StandardPageFactory(parent=other.root_page, title="ตลาดน้ำของเขา")
    assert titles(client, "ตลาดน้ำ") == ["ตลาดน้ำของเรา"]
    assert titles(client, "ตลาดน้ำ", host="127.0.0.1") == ["ตลาดน้ำของเขา"]


def test_rebuilding_the_index_shows_progress_and_keeps_what_is_found(client, home, news):
    NewsPageFactory(parent=news, title="ข่าววันเด็กแห่งชาติ", date=datetime.date(2025, 1, 11))
    organization = Organization.objects.get(site__root_page=home)
    out, err = io.StringIO(), io.StringIO()
    call_command("rebuild_search_index", organization=organization.pk, stdout=out, stderr=err)
    assert "documents indexed" in out.getvalue()
    assert str(organization.pk) in err.getvalue()
    assert titles(client, "วันเด็ก") == ["ข่าววันเด็กแห่งชาติ"]


def test_rebuilding_an_unknown_organization_is_refused(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("rebuild_search_index", organization=999_999)


def _upload(collection, content, capture):
    """A DOCX saved as the admin saves it; its text is read once the transaction commits."""
    document = Document(title="เอกสารแนบ.docx", collection=collection)
    with capture(execute=True):
        document.file.save("attachment.docx", ContentFile(content), save=False)
        document.save()
    return document


def test_a_record_is_found_by_the_text_of_its_file_once_it_is_read(
    client, home, django_capture_on_commit_callbacks
):
    InfoCenterPageFactory(parent=home)
    organization = Organization.objects.get(site__root_page=home)
    document = Document(title="แผน.docx", collection=memberships.ensure_collection(organization))
    document.file.save("plan.docx", ContentFile(docx("จัดซื้อหนังสือเข้าห้องสมุดประชาชน")))
    InfoRecordFileFactory(record=InfoRecordFactory(title="แผนงานประจำปี"), document=document)
    assert titles(client, "ห้องสมุด") == []  # not read yet: the commit has not happened
    with django_capture_on_commit_callbacks(execute=True):
        document.save()  # committed: the text is read, and the record indexed again
    assert titles(client, "ห้องสมุด") == ["แผนงานประจำปี"]


def test_the_text_of_a_file_in_a_private_collection_is_not_searchable(
    client, home, django_capture_on_commit_callbacks
):
    InfoCenterPageFactory(parent=home)
    organization = Organization.objects.get(site__root_page=home)
    private = memberships.ensure_collection(organization).add_child(name="ลับ")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = _upload(private, docx("รายชื่อผู้ได้รับความช่วยเหลือ"), django_capture_on_commit_callbacks)
    InfoRecordFileFactory(record=InfoRecordFactory(title="ประกาศช่วยเหลือ"), document=document)
    assert titles(client, "รายชื่อผู้ได้รับ") == []
    assert titles(client, "ประกาศช่วยเหลือ") == ["ประกาศช่วยเหลือ"]  # the record itself is public
