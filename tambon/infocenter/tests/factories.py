"""Factories of the information center: its three pages, folders and records with files, court
rulings, the gift register, and the ITA lists (years, indicators, items, evidence) with their page.

A test that is about a real year's ITA list loads it from the app's CSV data instead
(``load_ita_items(organization)``, the ``ita_items`` fixture): that list is data of the app, not
the demo.

Folders, rulings, gifts and ITA years are the default site's organization's unless given
``organization=``; a record, file, indicator, item or evidence belongs to the organization of the
row it is under (its folder, record, year, indicator, item).
"""

import datetime
from decimal import Decimal

import factory
from wagtail.documents import get_document_model

from tambon.core.ita.evidence import EvidenceKind
from tambon.core.tests.factories import OrganizationOwnedFactory, PageFactory
from tambon.infocenter.models import (
    AntiCorruptionPage,
    AntiCorruptionTopic,
    CourtRuling,
    CourtRulingsPage,
    GiftDisposal,
    GiftRegisterEntry,
    InfoCenterPage,
    InfoRecord,
    InfoRecordFile,
    ItaEvidence,
    ItaIndicator,
    ItaItem,
    ItaYear,
    ItaYearPage,
    RecordCategory,
)

# The smallest file a PDF reader accepts as one: enough for the type checks and a download.
PDF_CONTENT = b"%PDF-1.4\n%%EOF\n" + b"%" * 2000


class PdfDocumentFactory(factory.django.DjangoModelFactory):
    """A PDF in Wagtail's document library, with its size noted as the admin's upload does."""

    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"เอกสารทดสอบ {n}")
    file = factory.django.FileField(
        filename=factory.Sequence(lambda n: f"document-{n}.pdf"), data=PDF_CONTENT
    )

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        document = model_class(*args, **kwargs)
        document._set_document_file_metadata()
        document.save()
        return document


# --- Pages ------------------------------------------------------------------------------------


class InfoCenterPageFactory(PageFactory):
    class Meta:
        model = InfoCenterPage

    title = "ศูนย์ข้อมูลข่าวสารทดสอบ"
    slug = "infocenter"
    intro = "ข้อมูลข่าวสารของหน่วยงานทดสอบ"


class CourtRulingsPageFactory(PageFactory):
    class Meta:
        model = CourtRulingsPage

    title = "คำพิพากษาทดสอบ"
    slug = "court-rulings"


class AntiCorruptionPageFactory(PageFactory):
    """Give its topics as unsaved AntiCorruptionTopic objects: ``topics=[...]``."""

    class Meta:
        model = AntiCorruptionPage

    title = "ต่อต้านการทุจริตทดสอบ"
    slug = "anti-corruption"


def topic(heading, category=None, record=None):
    """A topic for AntiCorruptionPageFactory(topics=[...]): a folder or one record."""
    return AntiCorruptionTopic(heading=heading, category=category, record=record)


# --- Folders, records, rulings, gifts ----------------------------------------------------------


class RecordCategoryFactory(OrganizationOwnedFactory):
    """A folder; ``parent=`` another folder makes a sub-folder."""

    class Meta:
        model = RecordCategory

    name = factory.Sequence(lambda n: f"แฟ้มทดสอบ {n}")
    slug = factory.Sequence(lambda n: f"test-folder-{n}")


class InfoRecordFactory(factory.django.DjangoModelFactory):
    """A published record; ``with_file=True`` attaches one PDF."""

    class Meta:
        model = InfoRecord
        skip_postgeneration_save = True

    class Params:
        with_file = factory.Trait(
            file=factory.RelatedFactory(
                "tambon.infocenter.tests.factories.InfoRecordFileFactory",
                factory_related_name="record",
            )
        )

    title = factory.Sequence(lambda n: f"ประกาศทดสอบ {n}")
    category = factory.SubFactory(RecordCategoryFactory)
    published_on = datetime.date(2024, 5, 1)


class InfoRecordFileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InfoRecordFile

    record = factory.SubFactory(InfoRecordFactory)
    document = factory.SubFactory(PdfDocumentFactory)


class CourtRulingFactory(OrganizationOwnedFactory):
    class Meta:
        model = CourtRuling

    case_number = factory.Sequence(lambda n: f"คดีหมายเลขแดงที่ อ.{n + 1}/2566")
    ruling_date = datetime.date(2023, 6, 1)
    court = "ศาลปกครองสูงสุด"
    subject = factory.Sequence(lambda n: f"เรื่องทดสอบ {n}")
    url = "https://www.admincourt.go.th/"


class GiftRegisterEntryFactory(OrganizationOwnedFactory):
    class Meta:
        model = GiftRegisterEntry

    received_on = datetime.date(2024, 5, 1)
    giver = factory.Sequence(lambda n: f"ผู้ให้ทดสอบ {n}")
    recipient_position = "ปลัดองค์การบริหารส่วนตำบล"
    description = factory.Sequence(lambda n: f"ของที่ได้รับทดสอบ {n}")
    estimated_value = Decimal("500.00")
    disposal = GiftDisposal.RETURNED


# --- ITA ------------------------------------------------------------------------------------


class ItaYearFactory(OrganizationOwnedFactory):
    class Meta:
        model = ItaYear
        django_get_or_create = ("organization", "fiscal_year")

    fiscal_year = 2568
    title = factory.LazyAttribute(lambda year: f"ITA ทดสอบ ปีงบประมาณ พ.ศ. {year.fiscal_year}")


class ItaIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ItaIndicator

    year = factory.SubFactory(ItaYearFactory)
    code = factory.Sequence(lambda n: f"9.{n + 1}")
    title = factory.Sequence(lambda n: f"ตัวชี้วัดทดสอบ {n}")


class ItaItemFactory(factory.django.DjangoModelFactory):
    """An item; its year is its indicator's (ItaItem.save)."""

    class Meta:
        model = ItaItem

    indicator = factory.SubFactory(ItaIndicatorFactory)
    code = factory.Sequence(lambda n: f"O{n + 1}")
    title = factory.Sequence(lambda n: f"ข้อทดสอบ {n}")


class ItaEvidenceFactory(factory.django.DjangoModelFactory):
    """Evidence at an outside address; pass ``kind=EvidenceKind.PAGE, page=...`` for a page."""

    class Meta:
        model = ItaEvidence

    item = factory.SubFactory(ItaItemFactory)
    kind = EvidenceKind.URL
    external_url = factory.LazyAttribute(
        lambda evidence: "https://example.org/evidence" if evidence.kind == EvidenceKind.URL else ""
    )
    label = factory.Sequence(lambda n: f"หลักฐานทดสอบ {n}")


class ItaYearPageFactory(PageFactory):
    class Meta:
        model = ItaYearPage

    year = factory.SubFactory(ItaYearFactory)
    title = factory.LazyAttribute(lambda page: f"ITA ทดสอบ {page.year.fiscal_year}")
    slug = factory.LazyAttribute(lambda page: f"ita-{page.year.fiscal_year}")
