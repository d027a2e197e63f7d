"""A page belongs to the organization whose site tree holds it: its search documents are
filed under that organization, found in one query however many sites the deployment has."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from tambon.core.models import Organization
from tambon.core.page_search import organization_ids_of_page
from tambon.pages.tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    second_organization_site,
)

pytestmark = pytest.mark.django_db


def test_a_page_belongs_to_the_organization_whose_tree_holds_it(site):
    other = second_organization_site("other.example")
    for number in range(10):  # more organizations: none of them holds our pages
        second_organization_site(f"o{number}.example")
    ours, theirs = Organization.for_site(site), Organization.for_site(other)
    news = NewsIndexPageFactory(parent=site.root_page, slug="news")
    post = NewsPageFactory(parent=news, title="ข่าวของเรา")
    their_post = NewsPageFactory(parent=other.root_page.specific, title="ข่าวของเขา")

    with CaptureQueriesContext(connection) as queries:
        assert organization_ids_of_page(post) == [ours.pk]
    assert len(queries) == 1
    assert organization_ids_of_page(site.root_page) == [ours.pk]
    assert organization_ids_of_page(their_post) == [theirs.pk]
    assert organization_ids_of_page(Page.get_first_root_node()) == []


def test_a_deleted_page_still_belongs_to_its_organization(site):
    """Deleting a page takes its documents out of its organization's index: the page's
    organization is still known from its tree path once the row is gone."""
    post = NewsPageFactory(parent=site.root_page, title="ข่าวที่จะลบ")
    post.delete()
    assert organization_ids_of_page(post) == [Organization.for_site(site).pk]
