import pytest

from tambon.pages.tests.factories import town_pages


@pytest.fixture
def town(site):
    """One page of each kind a visitor meets, under the factory-made site's home page."""
    return town_pages(site)
