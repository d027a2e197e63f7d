"""Free text from the query string arrives without NUL characters, stripped and cut."""

from django.test import RequestFactory

from tambon.core.query import query_text


def test_a_nul_in_a_query_parameter_is_dropped_and_the_text_cut():
    request = RequestFactory().get("/news/", QUERY_STRING="tag=%E0%B8%A0%00x%20&q=%00")
    assert query_text(request, "tag") == "ภx"
    assert query_text(request, "tag", max_length=1) == "ภ"
    assert query_text(request, "q") == ""
    assert query_text(request, "missing") == ""
