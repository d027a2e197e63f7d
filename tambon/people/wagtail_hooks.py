"""Divisions and positions in the admin: each organization sees and edits its own."""

from wagtail.snippets.models import register_snippet

from tambon.core.scoped_admin import OrganizationSnippetViewSet

from .models import Division, Position


class DivisionViewSet(OrganizationSnippetViewSet):
    model = Division


class PositionViewSet(OrganizationSnippetViewSet):
    model = Position


register_snippet(DivisionViewSet)
register_snippet(PositionViewSet)
