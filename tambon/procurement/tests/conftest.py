import pytest

from .factories import ProcurementIndexPageFactory


@pytest.fixture
def procurement_page(home):
    """The procurement page of the factory-made organization site (at /procurement/)."""
    return ProcurementIndexPageFactory(parent=home)
