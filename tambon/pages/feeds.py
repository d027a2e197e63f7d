"""RSS and Atom feeds of the site's news, newest first."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from tambon.core.models import Organization
from tambon.thai.dates import BANGKOK

from .models import NewsPage

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    def get_object(self, request):
        return Site.find_for_request(request)

    def title(self, site):
        return str(_("News from %(name)s")) % {"name": Organization.for_site(site).name}

    def link(self, site):
        return "/"

    def description(self, site):
        return self.title(site)

    def items(self, site):
        pages = NewsPage.objects.live().public().newest_first()
        if site:
            pages = pages.descendant_of(site.root_page)
        return pages[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description

    def item_link(self, item):
        return item.get_url()

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(8, 0), tzinfo=BANGKOK)

    def item_categories(self, item):
        return [item.get_category_display(), *item.tags.names()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
