from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Site

from .models import InfoCenterPage, RecordCategory


def records_export(request, page_path, kind, slug=None):
    """The CSV or JSON of an information center's listing (a folder's, or every record)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    page = (
        InfoCenterPage.objects.live().filter(url_path=site.root_page.url_path + page_path).first()
    )
    if page is None or page.get_view_restrictions().exists():
        raise Http404
    category = get_object_or_404(RecordCategory, slug=slug) if slug else None
    return page.export(request, kind, category)
