"""Fixtures of the apps' own tests that the composition's tests use across apps."""

import pytest

from tambon.cases.tests.conftest import starter_categories  # noqa: F401
from tambon.core.tests.test_pagecache import app, tax_notice  # noqa: F401


@pytest.fixture
def news(site, home):
    """A news listing with one post (test_replica_routing.FIRST_POST)."""
    from tambon.pages.tests.factories import NewsIndexPageFactory, NewsPageFactory
    from tambon.stats.tests.factories import VisitorCounterSettingsFactory

    from .test_replica_routing import FIRST_POST

    # A site's settings rows exist once it has been visited (the first visit writes them, and
    # a view that wrote reads the primary from then on): here they exist from the start.
    VisitorCounterSettingsFactory(site=site)
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title=FIRST_POST)
    return index
