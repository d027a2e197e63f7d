"""Admin forms: a planning cycle's phases, in the inline panel, must go forward in the
regulation's order (models.phase_order_errors); a proposal's committee decision that goes
against the residents' ranking needs its reason (ranking.decision_conflicts)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tambon.core.scoped_admin import OrganizationOwnedForm

from .models import Moderation, phase_order_errors
from .ranking import decision_conflicts


class PlanCycleForm(OrganizationOwnedForm):
    def clean(self):
        data = super().clean()
        phases = self.formsets.get("phases")
        if phases is None or not phases.is_valid():
            return data
        kept = [
            form.instance
            for form in phases.forms
            if form.has_changed() or form.instance.pk
            if not (phases.can_delete and phases._should_delete_form(form))
        ]
        for error in phase_order_errors(kept):
            self.add_error(None, ValidationError(error))
        return data


class ProposalForm(OrganizationOwnedForm):
    def clean(self):
        data = super().clean()
        proposal = self.instance
        decision, village = data.get("decision"), data.get("village")
        if (
            not proposal.pk
            or village is None
            or data.get("decision_reason", "").strip()
            or data.get("merged_into") is not None
            or data.get("moderation") != Moderation.PUBLISHED
        ):
            return data
        conflicts = decision_conflicts(proposal, village, decision)
        if conflicts:
            others = ", ".join(f"{row.rank}. {row.proposal.title}" for row in conflicts)
            self.add_error(
                "decision_reason",
                _(
                    "This decision differs from the village's ranking (compare: %(others)s). "
                    "Please write the committee's reason; it is shown on the site."
                )
                % {"others": others},
            )
        return data
