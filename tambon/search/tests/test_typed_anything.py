"""Whatever a person types in a search box gives a page of results, never a server error."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from tambon.pages.tests.factories import town_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def town(site):
    return town_pages(site)


@pytest.mark.parametrize("typed", ['"', 'a"b', "a\x00b", "\x00", '"ประชาคม', "ข่าว*)(^:"])
def test_public_search_answers_anything_typed(client, town, typed):
    response = client.get("/search/", {"q": typed})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    assert soup.select_one("#search-page-q") is not None


def test_a_stray_quote_does_not_hide_what_the_words_find(client, town):
    soup = BeautifulSoup(
        client.get("/search/", {"q": '"ประชาคมหมู่บ้าน'}).content.decode(), "html.parser"
    )
    titles = [a.get_text(strip=True) for a in soup.select("ol.results a")]
    assert any(title.startswith("โครงการประชาคมหมู่บ้านทดสอบ") for title in titles)


@pytest.mark.parametrize("listing", ["/admin/images/", "/admin/documents/", "/admin/pages/search/"])
@pytest.mark.parametrize("typed", ['"', "a\x00b"])
def test_admin_searches_answer_anything_typed(client, town, listing, typed):
    clerk = get_user_model().objects.create_superuser("clerk", "clerk@pong.example", "x" * 12)
    client.force_login(clerk)
    assert client.get(listing, {"q": typed}).status_code == 200
