"""The page tree only allows what makes sense, so a clerk cannot build a confusing site."""

import pytest

from tambon.pages.models import ContactPage, HomePage, NewsIndexPage, NewsPage, StandardPage
from tambon.pages.tests.factories import (
    ContactPageFactory,
    NewsIndexPageFactory,
    StandardPageFactory,
)
from tambon.people.models import OrgChartPage, PersonPage
from tambon.people.tests.factories import OrgChartPageFactory, PeopleIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home):
    return PeopleIndexPageFactory(parent=home)


def test_news_posts_live_only_in_a_news_index(home):
    news_index = NewsIndexPageFactory(parent=home)
    assert NewsPage.can_create_at(news_index)
    assert not NewsPage.can_create_at(home)
    assert not NewsPage.can_create_at(StandardPageFactory(parent=home, slug="about"))


def test_people_live_only_in_the_directory(home, directory):
    assert PersonPage.can_create_at(directory)
    assert not PersonPage.can_create_at(home)


def test_one_contact_page_and_one_org_chart_per_parent(home, directory):
    assert ContactPage.can_create_at(home)
    assert OrgChartPage.can_create_at(directory)
    ContactPageFactory(parent=home)
    OrgChartPageFactory(parent=directory)
    assert not ContactPage.can_create_at(home)
    assert not OrgChartPage.can_create_at(directory)


def test_home_pages_sit_only_at_the_top_of_the_tree(home):
    assert not HomePage.can_create_at(home)
    assert set(HomePage.allowed_subpage_models()) >= {StandardPage, NewsIndexPage, ContactPage}


@pytest.mark.parametrize("slug", ["", "ขาวสาร-ประชาสมพนธ"])
def test_thai_titled_page_gets_a_romanised_slug_that_is_served(client, home, slug):
    page = StandardPage(title="ข่าวสาร ประชาสัมพันธ์", slug=slug)
    home.add_child(instance=page)
    page.save_revision().publish()
    assert page.slug == "khawsar-prachasamphanth"
    response = client.get(page.url)
    assert response.status_code == 200
    assert "ข่าวสาร ประชาสัมพันธ์" in response.content.decode()
