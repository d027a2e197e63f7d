"""Query strings without NUL characters.

PostgreSQL refuses text holding a NUL byte, so `?tag=a%00b` or `?q=%00` reaching a filter gave
a server error (SQLite takes it, which is why only the PostgreSQL run of the hostile-input
corpus saw it). A NUL means nothing in an address; it is dropped here, once, before any view
reads request.GET, rather than in each of the views that filter by what the address says.
Forms need nothing of this: Django's form fields already refuse a NUL with a message."""

NUL = "\x00"


class NulFreeQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or NUL in query:
            request.GET = without_nul(request.GET)
        return self.get_response(request)


def without_nul(query_dict):
    cleaned = query_dict.copy()  # mutable
    for key in list(cleaned):
        values = [value.replace(NUL, "") for value in cleaned.getlist(key)]
        del cleaned[key]
        cleaned.setlist(key.replace(NUL, ""), values)
    cleaned._mutable = False
    return cleaned
