"""The admin action "Merge duplicates" in the proposal list: tick the duplicates and the one to
keep, choose which is kept; merging.py moves their supports and adds their forum votes."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .admin_actions import ReviewProposals
from .merging import CannotMerge, check_mergeable, merge


class KeepForm(forms.Form):
    def __init__(self, *args, proposals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.proposals = {proposal.pk: proposal for proposal in proposals}
        self.fields["keep"] = forms.TypedChoiceField(
            label=_("The proposal to keep"),
            coerce=int,
            widget=forms.RadioSelect,
            choices=[(p.pk, f"{p.title} ({p.village})") for p in proposals],
            help_text=_("The others are counted with it and leave the lists."),
        )

    def clean(self):
        data = super().clean()
        kept = self.proposals.get(data.get("keep"))
        if kept is None:
            return data
        if len(self.proposals) < 2:
            raise forms.ValidationError(_("Tick at least two proposals to merge."))
        others = [p for pk, p in self.proposals.items() if pk != kept.pk]
        try:
            check_mergeable(kept, others)
        except CannotMerge as error:
            raise forms.ValidationError(str(error)) from None
        data["kept"] = kept
        data["others"] = others
        return data


class MergeProposals(ReviewProposals):
    display_name = _("Merge duplicates")
    action_type = "merge-proposals"
    aria_label = _("Merge the selected proposals into one")
    template_name = "participation/admin/confirm_merge.html"
    no_access_message = _("You may not change these proposals")
    form_class = KeepForm
    action_priority = 50

    def get_form_kwargs(self):
        objects, _without_access = self.get_actionable_objects()
        return {**super().get_form_kwargs(), "proposals": objects}

    def get_execution_context(self):
        return {"kept": self.cleaned_form.cleaned_data["kept"]}

    @classmethod
    def execute_action(cls, objects, kept=None, **kwargs):
        return merge(kept, objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d proposal merged into the one kept, with its supports and votes.",
            "%(count)d proposals merged into the one kept, with their supports and votes.",
            num_parent_objects,
        ) % {"count": num_parent_objects}
