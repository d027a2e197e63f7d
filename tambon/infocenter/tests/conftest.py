import pytest

from tambon.infocenter.loading import load_ita_items


@pytest.fixture
def ita_items(db):
    load_ita_items()
