"""News posts for the site search: their own kind, dated by the news date."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import PageViewRestriction

from tambon.core.page_search import PageSearchSource
from tambon.core.searching import source

from .models import NewsPage


@source
class NewsSource(PageSearchSource):
    kind = "news"
    label = _("News")
    models = (NewsPage, PageViewRestriction)

    def page_date(self, page):
        return page.date
