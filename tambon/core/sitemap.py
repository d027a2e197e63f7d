"""sitemap.xml with the addresses a visitor reaches: the scheme and host of the request.

Wagtail writes each page's address from its Site record (host name and port), which says
`http://localhost/` for a site whose record was never edited and `http://` behind a TLS proxy;
a search engine that fetched https://www.pong.go.th/sitemap.xml should get that host back, as
robots.txt already does. HostNameMiddleware has sent an extra host name to the site's main one
before this runs.
"""

from urllib.parse import urlsplit

from wagtail.contrib.sitemaps import Sitemap


class RequestHostSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url_info in urls:
            address = urlsplit(url_info["location"])
            path = address.path + (f"?{address.query}" if address.query else "")
            url_info["location"] = self.request.build_absolute_uri(path)
        return urls
