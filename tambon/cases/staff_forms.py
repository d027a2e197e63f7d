"""The forms behind the staff's buttons: one per kind of action on the case page, the bulk
action of the case list, and publishing on the Q&A page. Each checks what was posted (its
errors are for the member of staff, in Thai) and hands the clean values to the service layer,
which checks the state and the user again."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import scope_choices
from tambon.people.models import Division

from . import actions, publishing, services
from .models import InformationDecision

# The date inputs send ISO dates; a day typed as 13/11/2568 is refused rather than read as a
# Gregorian year.
ISO_DATE = ["%Y-%m-%d"]
# Database ids no column holds are no ids at all.
MAX_ID = 2**63 - 1


def first_error(form):
    """The first problem of an invalid form, as one message."""
    for errors in form.errors.values():
        return errors[0]
    return ""


class ActionChoiceForm(forms.Form):
    """Which button of the case page was pressed."""

    action = forms.ChoiceField(
        choices=[],
        error_messages={"required": _("Unknown action."), "invalid_choice": _("Unknown action.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action"].choices = [
            (action.value, action.label) for action in actions.STAFF if action in FORMS
        ]

    def action_form(self, data, organization, assignees):
        """The form of the chosen action, bound to the same data; its choices of divisions are
        the organization's, its people `assignees` (the organization's case staff)."""
        action = actions.get(self.cleaned_data["action"])
        form = FORMS[action](data, action=action)
        scope_choices(form, organization)
        if "assignee" in form.fields:
            limit_assignees(form, assignees)
        return form


def limit_assignees(form, assignees):
    """Only these people may be chosen to take the cases."""
    field = form.fields["assignee"]
    field.queryset = field.queryset.filter(pk__in=[user.pk for user in assignees])


class StepForm(forms.Form):
    """A step of the case or a message: the action and the text typed with it."""

    text = forms.CharField(
        required=False, widget=forms.Textarea, error_messages={"required": _("Write a message.")}
    )

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.fields["text"].required = action.needs_text

    def perform(self, case, user):
        # Each action's service verb has the action's name.
        verb = getattr(services, self.action.value)
        if self.action.takes_text:
            return verb(case, user, self.cleaned_data["text"])
        return verb(case, user)


class AssignForm(StepForm):
    assignee = forms.ModelChoiceField(
        queryset=get_user_model().objects.all(),
        error_messages={
            "required": _("Choose the person to give the case to."),
            "invalid_choice": _("Choose the person to give the case to."),
        },
    )
    division = forms.ModelChoiceField(
        queryset=Division.objects.all(),
        required=False,
        error_messages={"invalid_choice": _("Choose a division from the list.")},
    )

    def perform(self, case, user):
        data = self.cleaned_data
        return services.assign(
            case, user, data["assignee"], division=data["division"], text=data["text"]
        )


class DeadlineForm(StepForm):
    resolve_by = forms.DateField(
        input_formats=ISO_DATE,
        error_messages={
            "required": _("Choose the new date."),
            "invalid": _("Choose the new date."),
        },
    )
    field_order = ["resolve_by", "text"]

    def perform(self, case, user):
        data = self.cleaned_data
        return services.change_deadline(case, user, data["resolve_by"], data["text"])


class DecisionForm(StepForm):
    """The decision on an official-information request; `text` is the reason."""

    decision = forms.ChoiceField(
        choices=InformationDecision.choices,
        error_messages={
            "required": _("Choose the decision."),
            "invalid_choice": _("Choose the decision."),
        },
    )
    answered_on = forms.DateField(
        input_formats=ISO_DATE,
        error_messages={
            "required": _("Choose the date of the answer."),
            "invalid": _("Choose the date of the answer."),
        },
    )
    field_order = ["answered_on", "decision", "text"]

    def clean(self):
        data = super().clean()
        if data.get("decision") in services.DECISIONS_NEEDING_REASON and not data.get("text"):
            self.add_error(
                "text",
                _("Write the reason for a refusal, or the agency it was forwarded to."),
            )
        return data

    def perform(self, case, user):
        data = self.cleaned_data
        return services.record_information_decision(
            case, user, data["decision"], data["text"], data["answered_on"]
        )


# The form of each action taken from the case page's own forms.
FORMS = {
    actions.ACKNOWLEDGE: StepForm,
    actions.ASSIGN: AssignForm,
    actions.START: StepForm,
    actions.ASK_CITIZEN: StepForm,
    actions.RESOLVE: StepForm,
    actions.REJECT: StepForm,
    actions.CLOSE: StepForm,
    actions.REOPEN: StepForm,
    actions.REPLY: StepForm,
    actions.ADD_NOTE: StepForm,
    actions.CHANGE_DEADLINE: DeadlineForm,
    actions.DECIDE: DecisionForm,
}


class CaseIdsField(forms.Field):
    """The ticked cases: the ids that can be ids (anything else is dropped unread)."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        ids = set()
        for item in value or []:
            try:
                number = int(item)
            except (TypeError, ValueError):
                continue
            if 0 < number <= MAX_ID:
                ids.add(number)
        return sorted(ids)


class BulkForm(forms.Form):
    """An action on the cases ticked in the list."""

    case = CaseIdsField(error_messages={"required": _("Tick the cases first.")})
    bulk_action = forms.ChoiceField(
        choices=[(action.value, action.label) for action in actions.BULK],
        error_messages={"required": _("Unknown action."), "invalid_choice": _("Unknown action.")},
    )
    assignee = forms.ModelChoiceField(
        queryset=get_user_model().objects.all(),
        required=False,
        error_messages={"invalid_choice": _("Choose the person to give the cases to.")},
    )
    # The list's filters as a query string, to go back to the same list.
    query = forms.CharField(required=False)

    def __init__(self, *args, assignees, **kwargs):
        super().__init__(*args, **kwargs)
        limit_assignees(self, assignees)

    def clean(self):
        data = super().clean()
        assigning = data.get("bulk_action") == actions.ASSIGN.value
        if assigning and not data.get("assignee") and not self.has_error("assignee"):
            self.add_error("assignee", _("Choose the person to give the cases to."))
        return data

    @property
    def action(self):
        return actions.get(self.cleaned_data["bulk_action"])


class PublishForm(forms.Form):
    """Put a question and its answer on the public Q&A page, or take it off."""

    action = forms.ChoiceField(
        choices=[
            (actions.PUBLISH.value, actions.PUBLISH.label),
            (actions.UNPUBLISH.value, actions.UNPUBLISH.label),
        ],
        required=False,
        error_messages={"invalid_choice": _("Unknown action.")},
    )
    public_question = forms.CharField(required=False, widget=forms.Textarea)
    public_answer = forms.CharField(required=False, widget=forms.Textarea)

    def clean(self):
        data = super().clean()
        publishing_it = data.get("action", "") != actions.UNPUBLISH.value
        if publishing_it and not (data.get("public_question") and data.get("public_answer")):
            raise ValidationError(
                _("Write the question and the answer as the public will read them.")
            )
        return data

    @property
    def unpublishing(self):
        return self.cleaned_data["action"] == actions.UNPUBLISH.value

    def perform(self, case, user):
        if self.unpublishing:
            return publishing.unpublish_question(case, user)
        data = self.cleaned_data
        return publishing.publish_question(
            case, user, data["public_question"], data["public_answer"]
        )
