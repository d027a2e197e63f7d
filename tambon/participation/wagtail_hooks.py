"""Community planning in the admin: one menu with the villages, strategies, categories, the
planning cycles (their phases inline) and the proposals to review, each showing the staff
member's organization's rows only."""

from django import forms
from django.urls import include, path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import Button, ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from tambon.core.scoped_admin import OrganizationSnippetViewSet
from tambon.thai.dates import format_thai_date

from . import ranking_admin
from .admin_actions import PublishProposals, RejectProposals
from .admin_forms import PlanCycleForm, ProposalForm
from .forum_admin import AttendanceGridPanel, ForumForm
from .forum_bulk import bulk_proposals
from .merge_action import MergeProposals
from .models import Category, Forum, PlanCycle, Proposal, Strategy, Village
from .photo_views import delete_photo, staff_photo
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

    base_form_class = PlanCycleForm


class ProposalViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-proposals"
    model = Proposal
    icon = "comment"
    list_display = ["title", "village", "moderation", "source", "created"]
    list_filter = ["moderation", "source"]
    search_fields = ["title", "problem", "proposed_project"]
    ordering = ["-created", "-pk"]

    base_form_class = ProposalForm


FORUM_EDIT = "wagtailsnippets_participation_forum:edit"
FORUM_BULK = "wagtailsnippets_participation_forum:bulk_proposals"


class ForumEditView(OrganizationSnippetViewSet.edit_view_class):
    @cached_property
    def header_more_buttons(self):
        bulk = Button(
            _("Type in proposals from the sheet"),
            url=reverse(FORUM_BULK, args=[self.object.pk]),
            icon_name="plus",
            priority=5,
        )
        return [bulk, *super().header_more_buttons]


class ForumViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-forums"
    model = Forum
    icon = "group"
    edit_view_class = ForumEditView
    list_display = [
        "__str__",
        Column("held_on", label=_("held on"), accessor=lambda f: format_thai_date(f.held_on)),
        "place",
        "cycle",
    ]
    list_filter = ["kind"]
    ordering = ["-held_on", "-pk"]
    panels = [
        FieldPanel("cycle"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("village")]),
        FieldRowPanel([FieldPanel("held_on"), FieldPanel("place")]),
        FieldPanel("chaired_by"),
        AttendanceGridPanel(heading=_("People who came")),
        InlinePanel(
            "tallies",
            heading=_("Votes at the forum"),
            label=_("Proposal"),
            panels=[
                FieldPanel("proposal", widget=forms.Select),
                FieldRowPanel([FieldPanel("votes"), FieldPanel("forum_rank")]),
                FieldPanel("note"),
            ],
        ),
        MultiFieldPanel(
            [FieldPanel("minutes"), FieldPanel("minutes_document")], heading=_("Minutes")
        ),
        InlinePanel(
            "photos",
            heading=_("Photos"),
            label=_("Photo"),
            panels=[FieldPanel("image"), FieldPanel("caption")],
        ),
    ]

    base_form_class = ForumForm

    def get_urlpatterns(self):
        bulk = path(
            "proposals/<int:pk>/",
            bulk_proposals,
            {"edit_url_name": FORUM_EDIT},
            name="bulk_proposals",
        )
        return [*super().get_urlpatterns(), bulk]


@hooks.register("register_admin_urls")
def photo_admin_urls():
    return [
        path("participation/photos/<int:pk>/", staff_photo, name="participation_staff_photo"),
        path(
            "participation/photos/<int:pk>/delete/",
            delete_photo,
            name="participation_delete_photo",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def forum_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Forum) and user.has_perm("participation.add_proposal"):
        yield ListingButton(
            _("Type in proposals from the sheet"),
            url=reverse(FORUM_BULK, args=[snippet.pk]),
            icon_name="plus",
            priority=5,
        )


class ParticipationViewSetGroup(SnippetViewSetGroup):
    items = (
        ProposalViewSet,
        ForumViewSet,
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
