"""A NUL in an address's query string is dropped before a view reads it."""

from django.test import RequestFactory

from tambon.core.query import NulFreeQueryMiddleware


def test_a_nul_in_the_query_is_dropped_from_names_and_values():
    seen = {}

    def view(request):
        seen.update({key: request.GET.getlist(key) for key in request.GET})
        return None

    request = RequestFactory().get("/news/", QUERY_STRING="tag=%E0%B8%A0%00x&q%00=a&q%00=b")
    NulFreeQueryMiddleware(view)(request)
    assert seen == {"tag": ["ภx"], "q": ["a", "b"]}
