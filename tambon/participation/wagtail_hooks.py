"""Community planning in the admin: one menu with the villages, strategies, categories, the
planning cycles (their phases inline) and the proposals to review, each showing the staff
member's organization's rows only."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from tambon.core.scoped_admin import OrganizationSnippetViewSet

from . import ranking_admin
from .admin_actions import PublishProposals, RejectProposals
from .admin_forms import PlanCycleForm, ProposalForm
from .merge_action import MergeProposals
from .models import Category, PlanCycle, Proposal, Strategy, Village
from .plan_admin import (
    AdoptProposals,
    PlanEditionViewSet,
    PlanProjectViewSet,
    edition_listing_buttons,
    refuse_deleting_approved,
)
from .progress_admin import ProjectUpdateViewSet


class VillageViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-villages"
    model = Village
    icon = "home"
    list_display = ["number", "name"]
    ordering = ["number"]


class StrategyViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-strategies"
    model = Strategy
    icon = "list-ol"
    list_display = ["number", "name"]
    ordering = ["number"]


class CategoryViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-categories"
    model = Category
    icon = "tag"
    list_display = ["name"]


class PlanCycleViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-cycles"
    model = PlanCycle
    icon = "calendar"
    list_display = ["name", "first_year_be", "shown"]
    ordering = ["-first_year_be"]

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        edit_handler.base_form_class = PlanCycleForm
        return edit_handler


class ProposalViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-proposals"
    model = Proposal
    icon = "comment"
    list_display = ["title", "village", "moderation", "source", "created"]
    list_filter = ["moderation", "source"]
    search_fields = ["title", "problem", "proposed_project"]
    ordering = ["-created", "-pk"]

    def get_edit_handler(self):
        edit_handler = super().get_edit_handler()
        edit_handler.base_form_class = ProposalForm
        return edit_handler


class ParticipationViewSetGroup(SnippetViewSetGroup):
    items = (
        ProposalViewSet,
        PlanCycleViewSet,
        PlanEditionViewSet,
        PlanProjectViewSet,
        ProjectUpdateViewSet,
        VillageViewSet,
        StrategyViewSet,
        CategoryViewSet,
    )
    menu_icon = "group"
    menu_label = _("Community planning")
    menu_name = "participation"

    def get_submenu_items(self):
        ranking = RankingMenuItem(
            _("Ranking of the proposals"),
            reverse("participation_admin:ranking_cycles"),
            name="participation-ranking",
            icon_name="list-ol",
            order=len(self.registerables) + 1,
        )
        return [*super().get_submenu_items(), ranking]


class RankingMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ranking_admin.PERMISSION)


@hooks.register("register_admin_urls")
def register_ranking_urls():
    urls = [
        path("", ranking_admin.cycles, name="ranking_cycles"),
        path("<int:pk>/", ranking_admin.cycle_ranking, name="ranking"),
    ]
    return [path("participation-ranking/", include((urls, "participation_admin")))]


register_snippet(ParticipationViewSetGroup)

hooks.register("register_bulk_action", PublishProposals)
hooks.register("register_bulk_action", RejectProposals)
hooks.register("register_bulk_action", AdoptProposals)
hooks.register("register_snippet_listing_buttons", edition_listing_buttons)
hooks.register("before_bulk_action", refuse_deleting_approved)
hooks.register("register_bulk_action", MergeProposals)
