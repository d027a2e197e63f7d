"""The hidden field of the public forms that a person leaves empty and a robot fills in."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def robot_trap_field():
    """The field: named `website` in a form, hidden by the template, left out of the summary."""
    return forms.CharField(label=_("Leave this field empty"), required=False)


def refuse_if_filled(value):
    """A form's clean_website: a filled trap refuses the submission, with a way out for a person
    whose browser filled it in."""
    if value:
        raise ValidationError(
            _(
                "The hidden field for robots was filled in, so this looks like an automatic "
                "submission and was not accepted. If you are a person, clear your browser's "
                "automatic form filling and send again."
            ),
            code="honeypot",
        )
    return ""
