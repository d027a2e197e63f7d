"""The GET filters of the public listings (records, court rulings): year and free text.

A filter that does not make sense (?year=abc) is reported in Thai and ignored; the other
filters still apply, and nothing is ever an error page.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from tambon.thai.dates import MIN_BUDDHIST_YEAR

PER_PAGE = 20
MAX_BUDDHIST_YEAR = 2800


class ListingFilterForm(forms.Form):
    year = forms.IntegerField(
        label=_("Fiscal year"),
        required=False,
        min_value=MIN_BUDDHIST_YEAR,
        max_value=MAX_BUDDHIST_YEAR,
        error_messages={
            "invalid": _("Choose a year from the list (a Buddhist-Era year such as 2568)."),
            "min_value": _("Choose a year from the list (a Buddhist-Era year such as 2568)."),
            "max_value": _("Choose a year from the list (a Buddhist-Era year such as 2568)."),
        },
    )
    q = forms.CharField(
        label=_("Words to look for"),
        required=False,
        max_length=200,
        error_messages={
            "max_length": _("Type at most 200 characters."),
            "null_characters_not_allowed": _("The words contain a character that cannot be used."),
        },
    )

    def __init__(self, data=None, *, years=(), year_label=None):
        super().__init__(data or None)
        choices = [("", _("All years")), *((year, year) for year in years)]
        self.fields["year"].widget = forms.Select(choices=choices)
        if year_label is not None:
            self.fields["year"].label = year_label

    def filters(self):
        """The valid filters as {"year": 2568, "q": "..."}; invalid or empty ones are left out."""
        if not self.is_bound:
            return {}
        self.is_valid()
        for name in self.errors:
            attrs = self.fields[name].widget.attrs
            attrs["aria-describedby"] = f"{self[name].id_for_label}-error"
            attrs["aria-invalid"] = "true"
        cleaned = getattr(self, "cleaned_data", {})
        found = {}
        if cleaned.get("year"):
            found["year"] = cleaned["year"]
        if cleaned.get("q", "").strip():
            found["q"] = cleaned["q"].strip()
        return found


def paginate(request, items):
    """The page of `items` asked for; a page number that is not one gives the nearest page."""
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))
