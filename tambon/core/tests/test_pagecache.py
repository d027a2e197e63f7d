"""The full-page cache from outside: hits, per-visitor parts, purges, what is never cached."""

import io
import sys

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.http import HttpResponse

from tambon.core.models import Organization
from tambon.core.pagecache import (
    CachedPageApplication,
    is_cacheable_response,
    purge,
    remember,
    remember_many,
)
from tambon.pages.tests.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    SitemapPageFactory,
    StandardPageFactory,
    second_organization_site,
)
from tambon.stats.middleware import serve_cached_page

# Every test here reads the home page of a site with one news post.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("tax_notice")]

PHONE = "Mozilla/5.0 (Linux; Android 13) Chrome/120 Mobile"


@pytest.fixture
def tax_notice(home):
    """A news post the home page and the news index list."""
    index = NewsIndexPageFactory(parent=home)
    return NewsPageFactory(parent=index, slug="tax-payment-2570", title="ประชาสัมพันธ์การชำระภาษี")


@pytest.fixture
def app(db):
    # As Django's test client does: keep the test's database connection (and its transaction)
    # open across the requests this WSGI application handles.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    purge()
    yield CachedPageApplication(WSGIHandler(), on_hit=serve_cached_page)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def get(app, path="/", ip="203.0.113.5", cookie="", method="GET", host="localhost"):
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "HTTP_HOST": host,
        "REMOTE_ADDR": ip,
        "HTTP_USER_AGENT": PHONE,
        "HTTP_ACCEPT": "text/html",
        "HTTP_ACCEPT_LANGUAGE": "th",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    answer = {}

    def start_response(status, headers):
        answer["status"] = status
        answer["headers"] = dict(headers)

    body = b"".join(app(environ, start_response)).decode()
    return answer["status"], answer["headers"], body


def test_second_anonymous_visit_is_served_from_the_cache(app):
    first = get(app)
    second = get(app)
    assert first[0] == second[0] == "200 OK"
    assert "X-Cache" not in first[1]
    assert second[1]["X-Cache"] == "hit"
    assert second[1]["Content-Security-Policy"] == first[1]["Content-Security-Policy"]
    assert second[1]["Permissions-Policy"] == first[1]["Permissions-Policy"]


def test_a_cached_page_shows_each_visitor_their_own_address(app):
    get(app, ip="203.0.113.5")
    _, headers, body = get(app, ip="198.51.100.23")
    assert headers["X-Cache"] == "hit"
    assert "198.51.100.23" in body
    assert "203.0.113.5" not in body
    assert "tambon:visitor-counter" not in body


def test_publishing_a_change_drops_the_cached_pages(app, tax_notice):
    get(app)
    post = tax_notice
    post.title = "ประกาศใหม่ที่เพิ่งแก้ไข"
    post.save_revision().publish()
    _, headers, body = get(app)
    assert "X-Cache" not in headers
    assert "ประกาศใหม่ที่เพิ่งแก้ไข" in body


def test_a_draft_never_reaches_the_public_page(app, tax_notice):
    get(app)
    post = tax_notice
    post.title = "ร่างที่ยังไม่เผยแพร่"
    post.save_revision()  # saved, not published
    for _ in range(2):
        _, _, body = get(app)
        assert "ร่างที่ยังไม่เผยแพร่" not in body


def test_saving_a_setting_drops_the_cached_pages(app):
    get(app)
    org = Organization.objects.get()
    org.phone = "054-999-999"
    org.save()
    _, headers, body = get(app)
    assert "X-Cache" not in headers
    assert "054-999-999" in body


def test_a_visitor_with_a_session_is_never_served_a_cached_page(app):
    get(app)
    _, headers, _ = get(app, cookie="sessionid=abc")
    assert "X-Cache" not in headers


def test_responses_with_cookies_or_made_per_visitor_are_not_cached(rf):
    request = rf.get("/")
    plain = HttpResponse("<p>ข่าว</p>", content_type="text/html")
    assert is_cacheable_response(request, plain)
    with_cookie = HttpResponse("<form>csrf</form>", content_type="text/html")
    with_cookie.set_cookie("csrftoken", "abc")
    assert not is_cacheable_response(request, with_cookie)
    per_visitor = HttpResponse("<p>hello</p>", content_type="text/html")
    per_visitor["Vary"] = "Cookie"
    assert not is_cacheable_response(request, per_visitor)
    private = HttpResponse("<p>mine</p>", content_type="text/html")
    private["Cache-Control"] = "private"
    assert not is_cacheable_response(request, private)


def test_not_found_pages_are_not_cached(app):
    get(app, "/no-such-page/")
    status, headers, _ = get(app, "/no-such-page/")
    assert status.startswith("404")
    assert "X-Cache" not in headers


def test_admin_is_never_cached(app):
    get(app, "/admin/login/")
    _, headers, _ = get(app, "/admin/login/")
    assert "X-Cache" not in headers


def test_head_request_of_a_cached_page_has_no_body(app):
    get(app)
    status, headers, body = get(app, method="HEAD")
    assert status == "200 OK"
    assert headers["X-Cache"] == "hit"
    assert body == ""


def test_previewing_a_draft_neither_shows_nor_leaks_kept_fragments(app, home):
    get(app)  # the live home page's fragments are now kept
    home.welcome_title = "ข้อความร่างสำหรับดูตัวอย่าง"
    preview = home.make_preview_request().render().content.decode()
    assert "ข้อความร่างสำหรับดูตัวอย่าง" in preview  # the editor sees the draft
    get(app, "/?fresh=1")  # a page render after the preview
    _, _, public = get(app)
    assert "ข้อความร่างสำหรับดูตัวอย่าง" not in public  # the public never does


def test_pages_cached_in_redis_are_shared_and_purged_for_every_worker(
    app, settings, redis_url, monkeypatch
):
    import redis as redis_client

    from tambon.core import pagecache

    redis_client.Redis.from_url(redis_url).flushdb()
    monkeypatch.setattr(pagecache, "GENERATION_POLL_SECONDS", 0)
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url},
    }
    other_worker = CachedPageApplication(WSGIHandler(), on_hit=serve_cached_page)
    get(app)
    pagecache._local_pages.clear()  # the other worker is another process: nothing in memory
    _, headers, _ = get(other_worker)
    assert headers["X-Cache"] == "hit"  # stored by one worker, served by another
    org = Organization.objects.get()
    org.phone = "054-888-888"
    org.save()
    pagecache._local_pages.clear()  # ...and it learns of the purge through Redis
    _, headers, body = get(other_worker)
    assert "X-Cache" not in headers
    assert "054-888-888" in body


def test_unpublishing_a_page_drops_the_cached_pages(app, tax_notice):
    _, _, body = get(app, "/news/")
    assert "ประชาสัมพันธ์การชำระภาษี" in body
    tax_notice.unpublish()
    _, headers, body = get(app, "/news/")
    assert "X-Cache" not in headers
    assert "ประชาสัมพันธ์การชำระภาษี" not in body


def test_moving_a_page_drops_the_cached_pages(app, home):
    SitemapPageFactory(parent=home)
    about = StandardPageFactory(parent=home, slug="about", title="เกี่ยวกับเรา")
    privacy = StandardPageFactory(parent=home, slug="privacy", title="นโยบายความเป็นส่วนตัว")
    get(app, "/sitemap/")
    privacy.move(about, pos="last-child")
    _, headers, body = get(app, "/sitemap/")
    assert "X-Cache" not in headers
    assert 'href="/about/privacy/"' in body


def test_a_worker_keeps_no_more_pages_than_the_setting_allows(app, settings):
    """Many organizations' pages: the least recently asked one is dropped first. (The embedded
    profile, where a worker's pages are all there is; with Redis the dropped page is still
    shared, which the test would read as a hit.)"""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
    }
    settings.TAMBON_PAGE_CACHE_MAX_ENTRIES = 2
    get(app, "/")
    get(app, "/?page=2")
    get(app, "/?page=3")  # the first address is dropped to make room
    assert get(app, "/?page=3")[1]["X-Cache"] == "hit"
    assert get(app, "/?page=2")[1]["X-Cache"] == "hit"
    assert "X-Cache" not in get(app, "/")[1]


def test_a_worker_remembers_no_more_values_than_the_setting_allows(settings):
    """Host names, settings and menus of thousands of sites: the least recently used value is
    computed again, the others are not."""
    settings.TAMBON_REMEMBERED_MAX_ENTRIES = 2
    computed = []

    def value(key):
        return remember(("test", key), lambda: computed.append(key) or key)

    for key in ["a", "b", "a", "c", "a", "b"]:
        assert value(key) == key
    # "b" was dropped to make room for "c" (the least recently used then), "c" for "b".
    assert computed == ["a", "b", "c", "b"]


def test_values_of_many_sites_are_computed_together_and_again_after_a_purge():
    """A flush naming a thousand sites asks once for those it does not know yet."""
    asked = []

    def double(keys):
        asked.append(sorted(keys))
        return {key: key[1] * 2 for key in keys if key[1] != 3}  # 3: nothing found

    sites = [("test-double", n) for n in (1, 2, 3)]
    assert remember_many(sites, double) == {("test-double", 1): 2, ("test-double", 2): 4}
    assert remember_many(sites[:2], double) == {("test-double", 1): 2, ("test-double", 2): 4}
    purge()
    remember_many(sites[:1], double)
    assert asked == [sites, sites[:1]]


def test_another_sites_first_visit_keeps_this_sites_pages_cached(app):
    """The first page read of a site stores its settings' defaults (the visitor counter's,
    say): nothing any page shows changes, so no cached page of another site is dropped."""
    from tambon.stats.models import VisitorCounterSettings

    other = second_organization_site("127.0.0.1")
    get(app)
    assert not VisitorCounterSettings.objects.filter(site=other).exists()
    assert get(app, host="127.0.0.1")[0] == "200 OK"  # its first visit
    assert VisitorCounterSettings.objects.filter(site=other).exists()
    assert get(app)[1]["X-Cache"] == "hit"
