"""The case statistics for staff: the public page's figures of any fiscal year as CSV or
Excel. Counts only, so any case staff may download them."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from tambon.core.scoping import staff_organization
from tambon.thai.fiscal import fiscal_year
from tambon.thai.forms import FiscalYearField

from .. import opendata, roles, statistics


class StatisticsForm(forms.Form):
    """?year=2568 (none: the current fiscal year), and export=csv or xlsx for a download."""

    year = FiscalYearField(required=False)
    export = forms.ChoiceField(choices=[("csv", "CSV"), ("xlsx", "XLSX")], required=False)


def report(request):
    if not roles.is_case_staff(request.user):
        raise PermissionDenied
    form = StatisticsForm(request.GET, auto_id="stats-%s")
    # A year that is not one is told beside the form; the current year is shown meanwhile,
    # and no file is sent for it.
    valid = form.is_valid()
    year = (form.cleaned_data["year"] if valid else None) or fiscal_year()
    download = form.cleaned_data["export"] if valid else ""
    organization = staff_organization(request)
    if download == "csv":
        return opendata.csv_response(organization, "cases", year)
    if download == "xlsx":
        return opendata.xlsx_response(organization, year)
    return render(
        request,
        "cases/admin/statistics.html",
        {
            "form": form,
            "fiscal_year": year,
            "years": statistics.known_years(organization, fiscal_year()),
            "kinds": statistics.case_figures(organization, year),
        },
    )
