"""The resident's proposal form: the village's need, the project, and who sends it (kept for
staff only)."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tambon.core.map_point import latitude_field, longitude_field
from tambon.core.robot_trap import refuse_if_filled, robot_trap_field
from tambon.core.scoping import scope_choices
from tambon.thai.digits import to_arabic_digits

from .models import Proposal
from .proposal_photos import PhotosField, photos_help_text

MAX_BUDGET = Decimal("999999999999")


def read_budget(text):
    """A budget as people write it ("50,000", "๕๐๐๐๐", "50000 บาท"), or None when empty."""
    text = to_arabic_digits(text or "").replace(",", "").replace("บาท", "").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValidationError(
            _("Write the budget in digits, for example 50000."), code="budget"
        ) from None
    if not amount.is_finite() or amount < 0 or amount > MAX_BUDGET:
        raise ValidationError(_("Write a budget between 0 and 999,999,999,999 baht."))
    return amount.quantize(Decimal("0.01"))


class ProposalForm(forms.ModelForm):
    # Typed as text: people write "50,000", "๕๐๐๐๐" or "50000 บาท".
    estimated_budget = forms.CharField(
        label=_("Estimated budget (baht)"),
        required=False,
        max_length=30,
        help_text=_("If you know it roughly, for example 50,000."),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    photos = PhotosField(label=_("Photos (optional)"))
    latitude = latitude_field()
    longitude = longitude_field()
    # Honeypot: hidden from people, filled in by form-filling robots.
    website = robot_trap_field()

    class Meta:
        model = Proposal
        fields = [
            "village",
            "title",
            "problem",
            "proposed_project",
            "place",
            "latitude",
            "longitude",
            "strategy",
            "category",
            "beneficiaries",
            "proposer_name",
            "proposer_contact",
        ]
        labels = {
            "title": _("Name of the project you propose"),
            "problem": _("What is the problem or need?"),
            "proposed_project": _("What should be done about it?"),
            "place": _("Where (road, landmark)"),
            "beneficiaries": _("Who would benefit, and about how many households"),
            "proposer_name": _("Your name"),
            "proposer_contact": _("Your phone number or e-mail (optional)"),
        }
        help_texts = {
            "strategy": _("Leave empty if you are not sure: staff will choose."),
            "proposer_name": _("Only staff see your name and contact; they are never published."),
        }
        widgets = {
            "problem": forms.Textarea(attrs={"rows": 4}),
            "proposed_project": forms.Textarea(attrs={"rows": 4}),
        }

    contact_fields = ("proposer_name", "proposer_contact")
    position_names = ("latitude", "longitude")

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        scope_choices(self, organization)
        self.fields["proposer_name"].required = True
        self.fields["village"].empty_label = _("Choose your village")
        self.fields["photos"].help_text = photos_help_text()

    def proposal_fields(self):
        shown_apart = (*self.contact_fields, *self.position_names, "website")
        return [self[name] for name in self.fields if name not in shown_apart]

    @property
    def position_fields(self):
        return [self[name] for name in self.position_names]

    def contact_bound_fields(self):
        return [self[name] for name in self.contact_fields]

    def clean_estimated_budget(self):
        return read_budget(self.cleaned_data["estimated_budget"])

    def clean_website(self):
        return refuse_if_filled(self.cleaned_data["website"])
