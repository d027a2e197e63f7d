"""Counting and the counter block for responses that Django renders (cache misses, staff)."""

from django.conf import settings
from django.utils import timezone

from tambon.core.addresses import client_ip
from tambon.thai.dates import to_bangkok_date

from .buffer import get_counter
from .counter import MARKER_BYTES, fill_counter
from .rules import is_countable_request


def count_page_view(environ, site_id):
    """Count the page view if the rules say a person made it; never touches the database."""
    if not is_countable_request(environ):
        return
    today = to_bangkok_date(timezone.now())
    get_counter().record(
        site_id,
        today,
        environ.get("PATH_INFO", ""),
        client_ip(environ),
        environ.get("HTTP_USER_AGENT", ""),
    )


def serve_cached_page(environ, page):
    """What the WSGI fast path sends for a cache hit: counted, with the counter filled."""
    count_page_view(environ, page.site_id)
    return fill_counter(page.body, page.site_id, client_ip(environ))


def is_logged_in(request):
    # Only a request with a session cookie can be logged in; others never touch the session.
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is not None and user.is_authenticated


class VisitCounterMiddleware:
    """Outermost middleware: counts HTML page views and fills the counter block."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code != 200
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
        ):
            return response
        from wagtail.models import Site

        site = Site.find_for_request(request)
        if site is None:
            return response
        if not is_logged_in(request):
            count_page_view(request.META, site.pk)
        if MARKER_BYTES in response.content:
            chunks = fill_counter(response.content, site.pk, client_ip(request.META))
            response.content = b"".join(chunks)
            if response.has_header("Content-Length"):  # set by CommonMiddleware for the marker
                response["Content-Length"] = str(len(response.content))
        return response
