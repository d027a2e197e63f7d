"""Free text from an address's query string, as a filter can use it.

PostgreSQL refuses text holding a NUL byte, so `?tag=a%00b` or `?q=%00` reaching a filter gave
a server error (SQLite takes it, which is why only the PostgreSQL run of the hostile-input
corpus saw it). Views that filter by a query parameter without a form read it here; a form
needs nothing of this, since Django's form fields refuse a NUL with a message of their own."""

NUL = "\x00"


def query_text(request, name, max_length=None):
    """The parameter `name`, stripped, without NUL characters, cut to `max_length`."""
    text = request.GET.get(name, "").replace(NUL, "").strip()
    return text[:max_length] if max_length is not None else text
