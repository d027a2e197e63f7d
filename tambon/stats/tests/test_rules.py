"""Each rule of docs/stats.md: what counts as a page view by a person."""

import pytest

from tambon.stats.rules import is_countable_request

BROWSER = {
    "REQUEST_METHOD": "GET",
    "PATH_INFO": "/news/",
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile",
    "HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8",
    "HTTP_ACCEPT_LANGUAGE": "th-TH,th;q=0.9",
}


def request(**changes):
    environ = {**BROWSER, **changes}
    return {k: v for k, v in environ.items() if v is not None}


def test_a_phone_browser_opening_a_page_counts():
    assert is_countable_request(request())


@pytest.mark.parametrize(
    "user_agent",
    [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "kube-probe/1.29",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0",
        "UptimeRobot/2.0",
    ],
)
def test_robots_and_scripts_do_not_count(user_agent):
    assert not is_countable_request(request(HTTP_USER_AGENT=user_agent))


def test_a_client_without_user_agent_does_not_count():
    assert not is_countable_request(request(HTTP_USER_AGENT=None))


def test_a_client_that_reads_no_language_does_not_count():
    # Browsers always send Accept-Language; scripts that run no JavaScript usually don't.
    assert not is_countable_request(request(HTTP_ACCEPT_LANGUAGE=None))


def test_a_client_that_does_not_ask_for_html_does_not_count():
    assert not is_countable_request(request(HTTP_ACCEPT="application/json"))


@pytest.mark.parametrize(
    "header,value",
    [
        ("HTTP_SEC_PURPOSE", "prefetch"),
        ("HTTP_SEC_PURPOSE", "prefetch;prerender"),
        ("HTTP_PURPOSE", "prefetch"),
        ("HTTP_X_MOZ", "prefetch"),
        ("HTTP_X_PURPOSE", "preview"),
    ],
)
def test_prefetches_do_not_count(header, value):
    assert not is_countable_request(request(**{header: value}))


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/pages/3/edit/",
        "/static/css/site.css",
        "/media/images/x.jpg",
        "/documents/1/plan.pdf",
        "/feeds/news.rss",
        "/robots.txt",
        "/sitemap.xml",
        "/healthz",
    ],
)
def test_admin_static_files_feeds_and_health_checks_do_not_count(path):
    assert not is_countable_request(request(PATH_INFO=path))


@pytest.mark.parametrize("method", ["HEAD", "POST", "OPTIONS"])
def test_only_get_requests_count(method):
    assert not is_countable_request(request(REQUEST_METHOD=method))
