"""The two small forms of an online support: the mobile number (and, if the resident wishes,
their village), then the six-digit code the SMS brought."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tambon.core.scoping import scope_choices

from .models import Village
from .verification import thai_mobile


class PhoneForm(forms.Form):
    phone = forms.CharField(
        label=_("Your mobile number"),
        max_length=20,
        help_text=_("We send a six-digit code to it by SMS. The number itself is not kept."),
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel-national", "spellcheck": "false"}
        ),
    )
    village = forms.ModelChoiceField(
        label=_("Your village (if you wish)"),
        queryset=Village.objects.all(),
        required=False,
        empty_label=_("Not stated"),
    )

    def __init__(self, *args, organization, **kwargs):
        super().__init__(*args, **kwargs)
        scope_choices(self, organization)

    def clean_phone(self):
        number = thai_mobile(self.cleaned_data["phone"])
        if number is None:
            raise forms.ValidationError(
                _("Please type a Thai mobile number of 10 digits, for example 081 234 5678.")
            )
        return number


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("The code in the SMS"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "spellcheck": "false"}
        ),
    )
