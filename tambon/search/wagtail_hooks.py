"""The organization's own search words, a snippet its web editors keep."""

from wagtail.snippets.models import register_snippet

from tambon.core.scoped_admin import OrganizationSnippetViewSet

from .models import LocalWord


class LocalWordViewSet(OrganizationSnippetViewSet):
    model = LocalWord
    icon = "search"
    list_display = ["word", "note"]
    search_fields = ["word", "note"]
    ordering = ["word"]


register_snippet(LocalWordViewSet)
