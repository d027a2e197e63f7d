from .contact import ContactPage
from .home import HomePage
from .news import NewsCategory, NewsIndexPage, NewsPage, NewsPageTag
from .standard import SitemapPage, StandardPage

__all__ = [
    "ContactPage",
    "HomePage",
    "NewsCategory",
    "NewsIndexPage",
    "NewsPage",
    "NewsPageTag",
    "SitemapPage",
    "StandardPage",
]
