from .contact import ContactPage
from .home import HomePage
from .link import LinkPage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .standard import SitemapPage, StandardPage

__all__ = [
    "ContactPage",
    "HomePage",
    "LinkPage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "SitemapPage",
    "StandardPage",
]
