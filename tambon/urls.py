from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from tambon.cases.sitemaps import CaseFormsSitemap
from tambon.core import views as core_views
from tambon.core.replica import reads_from_replica
from tambon.core.sitemap import RequestHostSitemap
from tambon.pages.feeds import NewsAtomFeed, NewsRssFeed
from tambon.search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("search.json", search_views.search_json, name="search-json"),
    path("cases/", include("tambon.cases.urls")),
    path("open311/v2/", include("tambon.cases.open311.urls")),
    path("participation/", include("tambon.participation.urls")),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {"wagtail": RequestHostSitemap, "forms": CaseFormsSitemap}},
        name="sitemap-xml",
    ),
    path("robots.txt", core_views.robots_txt, name="robots-txt"),
    path("feeds/news.rss", reads_from_replica(NewsRssFeed()), name="news-rss"),
    path("feeds/news.atom", reads_from_replica(NewsAtomFeed()), name="news-atom"),
]

if settings.DEBUG or getattr(settings, "TAMBON_SERVE_MEDIA", False):
    # The embedded profile serves uploads itself; a bigger install lets nginx do it. Documents
    # never: they go through /documents/, which refuses those of a private collection.
    urlpatterns += [
        re_path(
            r"^media/(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}
        ),
    ]

urlpatterns += [
    path("", include("tambon.infocenter.urls")),  # old records.csv / .json addresses: 301
    path("", include(wagtail_urls)),
]

handler500 = "tambon.core.views.server_error"
