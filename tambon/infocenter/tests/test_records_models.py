"""Records, folders and files: what the clerk is told when saving them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from tambon.core.tests.factories import default_organization
from tambon.infocenter.models import InfoRecord, InfoRecordFile, RecordCategory

pytestmark = pytest.mark.django_db


@pytest.fixture
def folder():
    return RecordCategory.objects.for_organization(default_organization()).create(
        name="แฟ้มทดสอบ", slug="model-folder"
    )


@pytest.mark.parametrize(
    ("published_on", "expected"),
    [(datetime.date(2024, 9, 30), 2567), (datetime.date(2024, 10, 1), 2568)],
)
def test_fiscal_year_defaults_to_that_of_the_publish_date(folder, published_on, expected):
    record = InfoRecord.objects.create(title="ก", category=folder, published_on=published_on)

    assert record.fiscal_year == expected


def test_a_given_fiscal_year_is_kept(folder):
    record = InfoRecord.objects.create(
        title="ก", category=folder, published_on=datetime.date(2024, 10, 1), fiscal_year=2567
    )

    assert record.fiscal_year == 2567


def test_a_christian_era_fiscal_year_or_a_reversed_period_is_refused_in_thai(folder):
    record = InfoRecord(
        title="ก",
        category=folder,
        published_on=datetime.date(2024, 10, 1),
        fiscal_year=2024,
        period_start=datetime.date(2024, 10, 1),
        period_end=datetime.date(2024, 9, 1),
    )

    with pytest.raises(ValidationError) as raised:
        record.full_clean()

    assert "พ.ศ." in raised.value.message_dict["fiscal_year"][0]
    assert "ต้องไม่ก่อนวันเริ่มต้น" in raised.value.message_dict["period_end"][0]


def test_a_record_file_must_be_pdf_docx_or_xlsx(folder):
    record = InfoRecord.objects.create(
        title="ก", category=folder, published_on=datetime.date(2024, 1, 1)
    )
    document = Document(title="ตาราง")
    document.file.save("table.csv", ContentFile(b"a,b\n1,2\n"), save=False)
    document.save()

    with pytest.raises(ValidationError) as raised:
        InfoRecordFile(record=record, document=document).full_clean()

    assert "PDF" in raised.value.message_dict["document"][0]


def test_a_folder_cannot_be_put_inside_its_own_sub_folder(folder):
    child = RecordCategory.objects.for_organization(default_organization()).create(
        name="แฟ้มย่อย", slug="model-child", parent=folder
    )
    folder.parent = child

    with pytest.raises(ValidationError):
        folder.full_clean()


def test_records_of_sub_folders_count_in_their_parent_folder(folder):
    child = RecordCategory.objects.for_organization(default_organization()).create(
        name="แฟ้มย่อย", slug="model-child", parent=folder
    )
    record = InfoRecord.objects.create(
        title="ในแฟ้มย่อย", category=child, published_on=datetime.date(2024, 1, 1)
    )

    assert list(InfoRecord.objects.all_organizations().in_category(folder)) == [record]
