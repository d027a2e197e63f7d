"""Typing in the proposals written on paper at a forum: several rows at once, each a proposal
of the forum's cycle and village, published (staff copy them from the forum's sheet), with the
votes it got there. Nothing is saved until every row is right; what was typed is kept."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tambon.core.scoping import staff_organization

from .forms import read_budget
from .models import Forum, ForumTally, Moderation, Proposal, Source, Village

DEFAULT_ROWS = 5
MAX_ROWS = 30


class PaperProposalForm(forms.Form):
    village = forms.ModelChoiceField(label=_("village"), queryset=Village.objects.none())
    title = forms.CharField(label=_("project name"), max_length=255)
    problem = forms.CharField(
        label=_("the problem or need"), widget=forms.Textarea(attrs={"rows": 2})
    )
    proposed_project = forms.CharField(
        label=_("what should be done"), widget=forms.Textarea(attrs={"rows": 2})
    )
    place = forms.CharField(label=_("place"), max_length=255, required=False)
    estimated_budget = forms.CharField(
        label=_("estimated budget (baht)"), max_length=30, required=False
    )
    beneficiaries = forms.CharField(label=_("who benefits"), max_length=255, required=False)
    votes = forms.IntegerField(
        label=_("votes at the forum"), min_value=0, max_value=1_000_000, required=False
    )

    def __init__(self, *args, forum, **kwargs):
        super().__init__(*args, **kwargs)
        if forum.village_id:
            del self.fields["village"]  # every row is of the forum's village
        else:
            villages = Village.objects.for_organization(forum.organization_id)
            self.fields["village"].queryset = villages.order_by("number")

    def clean_estimated_budget(self):
        return read_budget(self.cleaned_data["estimated_budget"])


class BasePaperProposalFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        if not any(form.has_changed() for form in self.forms):
            raise forms.ValidationError(_("Type at least one proposal."), code="empty")


def paper_proposal_formset(extra=DEFAULT_ROWS):
    """The formset class with `extra` blank rows (a row left blank is skipped)."""
    return forms.formset_factory(
        PaperProposalForm,
        formset=BasePaperProposalFormSet,
        extra=extra,
        max_num=MAX_ROWS,
        absolute_max=MAX_ROWS,
        validate_max=True,
    )


def _rows_wanted(request):
    try:
        rows = int(request.GET.get("rows", DEFAULT_ROWS))
    except ValueError:
        rows = DEFAULT_ROWS
    return min(max(rows, 1), MAX_ROWS)


@transaction.atomic
def save_rows(forum, formset):
    """The proposals of the filled rows, each with its tally at the forum."""
    created = []
    for form in formset.forms:
        if not form.has_changed():
            continue
        data = form.cleaned_data
        proposal = Proposal.objects.for_organization(forum.organization).create(
            cycle=forum.cycle,
            village=forum.village or data["village"],
            title=data["title"],
            problem=data["problem"],
            proposed_project=data["proposed_project"],
            place=data["place"],
            estimated_budget=data["estimated_budget"],
            beneficiaries=data["beneficiaries"],
            source=Source.FORUM,
            moderation=Moderation.PUBLISHED,
        )
        ForumTally.objects.for_organization(forum.organization).create(
            forum=forum, proposal=proposal, votes=data["votes"] or 0
        )
        created.append(proposal)
    return created


def bulk_proposals(request, pk, edit_url_name):
    """The admin view: a formset of rows, then the forum's edit page."""
    user = request.user
    if not (
        user.has_perm("participation.add_proposal") and user.has_perm("participation.change_forum")
    ):
        raise PermissionDenied
    forums = Forum.objects.for_organization(staff_organization(request))
    forum = get_object_or_404(forums.select_related("cycle", "village"), pk=pk)
    if request.method == "POST":
        formset = paper_proposal_formset()(request.POST, form_kwargs={"forum": forum})
        if formset.is_valid():
            created = save_rows(forum, formset)
            messages.success(
                request,
                ngettext(
                    "%(count)d proposal from the forum saved and published.",
                    "%(count)d proposals from the forum saved and published.",
                    len(created),
                )
                % {"count": len(created)},
            )
            return redirect(edit_url_name, pk=forum.pk)
    else:
        formset = paper_proposal_formset(_rows_wanted(request))(form_kwargs={"forum": forum})
    rows = formset.total_form_count()
    more_rows = min(rows + DEFAULT_ROWS, MAX_ROWS)
    return TemplateResponse(
        request,
        "participation/forums/admin/bulk_proposals.html",
        {
            "forum": forum,
            "formset": formset,
            "edit_url": reverse(edit_url_name, args=[forum.pk]),
            "more_rows_url": f"{request.path}?rows={more_rows}" if more_rows > rows else "",
        },
    )
