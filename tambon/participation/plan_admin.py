"""The plan in the admin: editions and their ผ.02 projects (an approved edition and its
projects are no longer changed, only copied into a new edition), the page that makes a new
edition from an existing one, the differences between two editions, and "บรรจุในแผน": adopted
proposals taken into an edition in bulk."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import ListingButton

from tambon.core.scoped_admin import OrganizationOwnedForm, OrganizationSnippetViewSet
from tambon.core.scoping import staff_organization
from tambon.thai.dates import format_thai_date

from . import plan_diff, plan_editions
from .admin_actions import ProposalBulkAction
from .models import (
    BUDGET_FIELDS,
    Decision,
    EditionKind,
    PlanCycle,
    PlanEdition,
    PlanProject,
    Strategy,
    Village,
)

MAX_ID = 2**63 - 1


def locked_message(edition):
    return _(
        "The edition “%(edition)s” was approved and can no longer be changed. Make an addition "
        "or amendment from it instead."
    ) % {"edition": edition}


def edition_of(row):
    return row if isinstance(row, PlanEdition) else row.edition


class LockedWhenApprovedMixin:
    """Editing or deleting an approved edition or one of its projects is refused (Thai)."""

    def dispatch(self, request, *args, **kwargs):
        row = getattr(self, "object", None) or self.get_object()
        if edition_of(row).is_approved:
            messages.error(request, locked_message(edition_of(row)))
            return redirect(reverse(self.index_url_name))
        return super().dispatch(request, *args, **kwargs)


class PlanProjectForm(OrganizationOwnedForm):
    """A project goes into an edition not yet approved only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "edition" in self.fields:
            editions = self.fields["edition"].queryset.filter(approved_on__isnull=True)
            self.fields["edition"].queryset = editions


class PlanEditionForm(OrganizationOwnedForm):
    def clean(self):
        data = super().clean()
        based_on, cycle = data.get("based_on"), data.get("cycle")
        if based_on and cycle and based_on.cycle_id != cycle.pk:
            self.add_error("based_on", _("Choose an edition of the same planning cycle."))
        return data


def _own_rows(model):
    return django_filters.ModelChoiceFilter(
        queryset=lambda request: model.objects.for_organization(staff_organization(request))
    )


class PlanEditionFilterSet(WagtailFilterSet):
    """Filters whose choices are the member's organization's rows only."""

    cycle = _own_rows(PlanCycle)

    class Meta:
        model = PlanEdition
        fields = ["cycle", "kind"]


class PlanProjectFilterSet(WagtailFilterSet):
    edition = _own_rows(PlanEdition)
    strategy = _own_rows(Strategy)
    village = _own_rows(Village)

    class Meta:
        model = PlanProject
        fields = ["edition", "strategy", "village"]


def _scoped_view(base, *mixins):
    return type(base.__name__, (*mixins, base), {})


class PlanEditionViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-editions"
    model = PlanEdition
    icon = "doc-full"
    list_display = [
        "__str__",
        "kind",
        "year_be",
        Column(
            "approved_on",
            label=gettext_lazy("approved on"),
            accessor=lambda edition: (
                format_thai_date(edition.approved_on) if edition.approved_on else ""
            ),
        ),
    ]
    copy_view_enabled = False  # an edition is copied with its projects: NewEditionView
    filterset_class = PlanEditionFilterSet
    ordering = ["-created", "-pk"]
    panels = [
        FieldPanel("cycle"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("number"), FieldPanel("year_be")]),
        FieldPanel("based_on"),
        FieldRowPanel([FieldPanel("approved_on"), FieldPanel("announcement")]),
        FieldPanel("note"),
    ]
    edit_view_class = _scoped_view(
        OrganizationSnippetViewSet.edit_view_class, LockedWhenApprovedMixin
    )
    delete_view_class = _scoped_view(
        OrganizationSnippetViewSet.delete_view_class, LockedWhenApprovedMixin
    )

    base_form_class = PlanEditionForm

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("new-from/<int:pk>/", NewEditionView.as_view(), name="new_from"),
            path("changes/<int:pk>/", EditionChangesView.as_view(), name="changes"),
        ]


class PlanProjectViewSet(OrganizationSnippetViewSet):
    menu_name = "participation-projects"
    model = PlanProject
    icon = "list-ul"
    list_display = ["number", "title", "strategy", "edition", *BUDGET_FIELDS]
    filterset_class = PlanProjectFilterSet
    search_fields = ["title", "objective", "output_target"]
    ordering = ["edition", "strategy__number", "number", "pk"]
    panels = [
        FieldPanel("edition"),
        FieldRowPanel([FieldPanel("strategy"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("village"), FieldPanel("category")]),
        FieldPanel("proposal"),
        FieldPanel("title"),
        FieldPanel("objective"),
        FieldPanel("output_target"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(name) for name in BUDGET_FIELDS])],
            heading=gettext_lazy("Budget for each plan year (baht)"),
        ),
        FieldPanel("indicator"),
        FieldPanel("expected_result"),
        FieldPanel("responsible_unit"),
    ]
    edit_view_class = _scoped_view(
        OrganizationSnippetViewSet.edit_view_class, LockedWhenApprovedMixin
    )
    delete_view_class = _scoped_view(
        OrganizationSnippetViewSet.delete_view_class, LockedWhenApprovedMixin
    )

    base_form_class = PlanProjectForm


def edition_listing_buttons(instance, user, next_url=None):
    """The edition list's "more" menu: a new edition from this one, and what it changed."""
    if not isinstance(instance, PlanEdition):
        return []
    buttons = []
    if user.has_perm("participation.add_planedition"):
        buttons.append(
            ListingButton(
                _("Make an addition or amendment"),
                reverse("wagtailsnippets_participation_planedition:new_from", args=[instance.pk]),
                icon_name="copy",
                priority=15,
            )
        )
    if instance.based_on_id:
        buttons.append(
            ListingButton(
                _("What changed"),
                reverse("wagtailsnippets_participation_planedition:changes", args=[instance.pk]),
                icon_name="history",
                priority=16,
            )
        )
    return buttons


def staff_edition_or_404(request, pk):
    if pk > MAX_ID:
        raise Http404
    editions = PlanEdition.objects.for_organization(staff_organization(request))
    return get_object_or_404(editions.select_related("cycle"), pk=pk)


class NewEditionForm(forms.Form):
    kind = forms.ChoiceField(
        label=gettext_lazy("kind of edition"),
        choices=[(k, label) for k, label in EditionKind.choices if k != EditionKind.FIRST],
    )
    number = forms.IntegerField(label=gettext_lazy("number (ครั้งที่)"), min_value=1, max_value=99)
    year_be = forms.IntegerField(label=gettext_lazy("year (B.E.)"), min_value=2400, max_value=2700)
    note = forms.CharField(label=gettext_lazy("note"), required=False, widget=forms.Textarea)

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source

    def clean(self):
        data = super().clean()
        editions = PlanEdition.objects.for_organization(self.source.organization_id)
        taken = editions.filter(
            cycle_id=self.source.cycle_id,
            kind=data.get("kind"),
            number=data.get("number"),
            year_be=data.get("year_be"),
        )
        if taken.exists():
            raise ValidationError(
                _("This plan already has an edition of that kind, number and year.")
            )
        return data


class EditionAdminMixin(WagtailAdminTemplateMixin):
    header_icon = "doc-full"
    permission = "participation.change_planedition"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        self.edition = staff_edition_or_404(request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailsnippets_participation_planedition:list"),
                "label": PlanEdition._meta.verbose_name_plural,
            },
            {"url": "", "label": str(self.edition)},
        ]


class NewEditionView(EditionAdminMixin, FormView):
    template_name = "participation/plan/admin_new_edition.html"
    form_class = NewEditionForm
    page_title = gettext_lazy("Make an addition or amendment")
    permission = "participation.add_planedition"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.edition}

    def get_initial(self):
        editions = PlanEdition.objects.for_organization(self.edition.organization_id)
        later = editions.filter(cycle_id=self.edition.cycle_id, kind=EditionKind.ADDITIONAL)
        return {
            "kind": EditionKind.ADDITIONAL,
            "number": later.count() + 1,
            "year_be": self.edition.year_be,
        }

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "edition": self.edition}

    def form_valid(self, form):
        edition = plan_editions.copy_edition(self.edition, **form.cleaned_data)
        messages.success(
            self.request,
            _("“%(edition)s” was made with a copy of every project of “%(source)s”.")
            % {"edition": edition, "source": self.edition},
        )
        return redirect(
            reverse("wagtailsnippets_participation_planedition:edit", args=[edition.pk])
        )


class EditionChangesView(EditionAdminMixin, TemplateView):
    template_name = "participation/plan/admin_changes.html"
    page_title = gettext_lazy("What changed")

    def get_context_data(self, **kwargs):
        older = self.edition.based_on
        return {
            **super().get_context_data(**kwargs),
            "edition": self.edition,
            "diff": plan_diff.compare(older, self.edition) if older else None,
        }


class AdoptForm(forms.Form):
    """The edition to take the proposals into, and a strategy for each (its own, if set)."""

    edition = forms.ModelChoiceField(
        label=gettext_lazy("plan edition"), queryset=PlanEdition.objects.none()
    )

    def __init__(self, *args, organization, proposals, **kwargs):
        super().__init__(*args, **kwargs)
        editions = PlanEdition.objects.for_organization(organization)
        self.fields["edition"].queryset = editions.filter(approved_on__isnull=True)
        strategies = Strategy.objects.for_organization(organization)
        self.proposals = proposals
        for proposal in proposals:
            self.fields[f"strategy_{proposal.pk}"] = forms.ModelChoiceField(
                label=_("Strategy for “%(title)s”") % {"title": proposal.title},
                queryset=strategies,
                initial=proposal.strategy_id,
            )

    def clean(self):
        data = super().clean()
        edition = data.get("edition")
        if edition is not None:
            for error in plan_editions.adoption_refusals(self.proposals, edition):
                self.add_error(None, error)
        return data

    def strategies(self):
        return {p.pk: self.cleaned_data[f"strategy_{p.pk}"] for p in self.proposals}


class AdoptProposals(ProposalBulkAction):
    """ "บรรจุในแผน": a ผ.02 project per ticked proposal the committee adopted."""

    display_name = gettext_lazy("Put into the plan")
    action_type = "adopt-proposals"
    aria_label = gettext_lazy("Put the selected proposals into the plan")
    template_name = "participation/plan/admin_adopt.html"
    no_access_message = gettext_lazy("You may not put these proposals into the plan")
    form_class = AdoptForm

    def check_perm(self, obj):
        return self.request.user.has_perm("participation.add_planproject")

    def get_form_kwargs(self):
        proposals, _no_access = self.get_actionable_objects()
        return {
            **super().get_form_kwargs(),
            "organization": staff_organization(self.request),
            "proposals": proposals,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        refused = [
            item["item"] for item in context["items"] if item["item"].decision != Decision.ADOPTED
        ]
        return {**context, "refused": refused}

    def get_execution_context(self):
        form = self.cleaned_form
        return {"edition": form.cleaned_data["edition"], "strategies": form.strategies()}

    @classmethod
    def execute_action(cls, objects, edition=None, strategies=None, **kwargs):
        created = plan_editions.adopt_proposals(objects, edition, strategies)
        return len(created), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d project was added to the plan. Write its responsible unit, indicator "
            "and expected result.",
            "%(count)d projects were added to the plan. Write their responsible unit, "
            "indicator and expected result.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


def refuse_deleting_approved(request, action_type, objects, action):
    """Ticked rows of an approved edition are not deleted from the list either."""
    if action_type != "delete" or not objects:
        return None
    if not isinstance(objects[0], PlanEdition | PlanProject):
        return None
    for row in objects:
        if edition_of(row).is_approved:
            messages.error(request, locked_message(edition_of(row)))
            return redirect(action.next_url)
    return None
