"""The admin form of a planning cycle: its phases, in the inline panel, must go forward in the
regulation's order (models.phase_order_errors)."""

from django.core.exceptions import ValidationError

from tambon.core.scoped_admin import OrganizationOwnedForm

from .models import phase_order_errors


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
