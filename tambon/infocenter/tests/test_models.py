import pytest
from django.core.exceptions import ValidationError

from tambon.core.ita.evidence import EvidenceKind
from tambon.infocenter.models import ItaEvidence, ItaItem
from tambon.pages.tests.factories import ContactPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(ita_items):
    return ItaItem.objects.all_organizations().of_year(2568).get(code="O3")


def test_page_evidence_without_a_page_is_rejected(item):
    evidence = ItaEvidence(item=item, kind=EvidenceKind.PAGE, label="ติดต่อเรา")

    with pytest.raises(ValidationError) as raised:
        evidence.full_clean()

    assert "page" in raised.value.message_dict


def test_page_evidence_with_an_address_as_well_is_rejected(item, home):
    evidence = ItaEvidence(
        item=item,
        kind=EvidenceKind.PAGE,
        page=home,
        external_url="https://example.org/",
        label="หน้าแรก",
    )

    with pytest.raises(ValidationError) as raised:
        evidence.full_clean()

    assert list(raised.value.message_dict) == ["external_url"]


def test_external_evidence_needs_its_address(item):
    evidence = ItaEvidence(item=item, kind=EvidenceKind.URL, label="เว็บไซต์ ป.ป.ช.")

    with pytest.raises(ValidationError) as raised:
        evidence.full_clean()

    assert "external_url" in raised.value.message_dict


def test_evidence_url_follows_its_kind(item, home):
    contact = ContactPageFactory(parent=home, slug="contact")
    page_evidence = ItaEvidence(item=item, kind=EvidenceKind.PAGE, page=contact, label="ติดต่อ")
    external = ItaEvidence(
        item=item, kind=EvidenceKind.URL, external_url="https://itas.nacc.go.th/", label="ITAS"
    )

    page_evidence.full_clean()
    external.full_clean()

    assert page_evidence.url.endswith("/contact/")
    assert external.url == "https://itas.nacc.go.th/"


def test_an_item_code_is_unique_within_its_year(item):
    duplicate = ItaItem(indicator=item.indicator, code="O3", title="ซ้ำ")

    with pytest.raises(ValidationError) as raised:
        duplicate.full_clean(exclude=["year"])

    assert "code" in raised.value.message_dict


def test_an_item_takes_its_year_from_its_indicator(item):
    new = ItaItem.objects.create(indicator=item.indicator, code="O99", title="ทดสอบ")

    assert new.year_id == item.indicator.year_id
