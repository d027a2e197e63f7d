from django.core.paginator import InvalidPage, Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page, Site

from tambon.core.replica import reads_from_replica

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


@reads_from_replica
def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    results = None
    if query:
        site = Site.find_for_request(request)
        pages = Page.objects.live().public()
        if site:
            pages = pages.descendant_of(site.root_page, inclusive=True)
        paginator = Paginator(pages.specific().search(query), RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            results = paginator.page(1)
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "results": results}
    )
