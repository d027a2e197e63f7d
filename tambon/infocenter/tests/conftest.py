import datetime

import pytest

from tambon.core.tests.factories import default_organization
from tambon.infocenter.ita.coverage import link_all_suggestions
from tambon.infocenter.ita.loading import load_ita_items
from tambon.infocenter.models import ItaYear


@pytest.fixture
def ita_items(site):
    """The built-in ITA lists (FY 2564, 2565, 2568), loaded from the app's CSV data."""
    load_ita_items(default_organization())


@pytest.fixture
def visited_site(site):
    """The factory site as it is after its first visitor: the first request makes the visitor
    counter's settings, and saving settings empties the page cache. A test that counts the
    queries of a warm render starts from here, so its warm-up request really warms up."""
    from tambon.stats.models import VisitorCounterSettings

    VisitorCounterSettings.for_site(site)
    return site


@pytest.fixture
def answering_pages(home):
    """Pages of other apps that answer ITA items of FY 2568, under the factory home page:
    the executives (O2), the contact page (O3) and news of the fiscal year (O4). A clerk and
    last year's news are there too, to show that only the right pages are suggested."""
    from tambon.pages.tests.factories import (
        ContactPageFactory,
        NewsIndexPageFactory,
        NewsPageFactory,
    )
    from tambon.people.models import PositionGroup
    from tambon.people.tests.factories import (
        PeopleIndexPageFactory,
        PersonPageFactory,
        PositionFactory,
    )

    people = PeopleIndexPageFactory(parent=home)
    mayor = PositionFactory(title="นายกองค์การบริหารส่วนตำบล", group=PositionGroup.EXECUTIVE, rank=1)
    deputy = PositionFactory(
        title="รองนายกองค์การบริหารส่วนตำบล", group=PositionGroup.EXECUTIVE, rank=2
    )
    clerk = PositionFactory(title="เจ้าพนักงานธุรการ", group=PositionGroup.STAFF, rank=1)
    news = NewsIndexPageFactory(parent=home)
    return {
        # Added in another order than their rank, which decides the order of the suggestions.
        "deputy-mayor-2": PersonPageFactory(
            parent=people, title="รองสอง", slug="deputy-mayor-2", position=deputy, sort_order=2
        ),
        "mayor": PersonPageFactory(parent=people, title="นายกทดสอบ", slug="mayor", position=mayor),
        "deputy-mayor-1": PersonPageFactory(
            parent=people, title="รองหนึ่ง", slug="deputy-mayor-1", position=deputy, sort_order=1
        ),
        "clerk": PersonPageFactory(parent=people, title="ธุรการ", slug="clerk", position=clerk),
        "contact": ContactPageFactory(parent=home),
        "news": news,
        "news-2568": NewsPageFactory(parent=news, date=datetime.date(2025, 3, 1)),
        "news-2567": NewsPageFactory(parent=news, date=datetime.date(2024, 3, 1)),
    }


@pytest.fixture
def fy2568(ita_items, site, answering_pages):
    """FY 2568's real list, with the evidence the site's pages answer linked from the
    suggestions, as a clerk does from the dashboard."""
    year = ItaYear.objects.all_organizations().get(fiscal_year=2568)
    link_all_suggestions(year)
    return year
