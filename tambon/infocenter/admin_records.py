"""The information center in the admin: records, folders, court rulings and the gift register.

Imported from wagtail_hooks.py, kept apart from the ITA lists registered there. A member sees,
filters, opens and changes the rows of their organization only (OrganizationSnippetViewSet).
"""

from django.contrib import messages
from django.db.models import ProtectedError
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from tambon.core.scoped_admin import OrganizationSnippetViewSet

from .admin_filters import scoped_filterset
from .models import CourtRuling, GiftRegisterEntry, InfoRecord, RecordCategory


class InfoRecordViewSet(OrganizationSnippetViewSet):
    model = InfoRecord
    icon = "doc-full"
    list_display = ["title", "category", "fiscal_year", "published_on", "live"]
    filterset_class = scoped_filterset(InfoRecord, ["category", "fiscal_year", "live"])
    search_fields = ["title", "summary"]
    search_backend_name = None  # a plain database match: finds Thai words inside longer text
    list_per_page = 50
    ordering = ["-published_on", "-pk"]


class RecordCategoryDeleteView(OrganizationSnippetViewSet.delete_view_class):
    """A folder that still holds records is kept, and the clerk is told why (Wagtail's usage
    check misses references its index has not seen, such as rows made by a migration)."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            messages.error(
                self.request,
                _("This folder still holds records. Move or delete them first."),
            )
            return redirect(self.get_success_url())


class RecordCategoryViewSet(OrganizationSnippetViewSet):
    model = RecordCategory
    delete_view_class = RecordCategoryDeleteView
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "parent", "sort_order"]
    ordering = ["sort_order", "name"]


class CourtRulingViewSet(OrganizationSnippetViewSet):
    model = CourtRuling
    icon = "doc-full-inverse"
    list_display = ["case_number", "subject", "ruling_date", "court"]
    search_fields = ["case_number", "subject", "summary"]
    search_backend_name = None
    ordering = ["-ruling_date", "-pk"]


class GiftRegisterViewSet(OrganizationSnippetViewSet):
    model = GiftRegisterEntry
    icon = "list-ul"
    list_display = ["received_on", "description", "giver", "recipient_position", "disposal"]
    list_filter = ["fiscal_year", "disposal"]
    ordering = ["-received_on", "-pk"]


class InformationCenterGroup(SnippetViewSetGroup):
    items = (InfoRecordViewSet, RecordCategoryViewSet, CourtRulingViewSet, GiftRegisterViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Information center")
    menu_name = "information-center"


register_snippet(InformationCenterGroup)
