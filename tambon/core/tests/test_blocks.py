import pytest
from wagtail.blocks import StructBlockValidationError

from tambon.core.blocks import LinkBlock
from tambon.core.tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def block():
    return LinkBlock()


def test_link_needs_a_page_or_an_address(block):
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "address": ""}))


def test_link_refuses_both_a_page_and_an_address(block, home):
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": home.pk, "address": "https://www.nacc.go.th/"}))


@pytest.mark.parametrize("address", ["www.nacc.go.th", "javascript:alert(1)", "ftp://x.example"])
def test_link_refuses_addresses_a_browser_would_misread(block, address):
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"page": None, "address": address}))


@pytest.mark.parametrize(
    "address", ["https://www.nacc.go.th/", "/news/category/executive/", "tel:1567"]
)
def test_link_accepts_absolute_addresses_site_paths_and_phone_numbers(block, address):
    value = block.clean(block.to_python({"page": None, "address": address}))
    assert value.url == address


def test_link_to_a_page_follows_the_page(block, home):
    value = block.clean(block.to_python({"page": home.pk, "address": ""}))
    assert value.url == home.url
    assert not value.is_external


def test_an_image_in_the_content_needs_alt_text_or_a_decorative_mark():
    from tambon.core.blocks import CaptionedImageBlock

    block = CaptionedImageBlock()
    image = ImageFactory()
    without_alt = {"image": {"image": image.pk, "alt_text": "", "decorative": False}}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(without_alt))
    decorative = {"image": {"image": image.pk, "alt_text": "", "decorative": True}}
    block.clean(block.to_python(decorative))
    described = {"image": {"image": image.pk, "alt_text": "ทุ่งนาตำบลพงษ์", "decorative": False}}
    assert block.clean(block.to_python(described))["image"].contextual_alt_text == "ทุ่งนาตำบลพงษ์"
