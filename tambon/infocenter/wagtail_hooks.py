"""The ITA lists in the admin: years with their indicators, and items with their evidence."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ItaItem, ItaYear


class ItaYearViewSet(SnippetViewSet):
    model = ItaYear
    icon = "date"
    list_display = ["fiscal_year", "title"]
    ordering = ["-fiscal_year"]


class ItaItemViewSet(SnippetViewSet):
    model = ItaItem
    icon = "tasks"
    list_display = ["code", "title", "indicator", "needs_current_year"]
    list_filter = ["year", "needs_current_year"]
    list_per_page = 50
    ordering = ["-year__fiscal_year", "sort_order", "code"]


class ItaViewSetGroup(SnippetViewSetGroup):
    items = (ItaYearViewSet, ItaItemViewSet)
    menu_icon = "tasks"
    menu_label = _("ITA transparency")
    menu_name = "ita"


register_snippet(ItaViewSetGroup)

from . import admin_records  # noqa: E402, F401 - records, rulings, gift register
