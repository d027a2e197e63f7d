"""What counts as a page view by a person. The rules are explained in docs/stats.md.

All checks read the WSGI environ (Django's request.META is the same dictionary), so the cached
fast path and the full Django path apply exactly the same rules.
"""

import re

NOT_COUNTED_PREFIXES = (
    "/admin/",
    "/static/",
    "/media/",
    "/documents/",
    "/feeds/",
    "/django-admin/",
)
NOT_COUNTED_PATHS = frozenset(
    {"/robots.txt", "/sitemap.xml", "/favicon.ico", "/healthz", "/health", "/ping"}
)
# Crawlers, link previewers, monitors and scripts name themselves in the User-Agent.
ROBOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|"
    r"curl|wget|python|httpclient|java/|go-http|okhttp|libwww|scrapy|axios|node-fetch|"
    r"headless|phantomjs|lighthouse|pingdom|uptime|monitor|probe|health|nagios|zabbix",
    re.IGNORECASE,
)
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_PURPOSE", "HTTP_X_MOZ")


def is_counted_path(path):
    return path not in NOT_COUNTED_PATHS and not path.startswith(NOT_COUNTED_PREFIXES)


def is_prefetch(environ):
    return any(
        "prefetch" in environ.get(header, "").lower()
        or "preview" in environ.get(header, "").lower()
        for header in PREFETCH_HEADERS
    )


def looks_like_a_browser(environ):
    """Real browsers name themselves, say which languages they read and ask for HTML.
    Scripts and most crawlers that run no JavaScript leave out at least one of these."""
    user_agent = environ.get("HTTP_USER_AGENT", "")
    if not user_agent or ROBOT_USER_AGENT.search(user_agent):
        return False
    if not environ.get("HTTP_ACCEPT_LANGUAGE"):
        return False
    accept = environ.get("HTTP_ACCEPT", "")
    return "text/html" in accept or "*/*" in accept


def is_countable_request(environ):
    """A GET of a public page by a browser that is not prefetching it."""
    return (
        environ.get("REQUEST_METHOD") == "GET"
        and is_counted_path(environ.get("PATH_INFO", ""))
        and not is_prefetch(environ)
        and looks_like_a_browser(environ)
    )
