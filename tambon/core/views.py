import errno
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

# How long a visitor's browser (and a proxy) is told to wait before trying again.
DATABASE_RETRY_SECONDS = 30


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap-xml"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /search/",
        "Disallow: /search.json",
        f"Sitemap: {sitemap_url}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


# A file could not be written: the disk is full, read-only, or not what it should be.
STORAGE_ERRNOS = {
    errno.ENOSPC,
    errno.EDQUOT,
    errno.EROFS,
    errno.EACCES,
    errno.EPERM,
    errno.ENOTDIR,
    errno.EIO,
}


@requires_csrf_token
def server_error(request):
    """The error page. Two passing faults are said for what they are, with what a form sent
    given back (`typed_fields`): the database cannot be reached (restarting, overloaded, a
    network cut: 503 with Retry-After; the connection is made afresh on the next request), or
    a file could not be stored (507; the operator must free or fix the disk). Rendered without
    the database."""
    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        response = fault_page(request, 503, "database")
        response["Retry-After"] = str(DATABASE_RETRY_SECONDS)
        return response
    if isinstance(error, OSError) and error.errno in STORAGE_ERRNOS:
        return fault_page(request, 507, "storage")
    return HttpResponseServerError(loader.get_template("500.html").render())


def fault_page(request, status, fault):
    context = {"typed": typed_fields(request), "path": request.path, "fault": fault}
    return HttpResponse(loader.get_template("fault.html").render(context), status=status)


# Never shown back, even to the person who typed them.
UNECHOED_FIELDS = ("password", "secret", "pin", "token", "otp", "code")


def typed_fields(request):
    """What a form sent, to give it back on the error page so that nothing typed is lost
    (files cannot be given back). Empty for anything but a form post."""
    if request.method != "POST":
        return []
    try:
        fields = list(request.POST.lists())
    except Exception:  # a body that cannot be read as a form
        return []
    return [
        (name, value)
        for name, values in fields
        for value in values
        if name == "csrfmiddlewaretoken" or not is_secret_field(name)
    ]


def is_secret_field(name):
    return any(word in name.lower() for word in UNECHOED_FIELDS)
