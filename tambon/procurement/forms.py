from django import forms
from django.utils.translation import gettext_lazy as _

from .models.projects import AnnouncementKind


class AnnouncementFilterForm(forms.Form):
    """The public filters; every field is optional and a bad value is told, not fatal."""

    year = forms.TypedChoiceField(
        label=_("Fiscal year"), required=False, coerce=int, empty_value=None
    )
    kind = forms.ChoiceField(label=_("Kind of announcement"), required=False)
    q = forms.CharField(
        label=_("Words in the title or e-GP number"), required=False, max_length=200
    )

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("All years"))] + [(y, str(y)) for y in years]
        self.fields["kind"].choices = [("", _("All kinds"))] + list(AnnouncementKind.choices)


class UploadForm(forms.Form):
    # An empty file gets our own message, with the other reasons a file cannot be read.
    file = forms.FileField(
        allow_empty_file=True,
        label=_("CSV file"),
        help_text=_(
            "UTF-8 (with or without BOM) or Windows-874 / TIS-620, as Thai Excel saves it."
        ),
    )
