import pytest

from tambon.infocenter.ita.loading import load_ita_items


@pytest.fixture
def ita_items(db):
    """The built-in ITA lists (FY 2564, 2565, 2568), loaded from the app's CSV data."""
    load_ita_items()


@pytest.fixture
def visited_site(site):
    """The factory site as it is after its first visitor: the first request makes the visitor
    counter's settings, and saving settings empties the page cache. A test that counts the
    queries of a warm render starts from here, so its warm-up request really warms up."""
    from tambon.stats.models import VisitorCounterSettings

    VisitorCounterSettings.for_site(site)
    return site
