"""Factories of the page types of ``pages``, and ``organization_site``: the smallest site a
public page can be rendered on."""

import datetime

import factory
from wagtail.models import Page

from tambon.core.tests.factories import (
    FooterSettingsFactory,
    OrganizationFactory,
    PageFactory,
    clear_page_tree,
    make_default_site,
)
from tambon.pages.models import (
    ContactPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SitemapPage,
    StandardPage,
)


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "หน้าแรก"
    slug = "home"
    welcome_title = "ยินดีต้อนรับสู่เว็บไซต์ทดสอบ"


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    intro = factory.LazyAttribute(lambda page: f"บทนำของ{page.title}")


class NewsIndexPageFactory(PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "ข่าวสาร"
    slug = "news"


class NewsPageFactory(PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"ข่าวทดสอบ {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    date = datetime.date(2024, 5, 1)
    category = "news"
    body = factory.LazyAttribute(lambda post: [("rich_text", f"<p>เนื้อหาของ{post.title}</p>")])


class ContactPageFactory(PageFactory):
    class Meta:
        model = ContactPage

    title = "ติดต่อเรา"
    slug = "contact"


def organization_site(**organization):
    """The default Site with a HomePage as its root, its organization and its footer settings.
    ``organization`` overrides fields of Organization (name, phone, ...)."""
    clear_page_tree()
    home = HomePageFactory(parent=Page.get_first_root_node())
    site = make_default_site(home)
    OrganizationFactory(site=site, **organization)
    FooterSettingsFactory(site=site)
    return site


class SitemapPageFactory(PageFactory):
    class Meta:
        model = SitemapPage

    title = "แผนผังเว็บไซต์"
    slug = "sitemap"
